package org.mingzhang.journal;

import java.time.Instant;

/**
 * Reverse a posted transaction with a new, linked transaction that swaps every leg. Dated now unless
 * {@code occurredAt} says otherwise, and always in an open period.
 */
public record Reverse(String idempotencyKey, String recordedBy, long transactionId, String reason, Instant occurredAt)
        implements LedgerCommand<Transaction> {

    public Reverse {
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireRecordedBy(recordedBy);
        LedgerLimits.requireReason(reason);
    }

    @Override
    public String requestHash() {
        return new Canonical().add("Reverse").add(transactionId).add(reason).add(occurredAt).sha256();
    }
}
