package org.mingzhang.api.disclosure;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.mingzhang.account.Account;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.api.edge.Times;
import org.mingzhang.disclosure.DocumentKind;
import org.mingzhang.disclosure.DocumentRegistry;
import org.mingzhang.disclosure.IssuedDocument;
import org.mingzhang.disclosure.StaleProjects;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundBalances;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.journal.AccountPeriod;
import org.mingzhang.journal.AccountingMonth;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.TransactionQuery;
import org.mingzhang.journal.Ledger;
import org.mingzhang.money.Money;
import org.mingzhang.reports.Labels;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisbursementStatus;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectHeading;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectSheets;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectStore;

/**
 * Builds the public answers for projects and funds from the core's read ports only (project money, giving, projects and
 * disbursements, period balances, issued documents). What it leaves out is the point: no payee, no team member, no
 * staff name and no donor leaves through here; a donor is only ever counted.
 */
@Singleton
public final class PublicViews {

    /** Statuses shown to the public whatever the project holds: it was approved and has run or is running. */
    private static final Set<ProjectStatus> PUBLIC = EnumSet.of(ProjectStatus.FUNDRAISING, ProjectStatus.IN_PROGRESS,
            ProjectStatus.COMPLETED, ProjectStatus.ACCEPTED);

    private final Ledger ledger;
    private final ProjectStore projects;
    private final ProjectSheets sheets;
    private final ProjectGiving giving;
    private final DocumentRegistry documents;
    private final Clock clock;

    public PublicViews(Ledger ledger, ProjectStore projects, ProjectSheets sheets, ProjectGiving giving,
                       DocumentRegistry documents, Clock clock) {
        this.ledger = ledger;
        this.projects = projects;
        this.sheets = sheets;
        this.giving = giving;
        this.documents = documents;
        this.clock = clock;
    }

    /** The project, when the public may see it: past approval, or cancelled after money came to it. */
    public Optional<PublicProjectResponse> project(String code) {
        return projects.project(code).flatMap(p -> {
            ProjectMoney m = sheets.money(p.id());
            return isPublic(p, m) ? Optional.of(project(p, m)) : Optional.empty();
        });
    }

    /** The fund with its public projects. */
    public Optional<PublicFundResponse> fund(String code) {
        return ledger.reads().fund(code).map(this::fund);
    }

    /** A project's standing as every public answer shows it: its status, whether it has gone quiet, its documents. */
    public record Standing(ProjectStatus status, boolean stale, List<PublicDocumentLink> documents) {
    }

    /** The standing of a project: one read of its documents, and one of its disbursements when it is in progress. */
    public Standing standing(ProjectHeading p) {
        List<IssuedDocument> issued = documents.ofProject(p.code());
        boolean stale = p.status() == ProjectStatus.IN_PROGRESS
                && StaleProjects.stale(p.status(), lastActivity(p.updatedAt(), paid(p.id()), issued), clock.instant());
        return new Standing(p.status(), stale, issued.stream().map(PublicViews::link).toList());
    }

