package org.mingzhang.matching;

/**
 * A project's match explained: the pool and rule version, the calculator's explanation (provisional while
 * the project raises money, as settled afterwards), and the settlement when there is one.
 */
public record ProjectMatch(MatchingPool pool, boolean eligible, MatchExplanation explanation, Settlement settlement) {
}
