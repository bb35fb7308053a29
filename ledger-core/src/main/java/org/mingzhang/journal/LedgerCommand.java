package org.mingzhang.journal;

/**
 * A request to change the ledger, validated for shape at the edge and decided by the single writer: the
 * journal's own commands by {@link LedgerStateMachine}, the others by the {@link Decider} that takes them.
 * Commands that move money carry a client's idempotency key and a hash of their content.
 *
 * @param <T> what the command produces when it is accepted
 */
public interface LedgerCommand<T> {

    /** The client's key; {@code null} for commands that are naturally unique (a fund code, a period). */
    default String idempotencyKey() {
        return null;
    }

    /** Canonical content hash, so that a replay with the same key and other content is caught. */
    default String requestHash() {
        return null;
    }
}
