package org.mingzhang.matching;

import java.time.Instant;

/**
 * A project's settled match: the figures of its explanation at settlement, the amount paid from the pool
 * ({@code finalFen}), and what later refunds took back to the pool ({@code returnedFen}, never more than paid).
 */
public record Settlement(long id, long poolId, long projectId, int ruleVersion, long receivedFen, long removedByDonationCapFen,
                         long removedByDonorCapFen, long baseFen, long computedFen, long removedByProjectCapFen,
                         long cappedFen, long budgetAvailableFen, long removedByBudgetFen, long finalFen, long returnedFen,
                         Long transactionId, Instant settledAt) {

    public Settlement {
        if (returnedFen < 0 || returnedFen > finalFen) {
            throw new IllegalStateException("a settlement returns between nothing and what it paid: " + returnedFen + " of " + finalFen);
        }
    }

    static Settlement of(long id, long poolId, long projectId, int ruleVersion, MatchExplanation e, Long transactionId, Instant at) {
        return new Settlement(id, poolId, projectId, ruleVersion, e.receivedFen(), e.removedByDonationCapFen(),
                e.removedByDonorCapFen(), e.baseFen(), e.computedFen(), e.removedByProjectCapFen(), e.cappedFen(),
                e.budgetAvailableFen(), e.removedByBudgetFen(), e.finalFen(), 0, transactionId, at);
    }

    /** What the project keeps of its match now. */
    public long netFen() {
        return finalFen - returnedFen;
    }

    /**
     * What the project is entitled to keep once its capped match, recomputed from the gifts as they stand now, is
     * {@code cappedNowFen}: never more than it was paid; first come first served, the recomputed amount itself; pro rata,
     * that amount scaled as the settlement scaled the capped one.
     */
    public long entitledFen(SettlementMode mode, long cappedNowFen) {
        if (mode == SettlementMode.AT_PROJECT_CLOSE || cappedFen == 0) {
            return Math.min(cappedNowFen, finalFen);
        }
        return java.math.BigInteger.valueOf(cappedNowFen).multiply(java.math.BigInteger.valueOf(finalFen))
                .divide(java.math.BigInteger.valueOf(cappedFen)).min(java.math.BigInteger.valueOf(finalFen)).longValueExact();
    }

    public Settlement withReturned(long moreFen) {
        return new Settlement(id, poolId, projectId, ruleVersion, receivedFen, removedByDonationCapFen, removedByDonorCapFen,
                baseFen, computedFen, removedByProjectCapFen, cappedFen, budgetAvailableFen, removedByBudgetFen, finalFen,
                Math.addExact(returnedFen, moreFen), transactionId, settledAt);
    }
}