    private PublicProjectResponse project(Project p, ProjectMoney m) {
        ProjectPlan plan = p.plan();
        Fund fund = ledger.reads().fund(p.fundId()).orElseThrow(() -> new IllegalStateException(
                "project " + p.code() + " names fund " + p.fundId() + ", which the ledger does not hold"));
        List<Disbursement> paid = paid(p.id());
        List<IssuedDocument> issued = documents.ofProject(p.code());
        Instant last = lastActivity(p.updatedAt(), paid, issued);
        ProjectGiving.Sheet sheet = giving.sheet(p.id());
        Map<Channel, long[]> byChannel = new EnumMap<>(Channel.class);
        int gifts = 0;
        for (ProjectGiving.Source s : sheet.sources()) {
            long[] sum = byChannel.computeIfAbsent(s.channel(), c -> new long[2]);
            sum[0] = Math.addExact(sum[0], s.gifts());
            sum[1] = Math.addExact(sum[1], s.amountFen());
            gifts = Math.addExact(gifts, s.gifts());
        }
        List<PublicProjectResponse.ByChannel> channels = byChannel.entrySet().stream()
                .map(e -> new PublicProjectResponse.ByChannel(e.getKey(), Labels.channel(e.getKey()), Math.toIntExact(e.getValue()[0]),
                        Money.format(e.getValue()[1]))).toList();
        List<PublicProjectResponse.Line> lines = plan.budget().stream().map(b -> new PublicProjectResponse.Line(b.item(),
                Money.format(b.amountFen()), Money.format(m.disbursedFen(b.item())))).toList();
        List<PublicProjectResponse.Use> uses = paid.stream().map(d -> new PublicProjectResponse.Use(d.id(), date(d.paidAt()),
                d.purpose(), d.budgetItem(), Money.format(d.amountFen()), d.form())).toList();
        return new PublicProjectResponse(p.code(), plan.title(), plan.category(), plan.need(), plan.goals(),
                new PublicProjectResponse.FundRef(fund.code(), fund.name()),
                fund.level() == FundLevel.COMMUNITY ? fund.name() : null, p.status(), Labels.status(p.status()),
                StaleProjects.stale(p.status(), last, clock.instant()), Times.format(last),
                new PublicProjectResponse.Plan(Money.format(plan.targetAmountFen()), Times.format(plan.fundraisingOpensAt()),
                        Times.format(plan.fundraisingClosesAt()), lines),
                new PublicProjectResponse.Raised(Money.format(m.raisedFen()), channels, sheet.donors(), gifts),
                Money.format(m.matchedFen()), plan.matchingPoolCode(), Money.format(m.transferredInFen()),
                Money.format(m.disbursedFen()), Money.format(m.feesFen()), Money.format(m.leftoverOutFen()),
                Money.format(m.availableFen()), uses, issued.stream().map(PublicViews::link).toList());
    }

    private PublicFundResponse fund(Fund fund) {
        List<Account> accounts = ledger.reads().accounts(fund.id());
        FundBalances b = FundBalances.of(accounts);
        String parentCode = fund.parentId() == null ? null : ledger.reads().fund(fund.parentId()).map(Fund::code).orElse(null);
        List<IssuedDocument> issued = documents.ofFund(fund.code());
        Map<String, List<IssuedDocument>> byProject = new HashMap<>();
        for (IssuedDocument d : issued) {
            if (d.projectCode() != null) {
                byProject.computeIfAbsent(d.projectCode(), k -> new ArrayList<>()).add(d);
            }
        }
        Instant now = clock.instant();
        List<PublicFundResponse.ProjectRow> rows = new ArrayList<>();
        projects.projects().stream().filter(p -> p.fundId() == fund.id()).sorted(Comparator.comparing(Project::code)).forEach(p -> {
            ProjectMoney m = sheets.money(p.id());
            if (!isPublic(p, m)) {
                return;
            }
            // Only a project in progress can be stale, so only its payments are read.
            boolean stale = p.status() == ProjectStatus.IN_PROGRESS && StaleProjects.stale(p.status(),
                    lastActivity(p.updatedAt(), paid(p.id()), byProject.getOrDefault(p.code(), List.of())), now);
            rows.add(new PublicFundResponse.ProjectRow(p.code(), p.plan().title(), p.status(), Labels.status(p.status()), stale,
                    Money.format(p.plan().targetAmountFen()), Money.format(m.raisedFen()), Money.format(m.matchedFen()),
                    Money.format(m.disbursedFen())));
        });
        return new PublicFundResponse(fund.code(), fund.name(), fund.level(), parentCode,
                new PublicFundResponse.Balances(Money.format(b.cashFen()), Money.format(b.restrictedFen()),
                        Money.format(b.unrestrictedFen())),
                months(fund, accounts), rows,
                issued.stream().filter(d -> d.kind() == DocumentKind.DISCLOSURE).map(PublicViews::link).toList());
    }

