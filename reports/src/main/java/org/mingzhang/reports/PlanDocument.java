package org.mingzhang.reports;

import java.time.Instant;
import java.util.List;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.TeamMember;

/**
 * What a project plan (《社区基金项目计划书》) shows, in the plan version in force: gathered from the core's read ports,
 * with no figure of its own. The committee reads it before fundraising starts, signs and seals it.
 *
 * @param answeredNeed the residents' need (居民点单) the project answers, when one was recorded; null otherwise
 * @param pool the matching pool the plan names and its rule, or null when it names none
 * @param submitted who submitted the plan for approval, or null while it is a draft
 * @param decided the committee's approval or rejection, or null while none was made
 */
public record PlanDocument(String projectCode, String title, String fundCode, String fundName, String category,
                           ProjectStatus status, int planVersion, String need, AnsweredNeed answeredNeed, List<String> goals,
                           List<BudgetLine> budget, long targetFen, String executionPlan, List<TeamMember> team,
                           Instant fundraisingOpensAt, Instant fundraisingClosesAt, PoolRule pool,
                           int managementFeeBasisPoints, Decision submitted, Decision decided, boolean approved) {

    public PlanDocument {
        goals = List.copyOf(goals);
        budget = List.copyOf(budget);
        team = List.copyOf(team);
    }

    /** A need residents raised: its title, who raised it, how many supported it and when it was recorded. */
    public record AnsweredNeed(long id, String title, String raisedBy, int supporters, Instant recordedAt) {
    }

    /**
     * A matching pool and its rule, as the plan's reader needs it: its name, its budget and the rule in words
     * ("募集总额达到3万元，配捐30%").
     */
    public record PoolRule(String code, String name, long budgetFen, List<String> ruleInWords) {

        public PoolRule {
            ruleInWords = List.copyOf(ruleInWords);
        }
    }

    public long budgetTotalFen() {
        return budget.stream().mapToLong(BudgetLine::amountFen).reduce(0, Math::addExact);
    }
}
