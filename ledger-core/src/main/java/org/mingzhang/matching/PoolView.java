package org.mingzhang.matching;

import java.util.Map;
import java.util.Set;

/**
 * A pool as its users see it, in figures that reconcile with its budget (see {@link #reconciles()}):
 * {@code settledFen} what settlements paid projects; {@code returnedFen} what refunds after settlement took back from
 * them; {@code availableFen} what the pool's own bank account holds; {@code receivableFen} what projects' funds still
 * owe it for returned match money they had spent (1901); {@code returnedToSponsorFen} what went back to the sponsor at
 * close. {@code reservedFen} is the provisional matches of projects still raising money: not yet owed (first come,
 * first served at settlement), so part of what is available.
 */
public record PoolView(MatchingPool pool, long settledFen, long returnedFen, long reservedFen, long availableFen,
                       long receivableFen, Map<String, Map<String, Set<AbuseSignal>>> signalsByProject) {

    /** What projects keep of their matches now. */
    public long keptFen() {
        return settledFen - returnedFen;
    }

    public long returnedToSponsorFen() {
        return pool.returnedToSponsorFen();
    }

    /** budget = settled − returned + available + receivable + returned to the sponsor. */
    public boolean reconciles() {
        return pool.budgetFen() == settledFen - returnedFen + availableFen + receivableFen + returnedToSponsorFen();
    }
}
