package org.mingzhang.journal;

/**
 * The writer did not answer within the caller's wait ({@link LedgerWriter.Settings#answerTimeoutMs()}). A command
 * not yet decided is dropped; one already in a batch may still commit, so the caller retries with the same
 * idempotency key, which replays it if it did (HTTP 503 with Retry-After).
 */
public final class LedgerTimeoutException extends RuntimeException {

    public LedgerTimeoutException(long timeoutMs) {
        super("the ledger did not answer within " + timeoutMs + " ms (answerTimeoutMs); the write may or may not have "
                + "been made: retry with the same Idempotency-Key, which returns the original answer if it was");
    }
}
