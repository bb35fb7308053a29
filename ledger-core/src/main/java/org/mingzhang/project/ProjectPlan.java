package org.mingzhang.project;

import java.time.Instant;
import java.util.List;

/**
 * A project plan (《社区基金项目计划书》) as data: the residents' need, goals, category, budget lines,
 * execution plan, team and fundraising window. The budget lines add up to the target amount.
 *
 * @param managementFeeBasisPoints the management fee (管理费) the federation may charge on the money raised for the
 *     project, in hundredths of a percent (500 = 5%); at most {@link #MANAGEMENT_FEE_BP_MAX}, the ceiling the 2016
 *     three-ministry rule sets on a 社会团体's management costs
 */
public record ProjectPlan(String title, String category, String need, List<String> goals, long targetAmountFen,
                          List<BudgetLine> budget, String plan, List<TeamMember> team, Instant fundraisingOpensAt,
                          Instant fundraisingClosesAt, String matchingPoolCode, int managementFeeBasisPoints) {

    /** 13%: no project's plan lets more of its money go to management than the law lets a federation spend on it. */
    public static final int MANAGEMENT_FEE_BP_MAX = 1_300;

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
        if (managementFeeBasisPoints < 0 || managementFeeBasisPoints > MANAGEMENT_FEE_BP_MAX) {
            throw new IllegalArgumentException("a management fee is 0 to " + MANAGEMENT_FEE_BP_MAX + " basis points: "
                    + managementFeeBasisPoints);
        }
    }

    /** A plan that charges no management fee. */
    public ProjectPlan(String title, String category, String need, List<String> goals, long targetAmountFen, List<BudgetLine> budget,
                       String plan, List<TeamMember> team, Instant fundraisingOpensAt, Instant fundraisingClosesAt,
                       String matchingPoolCode) {
        this(title, category, need, goals, targetAmountFen, budget, plan, team, fundraisingOpensAt, fundraisingClosesAt,
                matchingPoolCode, 0);
    }

    /** Basis points as a percentage for people: 500 → "5.00%". */
    public static String percent(int basisPoints) {
        return "%d.%02d%%".formatted(basisPoints / 100, basisPoints % 100);
    }

    /** The fee the plan allows on {@code raisedFen}, rounded down to the fen. */
    public long managementFeeOn(long raisedFen) {
        return java.math.BigInteger.valueOf(Math.max(0, raisedFen)).multiply(java.math.BigInteger.valueOf(managementFeeBasisPoints))
                .divide(java.math.BigInteger.valueOf(10_000)).longValueExact();
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
