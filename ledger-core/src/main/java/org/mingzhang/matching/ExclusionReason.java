package org.mingzhang.matching;

/**
 * Why a gift adds nothing to a project's match base, in the order the calculator checks: a gift that
 * fails several checks is counted once, under the first.
 */
public enum ExclusionReason {
    /** The gift was given back; a refund recomputes the match without it. */
    REFUNDED,
    /** Received before the pool's window opened or after it closed. */
    OUTSIDE_WINDOW,
    /** Goods or services at a valuation, and the rule does not count gifts in kind. */
    IN_KIND_NOT_ELIGIBLE
}
