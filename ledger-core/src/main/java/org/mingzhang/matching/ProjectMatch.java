package org.mingzhang.matching;

/**
 * A project's match explained: the pool and rule version, the calculator's explanation (provisional while
 * the project raises money, as settled afterwards), and the settlement when there is one.
 */
public record ProjectMatch(MatchingPool pool, boolean eligible, MatchExplanation explanation, Settlement settlement) {

    /**
     * The match of a project from its base: a settled match is explained against the budget it met, a provisional one
     * against what the pool has now; a project the rule does not admit gets nothing (the whole capped amount is shown as
     * refused by the budget). The writer answers a gift with it, and the reads explain a project with it.
     *
     * @param poolAvailableFen what the pool can still give now
     */
    public static ProjectMatch of(MatchingPool pool, boolean eligible, MatchBase base, long poolAvailableFen, Settlement settlement) {
        long budget = settlement != null ? settlement.budgetAvailableFen() : poolAvailableFen;
        return new ProjectMatch(pool, eligible, MatchCalculator.explain(pool.rule(), base, eligible ? budget : 0), settlement);
    }
}
