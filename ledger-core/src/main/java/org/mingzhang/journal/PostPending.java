package org.mingzhang.journal;

/**
 * Post a pending transfer, in full ({@code amountFen} null) or in part; what is not posted is released.
 */
public record PostPending(String idempotencyKey, String recordedBy, long pendingId, Long amountFen, String memo)
        implements LedgerCommand<Transaction> {

    public PostPending {
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireRecordedBy(recordedBy);
        if (amountFen != null) {
            LedgerLimits.requireAmount(amountFen);
        }
    }

    @Override
    public String requestHash() {
        return new Canonical().add("PostPending").add(pendingId).add(amountFen).add(memo).sha256();
    }
}
