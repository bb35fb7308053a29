package org.mingzhang.api.matching;

import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.project.ProjectPlan;

/**
 * The limits the edge checks on a matching pool, taken from the core where the core names them so that
 * the 400 a client gets and the invariant the core asserts never disagree. Compile-time constants, because
 * OpenAPI annotations quote them.
 */
public final class MatchingLimits {

    /** A pool's code is also the code of the seed fund that holds its money, so it is a fund code. */
    public static final int CODE_CHARS_MAX = LedgerLimits.CODE_LENGTH_MAX;
    /**
     * The pool's fund is named after the pool with a prefix, within a fund name's {@link LedgerLimits#NAME_LENGTH_MAX}
     * characters; {@code CreatePool} asserts this bound (it keeps ten characters for the prefix) but does not name it.
     */
    public static final int NAME_CHARS_MAX = org.mingzhang.matching.CreatePool.NAME_LENGTH_MAX;
    public static final int TIERS_MAX = MatchRule.TIERS_MAX;
    public static final int ELIGIBLE_CATEGORIES_MAX = MatchRule.ELIGIBLE_CATEGORIES_MAX;
    public static final int ELIGIBLE_FUNDS_MAX = MatchRule.ELIGIBLE_FUND_CODES_MAX;
    /**
     * A category a pool matches is compared with a project's category, which has at most this many
     * characters; storage keeps no more either (matching_rule_scope.scope_value).
     */
    public static final int CATEGORY_CHARS_MAX = ProjectPlan.CATEGORY_LENGTH_MAX;

    private MatchingLimits() {
    }
}
