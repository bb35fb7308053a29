package org.mingzhang.matching;

/**
 * How a pool's rate tiers turn a project's match base into a match; both modes give the same tier at a
 * threshold (a base equal to a tier's minimum has reached that tier).
 */
public enum MatchMode {

    /**
     * The tier reached by the whole base gives the rate for the whole base, as the seeds' wording has it.
     * One more fen across a threshold can raise the match by much more than a fen (a cliff).
     */
    FLAT,

    /**
     * Each tier's rate applies only to the money inside its band, like income tax brackets, so the match
     * grows smoothly with the base and never jumps at a threshold.
     */
    MARGINAL
}
