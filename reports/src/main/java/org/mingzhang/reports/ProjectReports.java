package org.mingzhang.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mingzhang.fund.Fund;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.journal.LedgerReads;
import org.mingzhang.matching.MatchExplanation;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.matching.ProjectMatch;
import org.mingzhang.matching.Settlement;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.Closing;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisbursementStatus;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectSheets;
import org.mingzhang.project.ProjectStore;

/**
 * Gathers a project's {@link ProjectReport} from the core's read ports only: the project, its plan, disbursements and
 * leftover decisions from {@link ProjectStore}; its money from the project-money projection ({@link ProjectSheets});
 * its sources and donors from the giving projection ({@link ProjectGiving}); its match from the match-base projection
 * ({@link MatchingReads#project}); its fund from {@link LedgerReads}. None of these reads walks the project's journal
 * transactions, and none its gifts unless the match's tally was counted under another pool, so a report costs about the
 * same after twenty gifts or twenty thousand.
 */
public final class ProjectReports {

    private static final Comparator<ProjectGiving.Source> SOURCE_ORDER = Comparator.comparing(ProjectGiving.Source::channel)
            .thenComparing(ProjectGiving.Source::donorKind);

    private final ProjectStore projects;
    private final ProjectSheets sheets;
    private final ProjectGiving giving;
    private final MatchingReads matching;
    private final LedgerReads ledger;

    public ProjectReports(ProjectStore projects, ProjectSheets sheets, ProjectGiving giving, MatchingReads matching,
                          LedgerReads ledger) {
        this.projects = projects;
        this.sheets = sheets;
        this.giving = giving;
        this.matching = matching;
        this.ledger = ledger;
    }

    /**
     * The report of the project with this code; empty when there is none. The ports are read one after another, not in
     * one snapshot: a report gathered while the writer books for the project may not tie, and gathering it again after
     * the booking gives one that does ({@link ProjectReport#ties()}).
     */
    public Optional<ProjectReport> gather(String projectCode) {
        return projects.project(projectCode).map(this::gather);
    }

    private ProjectReport gather(Project project) {
        return gather(project, projects.disbursements(project.id()));
    }

    /** The report of a project already read, with its disbursements already read (a caller that needs them too). */
    ProjectReport gather(Project project, List<Disbursement> disbursements) {
        ProjectPlan plan = project.plan();
        Fund fund = ledger.fund(project.fundId()).orElseThrow(() -> new IllegalStateException("project " + project.code()
                + " belongs to fund " + project.fundId() + ", which the ledger does not have"));
        ProjectMoney money = sheets.money(project.id());
        ProjectGiving.Sheet sources = giving.sheet(project.id());
        ProjectReport.Match match = plan.matchingPoolCode() == null ? null
                : matching.project(project.code()).map(ProjectReports::match).orElse(null);

        // The port's order is not one order: the writer's sheet lists sources in the enums' order, the stored one in the
        // order of their names as the database sorts text. A report lists them as the enums declare them, every time.
        ProjectReport.Raised raised = new ProjectReport.Raised(money.raisedFen(), money.refundedFromFundFen(),
                sources.sources().stream().sorted(SOURCE_ORDER)
                        .map(s -> new ProjectReport.Source(s.channel(), s.donorKind(), s.gifts(), s.amountFen())).toList(),
                sources.donors());
        ProjectReport.Sheet sheet = new ProjectReport.Sheet(money.matchedFen(), money.owedToPoolFen(), money.transferredInFen(),
                money.feesFen(), money.disbursedFen(), money.goodsIssuedFen(), money.leftoverOutFen(), money.reservedFen(),
                money.holdingsFen(), money.availableFen());
        List<ProjectReport.Leftover> leftovers = projects.leftovers(project.id()).stream()
                .map(l -> new ProjectReport.Leftover(l.disposition(), l.amountFen(), l.targetProjectId() == null ? null
                        : projects.project(l.targetProjectId()).map(Project::code).orElse(null), l.reason()))
                .toList();
        return new ProjectReport(project.code(), plan.title(), fund.code(), fund.name(), plan.category(), project.status(),
                project.planVersion(), plan.targetAmountFen(), plan.matchingPoolCode(), plan.managementFeeBasisPoints(), raised,
                match, sheet, lines(plan, money, disbursements), leftovers, goals(plan, project.closing()),
                project.closing() == null ? null : project.closing().results());
    }

    private static ProjectReport.Match match(ProjectMatch m) {
        MatchExplanation e = m.explanation();
        Settlement s = m.settlement();
        return new ProjectReport.Match(m.pool().code(), m.pool().name(), m.eligible(), e.mode(), e.giftsCounted(), e.receivedFen(),
                e.removedByDonationCapFen(), e.removedByDonorCapFen(), e.baseFen(), e.tierIndex(), e.rateBasisPoints(), e.bands(),
                e.computedFen(), e.removedByProjectCapFen(), e.cappedFen(), e.budgetAvailableFen(), e.removedByBudgetFen(),
                e.finalFen(), s == null ? null : new ProjectReport.Settled(s.finalFen(), s.returnedFen()));
    }

    /**
     * The plan's lines with what was paid and reserved on each, then any item the money touched that the plan in force
     * does not list. The projection keeps money by item name, and every item it has came from a disbursement, so the
     * disbursements name every item there can be.
     */
    private static List<ProjectReport.Line> lines(ProjectPlan plan, ProjectMoney money, List<Disbursement> disbursements) {
        Map<String, Long> overruns = new LinkedHashMap<>();
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (Disbursement d : disbursements) {
            // A rejected or cancelled disbursement's overrun was never spent; only approved and paid ones count.
            if ((d.status() == DisbursementStatus.APPROVED || d.status() == DisbursementStatus.PAID) && d.overrunApprovedFen() > 0) {
                overruns.merge(d.budgetItem(), d.overrunApprovedFen(), Math::addExact);
                if (d.decisionReason() != null) {
                    reasons.computeIfAbsent(d.budgetItem(), k -> new ArrayList<>()).add(d.decisionReason());
                }
            }
        }
        List<ProjectReport.Line> lines = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (BudgetLine b : plan.budget()) {
            planned.add(b.item());
            lines.add(new ProjectReport.Line(b.lineNo(), b.item(), b.amountFen(), money.disbursedFen(b.item()),
                    money.reservedFen(b.item()), overruns.getOrDefault(b.item(), 0L), b.note(), reasons.getOrDefault(b.item(), List.of())));
        }
        disbursements.stream().map(Disbursement::budgetItem).filter(item -> !planned.contains(item)).distinct()
                .filter(money::touches)
                .forEach(item -> lines.add(new ProjectReport.Line(0, item, 0, money.disbursedFen(item), money.reservedFen(item),
                        overruns.getOrDefault(item, 0L), null, reasons.getOrDefault(item, List.of()))));
        return lines;
    }

    private static List<ProjectReport.Goal> goals(ProjectPlan plan, Closing closing) {
        List<ProjectReport.Goal> goals = new ArrayList<>();
        for (int i = 0; i < plan.goals().size(); i++) {
            // The core completes a project only with one outcome per goal of its plan, in the plan's order.
            String outcome = closing != null && i < closing.goalOutcomes().size() ? closing.goalOutcomes().get(i) : null;
            goals.add(new ProjectReport.Goal(plan.goals().get(i), outcome));
        }
        return goals;
    }
}
