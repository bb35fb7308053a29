package org.mingzhang.project;

import java.time.Instant;
import java.util.List;

/**
 * A project plan (《社区基金项目计划书》) as data: the residents' need, goals, category, budget lines,
 * execution plan, team and fundraising window. The budget lines add up to the target amount.
 */
public record ProjectPlan(String title, String category, String need, List<String> goals, long targetAmountFen,
                          List<BudgetLine> budget, String plan, List<TeamMember> team, Instant fundraisingOpensAt,
                          Instant fundraisingClosesAt, String matchingPoolCode) {

    public static final int TITLE_LENGTH_MAX = 200;
    public static final int CATEGORY_LENGTH_MAX = 50;
    public static final int NEED_LENGTH_MAX = 2000;
    public static final int PLAN_LENGTH_MAX = 4000;
    /** Goals, budget items and notes. */
    public static final int LINE_LENGTH_MAX = 500;
    /** Team members' names and roles. */
    public static final int PERSON_LENGTH_MAX = 100;
    public static final int GOALS_MAX = 50;
    public static final int BUDGET_LINES_MAX = 100;
    public static final int TEAM_MAX = 100;

    public ProjectPlan {
        // Storage keeps microseconds; the window must compare the same before and after it is stored.
        fundraisingOpensAt = fundraisingOpensAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        fundraisingClosesAt = fundraisingClosesAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (targetAmountFen <= 0) {
            throw new IllegalArgumentException("the target amount must be positive: " + targetAmountFen);
        }
        if (matchingPoolCode != null) {
            org.mingzhang.journal.LedgerLimits.requireCode(matchingPoolCode);
        }
        goals = List.copyOf(goals);
        budget = List.copyOf(budget);
        team = List.copyOf(team);
        if (goals.isEmpty() || goals.size() > GOALS_MAX || budget.isEmpty() || budget.size() > BUDGET_LINES_MAX
                || team.isEmpty() || team.size() > TEAM_MAX) {
            throw new IllegalArgumentException("a plan has 1 to " + GOALS_MAX + " goals, 1 to " + BUDGET_LINES_MAX
                    + " budget lines and 1 to " + TEAM_MAX + " team members");
        }
        requireText(title, "title", TITLE_LENGTH_MAX);
        requireText(category, "category", CATEGORY_LENGTH_MAX);
        requireText(need, "need", NEED_LENGTH_MAX);
        requireText(plan, "plan", PLAN_LENGTH_MAX);
        goals.forEach(g -> requireText(g, "goal", LINE_LENGTH_MAX));
        budget.forEach(b -> requireText(b.item(), "budget item", LINE_LENGTH_MAX));
        budget.stream().filter(b -> b.note() != null).forEach(b -> requireText(b.note(), "budget note", LINE_LENGTH_MAX));
        team.forEach(m -> {
            requireText(m.name(), "team member name", PERSON_LENGTH_MAX);
            requireText(m.role(), "team member role", PERSON_LENGTH_MAX);
        });
        if (!fundraisingClosesAt.isAfter(fundraisingOpensAt)) {
            throw new IllegalArgumentException("the fundraising window must close after it opens");
        }
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " characters");
        }
    }

    /** The sum of the budget lines. */
    public long budgetTotalFen() {
        long total = 0;
        for (BudgetLine line : budget) {
            total = Math.addExact(total, line.amountFen());
        }
        return total;
    }

    /** Whether a gift received at {@code at} falls in the fundraising window (both ends included). */
    public boolean inWindow(Instant at) {
        return !at.isBefore(fundraisingOpensAt) && !at.isAfter(fundraisingClosesAt);
    }
}
