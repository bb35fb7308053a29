package org.mingzhang.api.projects;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.ledger.AccountDirectory;
import org.mingzhang.matching.Rate;
import org.mingzhang.money.Money;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.Closing;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisbursementStatus;
import org.mingzhang.project.LeftoverDisposal;
import org.mingzhang.project.PlanVersion;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectEvent;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectSheets;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectStore;

/**
 * Builds the project answers: codes instead of ids, money as yuan strings, times in China Standard Time.
 * A project's figures are read from the project-money projection, which commits with the journal transactions it follows.
 */
@Singleton
public final class ProjectViews {

    private final AccountDirectory directory;
    private final ProjectStore projects;
    private final ProjectSheets sheets;
    private final ProjectGiving giving;

    public ProjectViews(AccountDirectory directory, ProjectStore projects, ProjectSheets sheets, ProjectGiving giving) {
        this.directory = directory;
        this.projects = projects;
        this.sheets = sheets;
        this.giving = giving;
    }

    public String fundCode(Project project) {
        return directory.fundCode(project.fundId());
    }

    public ProjectResponse of(Project project) {
        ProjectPlan plan = project.plan();
        // The project's money as the writer saved it with its last booking: one row and its lines, not a pass over history.
        ProjectMoney m = sheets.money(project.id());
        List<Disbursement> disbursements = projects.disbursements(project.id());
        ProjectGiving.Sheet sources = giving.sheet(project.id());
        Map<String, Long> overruns = new HashMap<>();
        for (Disbursement d : disbursements) {
            if (d.status() == DisbursementStatus.APPROVED || d.status() == DisbursementStatus.PAID) {
                overruns.merge(d.budgetItem(), d.overrunApprovedFen(), Long::sum);
            }
        }
        List<BudgetLineResponse> lines = plan.budget().stream().map(b -> line(b, m, overruns.getOrDefault(b.item(), 0L))).toList();
        long funded = m.raisedFen() + m.matchedFen() + m.transferredInFen();
        return new ProjectResponse(project.code(), directory.fundCode(project.fundId()), plan.title(), plan.category(),
                plan.need(), plan.goals(), Money.format(plan.targetAmountFen()), lines,
                plan.plan(), plan.team().stream().map(t -> new TeamMemberResponse(t.name(), t.role())).toList(),
                Times.format(plan.fundraisingOpensAt()), Times.format(plan.fundraisingClosesAt()), plan.matchingPoolCode(),
                Rate.format(plan.managementFeeBasisPoints()), project.status(), project.createdBy().name(),
                project.submittedBy() == null ? null : project.submittedBy().name(),
                Times.format(project.createdAt()), Times.format(project.updatedAt()), project.planVersion(), project.needId(),
                Money.format(m.raisedFen()), Money.format(m.refundedFromFundFen()), Money.format(m.matchedFen()),
                Money.format(m.transferredInFen()), Money.format(m.owedToPoolFen()), Money.format(m.receivedFen()),
                Money.format(m.disbursedFen()), Money.format(m.goodsIssuedFen()), Money.format(m.feesFen()),
                Money.format(m.reservedFen()), Money.format(m.leftoverOutFen()), Money.format(m.availableFen()),
                new ProjectHoldingsResponse(Money.format(m.restrictedFen()), Money.format(m.designatedFen()),
                        Money.format(m.cashHeldFen()), Money.format(m.goodsHeldFen())),
                Money.format(funded - plan.targetAmountFen()), Money.format(m.disbursedFen() - plan.targetAmountFen()),
                closing(project), projects.leftovers(project.id()).stream().map(this::of).toList(),
                sources.sources().stream().map(s -> new RaisedBySourceResponse(s.channel(), s.donorKind(), s.gifts(),
                        Money.format(s.amountFen()))).toList(), sources.donors());
    }

    private static BudgetLineResponse line(BudgetLine b, ProjectMoney m, long overrunFen) {
        long disbursed = m.disbursedFen(b.item());
        long reserved = m.reservedFen(b.item());
        return new BudgetLineResponse(b.lineNo(), b.item(), Money.format(b.amountFen()), b.note(), Money.format(disbursed),
                Money.format(reserved), Money.format(overrunFen), Money.format(b.amountFen() + overrunFen - disbursed - reserved),
                Money.format(disbursed - b.amountFen()));
    }

    private static ClosingResponse closing(Project project) {
        Closing c = project.closing();
        if (c == null) {
            return null;
        }
        List<String> goals = project.plan().goals();
        List<ClosingResponse.GoalOutcomeResponse> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < c.goalOutcomes().size(); i++) {
            outcomes.add(new ClosingResponse.GoalOutcomeResponse(i < goals.size() ? goals.get(i) : null, c.goalOutcomes().get(i)));
        }
        return new ClosingResponse(c.results(), outcomes, c.completedBy().name());
    }

    public LeftoverResponse of(LeftoverDisposal l) {
        String target = l.targetProjectId() == null ? null
                : projects.project(l.targetProjectId()).map(Project::code).orElse(null);
        return new LeftoverResponse(l.seq(), l.disposition(), Money.format(l.amountFen()), target, l.transactionId(),
                l.decidedBy().name(), Times.format(l.decidedAt()), l.reason());
    }

    public ProjectEventResponse of(ProjectEvent event) {
        return new ProjectEventResponse(event.seq(), Times.format(event.at()), event.by().name(), event.action(),
                event.from(), event.to(), event.reason());
    }

    public PlanVersionResponse of(PlanVersion v, Project project) {
        ProjectPlan plan = v.plan();
        return new PlanVersionResponse(v.versionNo(), v.status(), v.versionNo() == project.planVersion(), plan.title(),
                plan.category(), plan.need(), plan.goals(), Money.format(plan.targetAmountFen()),
                plan.budget().stream().map(b -> new PlanVersionResponse.Line(b.lineNo(), b.item(), Money.format(b.amountFen()),
                        b.note())).toList(),
                plan.plan(), plan.team().stream().map(t -> new TeamMemberResponse(t.name(), t.role())).toList(),
                Times.format(plan.fundraisingOpensAt()), Times.format(plan.fundraisingClosesAt()),
                Rate.format(plan.managementFeeBasisPoints()), v.proposedBy().name(),
                Times.format(v.proposedAt()), v.changeReason(), v.decidedBy() == null ? null : v.decidedBy().name(),
                v.decidedAt() == null ? null : Times.format(v.decidedAt()), v.decisionReason());
    }
}
