package org.mingzhang.api.projects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Times;
import org.mingzhang.matching.Rate;
import org.mingzhang.matching.RateFormatException;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.TeamMember;

/**
 * Reads a project plan from a request. It checks every invariant that {@link ProjectPlan} asserts, and
 * names the field that breaks it ({@code budget[1].amount}), so that user input answers 400 and never
 * reaches the core's constructor in a shape that would throw.
 */
final class PlanInput {

    private PlanInput() {
    }

    /** The plan, or null after recording in {@code input} everything wrong with the request. */
    static ProjectPlan read(CreateProjectRequest request, Input input) {
        return read(request, input, "");
    }

    /** The same, with every field named under {@code prefix} ("plan." when the plan is part of a larger body). */
    static ProjectPlan read(CreateProjectRequest request, Input given, String prefix) {
        Input input = prefix.isEmpty() ? given : given.under(prefix);
        String title = input.text(request.title(), "title", ProjectLimits.TITLE_CHARS_MAX);
        String category = input.text(request.category(), "category", ProjectLimits.CATEGORY_CHARS_MAX);
        String need = input.text(request.need(), "need", ProjectLimits.NEED_CHARS_MAX);
        List<String> goals = goals(request.goals(), input);
        long targetAmountFen = input.positiveAmount(request.targetAmount(), "targetAmount");
        List<BudgetLine> budget = budget(request.budget(), input);
        String plan = input.text(request.plan(), "plan", ProjectLimits.PLAN_CHARS_MAX);
        List<TeamMember> team = team(request.team(), input);
        Instant opensAt = windowEnd(request.fundraisingOpensAt(), "fundraisingOpensAt", input);
        Instant closesAt = windowEnd(request.fundraisingClosesAt(), "fundraisingClosesAt", input);
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            input.fail("fundraisingClosesAt", "must be after fundraisingOpensAt (" + request.fundraisingOpensAt() + "): "
                    + request.fundraisingClosesAt());
        }
        String matchingPoolCode = request.matchingPoolCode() == null ? null
                : input.code(request.matchingPoolCode(), "matchingPoolCode", ProjectLimits.MATCHING_POOL_CODE_CHARS_MAX);
        int feeBasisPoints = feeRate(request.managementFeeRate(), input);
        if (!input.valid()) {
            return null;
        }
        return new ProjectPlan(title, category, need, goals, targetAmountFen, budget, plan, team, opensAt, closesAt,
                matchingPoolCode, feeBasisPoints);
    }

    /** The plan's management fee in basis points: absent is none; present, a rate from 0 to 0.13. */
    private static int feeRate(String text, Input input) {
        if (text == null) {
            return 0;
        }
        try {
            int bp = Rate.parseRate(text);
            if (bp > ProjectPlan.MANAGEMENT_FEE_BP_MAX) {
                input.fail("managementFeeRate", "must be at most " + Rate.format(ProjectPlan.MANAGEMENT_FEE_BP_MAX)
                        + " (the ceiling on a 社会团体's management costs): " + text);
            }
            return bp;
        } catch (RateFormatException e) {
            input.fail("managementFeeRate", e.getMessage());
            return 0;
        }
    }

    /**
     * One end of the fundraising window: required, with an offset, in a four-digit year. It is cut to the
     * precision storage keeps before the two ends are compared, so that the plan the writer holds and the
     * one read back later are the same, and an order that only nanoseconds made cannot collapse in storage.
     */
    private static Instant windowEnd(String text, String field, Input input) {
        if (text == null) {
            input.fail(field, "is required");
            return null;
        }
        Instant at = Times.parseTime(text, field, input);
        if (at == null) {
            return null;
        }
        return at.truncatedTo(Times.STORED_PRECISION);
    }

    private static List<String> goals(List<String> goals, Input input) {
        List<String> read = new ArrayList<>();
        if (!count(goals, "goals", "goals", ProjectLimits.GOALS_MAX, "goalsMax", input)) {
            return read;
        }
        for (int i = 0; i < goals.size(); i++) {
            read.add(input.text(goals.get(i), "goals[" + i + "]", ProjectLimits.LINE_CHARS_MAX));
        }
        return read;
    }

    private static List<BudgetLine> budget(List<BudgetLineRequest> lines, Input input) {
        List<BudgetLine> read = new ArrayList<>();
        if (!count(lines, "budget", "lines", ProjectLimits.BUDGET_LINES_MAX, "budgetLinesMax", input)) {
            return read;
        }
        for (int i = 0; i < lines.size(); i++) {
            String at = "budget[" + i + "]";
            BudgetLineRequest line = lines.get(i);
            if (line == null) {
                input.fail(at, "is required");
                continue;
            }
            String item = input.text(line.item(), at + ".item", ProjectLimits.LINE_CHARS_MAX);
            long amountFen = input.positiveAmount(line.amount(), at + ".amount");
            // The core keeps a note only when there is one; a blank note is no note.
            String note = line.note() == null || line.note().isBlank() ? null
                    : input.optionalText(line.note(), at + ".note", ProjectLimits.LINE_CHARS_MAX);
            if (item != null && amountFen > 0) {
                read.add(new BudgetLine(i + 1, item, amountFen, note));
            }
        }
        return read;
    }

    private static List<TeamMember> team(List<TeamMemberRequest> members, Input input) {
        List<TeamMember> read = new ArrayList<>();
        if (!count(members, "team", "members", ProjectLimits.TEAM_MAX, "teamMax", input)) {
            return read;
        }
        for (int i = 0; i < members.size(); i++) {
            String at = "team[" + i + "]";
            TeamMemberRequest member = members.get(i);
            if (member == null) {
                input.fail(at, "is required");
                continue;
            }
            String name = input.text(member.name(), at + ".name", ProjectLimits.PERSON_CHARS_MAX);
            String role = input.text(member.role(), at + ".role", ProjectLimits.PERSON_CHARS_MAX);
            if (name != null && role != null) {
                read.add(new TeamMember(name, role));
            }
        }
        return read;
    }

    /** Whether a list is present with 1 to {@code max} entries; records why not otherwise. */
    private static boolean count(List<?> list, String field, String noun, int max, String limitName, Input input) {
        if (list == null) {
            input.fail(field, "is required");
            return false;
        }
        if (list.isEmpty() || list.size() > max) {
            input.fail(field, "must have 1 to " + max + " " + noun + " (" + limitName + "): it has " + list.size());
            return false;
        }
        return true;
    }
}