    /**
     * Sources and uses per month from the fund's period balances (a few rows per account and month, however many gifts
     * the fund took), less the year-end close: its entries are dated at the year's last microsecond, so they are found
     * by one indexed read of the fund's transactions at that instant for each December the balances hold.
     */
    private List<PublicFundResponse.Month> months(Fund fund, List<Account> accounts) {
        Map<Long, Integer> column = new HashMap<>();
        for (Account a : accounts) {
            switch (a.code()) {
                case ChartTemplate.RESTRICTED_DONATIONS, ChartTemplate.UNRESTRICTED_DONATIONS -> column.put(a.id(), 0);
                case ChartTemplate.PROGRAMME_COSTS -> column.put(a.id(), 1);
                case ChartTemplate.MANAGEMENT_EXPENSES -> column.put(a.id(), 2);
                case ChartTemplate.FUNDRAISING_EXPENSES -> column.put(a.id(), 3);
                default -> { }
            }
        }
        // Per month: donations (credits − debits), programme, management, fundraising (debits − credits).
        TreeMap<Integer, long[]> months = new TreeMap<>();
        for (Map.Entry<AccountPeriod, long[]> e : ledger.reads().periodBalances(fund.id()).entrySet()) {
            Integer c = column.get(e.getKey().accountId());
            if (c != null) {
                add(months, e.getKey().period(), c, e.getValue()[0], e.getValue()[1]);
            }
        }
        for (int period : List.copyOf(months.keySet())) {
            if (period % 100 == 12) {
                Instant lastMicro = AccountingMonth.start(period + 89).minusNanos(1_000);
                for (Transaction t : ledger.reads().transactions(new TransactionQuery(fund.id(), lastMicro, lastMicro, 0,
                        TransactionQuery.LIMIT_MAX))) {
                    if (t.kind() != TransactionKind.YEAR_CLOSE) {
                        continue;
                    }
                    for (Leg leg : t.legs()) {
                        if (leg.posted() && leg.fundId() == fund.id()) {
                            // Taken back out: the close's debit to an account undoes as a credit, and the other way round.
                            Integer debited = column.get(leg.debitAccountId());
                            Integer credited = column.get(leg.creditAccountId());
                            if (debited != null) {
                                add(months, period, debited, -leg.amountFen(), 0);
                            }
                            if (credited != null) {
                                add(months, period, credited, 0, -leg.amountFen());
                            }
                        }
                    }
                }
            }
        }
        List<PublicFundResponse.Month> out = new ArrayList<>();
        months.forEach((period, r) -> {
            if (r[0] != 0 || r[1] != 0 || r[2] != 0 || r[3] != 0) {
                out.add(new PublicFundResponse.Month(
                        String.format("%04d-%02d", Math.floorDiv(period, 100), Math.floorMod(period, 100)),
                        Money.format(r[0]), Money.format(Math.addExact(Math.addExact(r[1], r[2]), r[3])), Money.format(r[1]),
                        Money.format(r[2]), Money.format(r[3])));
            }
        });
        return out;
    }

    /** Adds debits and credits to a month's column in its normal direction: income credits − debits, expenses the other. */
    private static void add(TreeMap<Integer, long[]> months, int period, int column, long debitsFen, long creditsFen) {
        long[] row = months.computeIfAbsent(period, k -> new long[4]);
        long signed = column == 0 ? Math.subtractExact(creditsFen, debitsFen) : Math.subtractExact(debitsFen, creditsFen);
        row[column] = Math.addExact(row[column], signed);
    }

    private static boolean isPublic(Project p, ProjectMoney m) {
        return PUBLIC.contains(p.status()) || (p.status() == ProjectStatus.CANCELLED && m.receivedFen() > 0);
    }

    private List<Disbursement> paid(long projectId) {
        return projects.disbursements(projectId).stream().filter(d -> d.status() == DisbursementStatus.PAID)
                .sorted(Comparator.comparing(Disbursement::paidAt).thenComparing(Disbursement::id)).toList();
    }

    /** The latest of the project's last change of state, its last payment and its last issued document. */
    private static Instant lastActivity(Instant updatedAt, List<Disbursement> paid, List<IssuedDocument> issued) {
        Instant last = updatedAt;
        for (Disbursement d : paid) {
            last = d.paidAt().isAfter(last) ? d.paidAt() : last;
        }
        for (IssuedDocument d : issued) {
            last = d.firstIssuedAt().isAfter(last) ? d.firstIssuedAt() : last;
        }
        return last;
    }

    static PublicDocumentLink link(IssuedDocument d) {
        return new PublicDocumentLink(d.number(), d.kind().name(), d.title(), date(d.firstIssuedAt()),
                "/api/v1/public/documents/" + d.number() + "/pdf");
    }

    private static String date(Instant at) {
        return LocalDate.ofInstant(at, Times.CHINA).toString();
    }
}
