package org.mingzhang.journal;

/** Void a pending transfer: the reservation is released and nothing is posted. */
public record VoidPending(String idempotencyKey, String recordedBy, long pendingId, String reason)
        implements LedgerCommand<Transaction> {

    public VoidPending {
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireRecordedBy(recordedBy);
        LedgerLimits.requireReason(reason);
    }

    @Override
    public String requestHash() {
        return new Canonical().add("VoidPending").add(pendingId).add(reason).sha256();
    }
}
