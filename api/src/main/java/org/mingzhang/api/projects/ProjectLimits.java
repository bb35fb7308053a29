package org.mingzhang.api.projects;

import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.project.ProjectPlan;

/**
 * The limits the edge checks on a project plan, taken from the core's {@link ProjectPlan} so that the
 * 400 a client gets and the invariant the core asserts never disagree. Compile-time constants, because
 * OpenAPI annotations quote them. (They belong with the others in {@code api.Limits}; they live here
 * until that shared file can take them.)
 */
public final class ProjectLimits {

    /** Project codes appear in URLs, like fund codes, and are stored in as many characters. */
    public static final int CODE_CHARS_MAX = LedgerLimits.CODE_LENGTH_MAX;
    public static final int MATCHING_POOL_CODE_CHARS_MAX = LedgerLimits.CODE_LENGTH_MAX;
    public static final int TITLE_CHARS_MAX = ProjectPlan.TITLE_LENGTH_MAX;
    public static final int CATEGORY_CHARS_MAX = ProjectPlan.CATEGORY_LENGTH_MAX;
    public static final int NEED_CHARS_MAX = ProjectPlan.NEED_LENGTH_MAX;
    public static final int PLAN_CHARS_MAX = ProjectPlan.PLAN_LENGTH_MAX;
    /** A goal, a budget item or a budget note. */
    public static final int LINE_CHARS_MAX = ProjectPlan.LINE_LENGTH_MAX;
    /** A team member's name or role. */
    public static final int PERSON_CHARS_MAX = ProjectPlan.PERSON_LENGTH_MAX;
    public static final int GOALS_MAX = ProjectPlan.GOALS_MAX;
    public static final int BUDGET_LINES_MAX = ProjectPlan.BUDGET_LINES_MAX;
    public static final int TEAM_MAX = ProjectPlan.TEAM_MAX;

    private ProjectLimits() {
    }
}
