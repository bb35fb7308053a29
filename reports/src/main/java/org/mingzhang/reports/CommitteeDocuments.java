package org.mingzhang.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mingzhang.account.Account;
import org.mingzhang.account.Balances;
import org.mingzhang.disclosure.DocumentKind;
import org.mingzhang.disclosure.DocumentNumbers;
import org.mingzhang.disclosure.PublicNames;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundBalances;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.ChainHead;
import org.mingzhang.journal.LedgerReads;
import org.mingzhang.matching.MatchingPool;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.matching.MatchingStore;
import org.mingzhang.need.NeedStore;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisbursementStatus;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectEvent;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectSheets;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.reports.pdf.ChineseDates;

/**
 * Gathers the committee's documents (plan, closing report, disclosure) from the core's read ports, each with its
 * {@link Provenance}: the chain head it was read at, when its data ended, and a number derived from what it shows.
 * Rendering is elsewhere ({@code PlanPdf}, {@code ClosingReportPdf}, {@code DisclosurePdf}); the same models can feed a
 * spreadsheet.
 *
 * <p>The ports are read one after another, not in one database snapshot. So that a document shows the books at one chain
 * head, the head is read before and after gathering, and a gathering during which the writer booked anything is done
 * again, up to {@link #CONSISTENT_READ_ATTEMPTS} times; a federation that books without pause for that long gets
 * {@link DocumentsBusyException}, and the caller tries again.
 */
public final class CommitteeDocuments {

    /** Gatherings per document before giving up on a writer that never pauses. */
    public static final int CONSISTENT_READ_ATTEMPTS = 5;
    /** The most gifts one disclosure lists (about 300 A4 pages); a longer list is refused: choose a shorter period. */
    public static final int DISCLOSURE_GIFTS_MAX = 10_000;
    /** The longest period one disclosure covers: two years. */
    public static final long DISCLOSURE_DAYS_MAX = 731;

    private final ProjectReports reports;
    private final ProjectStore projects;
    private final ProjectSheets sheets;
    private final NeedStore needs;
    private final MatchingStore matching;
    private final GiftStore gifts;
    private final LedgerReads ledger;
    private final String publicBaseUrl;

    /**
     * @param publicBaseUrl where the public page answers (MINGZHANG_PUBLIC_URL), without a trailing slash; the QR code on
     *     each document points to {@code <publicBaseUrl>/?doc=<number>}
     */
    public CommitteeDocuments(ProjectStore projects, ProjectSheets sheets, ProjectGiving giving, MatchingReads matchingReads,
                              MatchingStore matching, NeedStore needs, GiftStore gifts, LedgerReads ledger, String publicBaseUrl) {
        this.reports = new ProjectReports(projects, sheets, giving, matchingReads, ledger);
        this.projects = projects;
        this.sheets = sheets;
        this.needs = needs;
        this.matching = matching;
        this.gifts = gifts;
        this.ledger = ledger;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** A document's model and where it comes from. */
    public record Gathered<T>(T model, Provenance provenance) {
    }

    /** Raised when the writer booked during every attempt to gather a document at one chain head. */
    public static final class DocumentsBusyException extends RuntimeException {
        public DocumentsBusyException(String what) {
            super("the books changed while " + what + " was gathered, " + CONSISTENT_READ_ATTEMPTS + " times; try again");
        }
    }

    /** Raised when a document is asked of a subject that cannot have it yet, with the reason in words. */
    public static final class NotAvailableException extends RuntimeException {
        public NotAvailableException(String message) {
            super(message);
        }
    }

    /** Raised when a disclosure's period cannot be one notice: it runs backwards, is too long or holds too many gifts. */
    public static final class PeriodRefusedException extends RuntimeException {

        private final String field;

        public PeriodRefusedException(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The query parameter to change: from or to. */
        public String field() {
            return field;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 项目计划书

    public Optional<Gathered<PlanDocument>> plan(String projectCode) {
        return consistent("the plan of " + projectCode, head -> projects.project(projectCode).map(this::plan))
                .map(g -> provenance(DocumentKind.PLAN, projectCode, null, null, g));
    }

    private Dated<PlanDocument> plan(Project project) {
        ProjectPlan plan = project.plan();
        Fund fund = fund(project);
        List<ProjectEvent> events = projects.events(project.id());
        PlanDocument.AnsweredNeed need = project.needId() == null ? null : needs.need(project.needId())
                .map(n -> new PlanDocument.AnsweredNeed(n.id(), n.title(), n.raisedBy(), n.supporters(), n.createdAt()))
                .orElse(null);
        PlanDocument.PoolRule pool = plan.matchingPoolCode() == null ? null : matching.pool(plan.matchingPoolCode())
                .map(CommitteeDocuments::poolRule).orElse(null);
        ProjectEvent decided = last(events, ProjectTransition.APPROVE.name(), ProjectTransition.REJECT.name());
        PlanDocument model = new PlanDocument(project.code(), plan.title(), fund.code(), fund.name(), plan.category(),
                project.status(), project.planVersion(), plan.need(), need, plan.goals(), plan.budget(), plan.targetAmountFen(),
                plan.plan(), plan.team(), plan.fundraisingOpensAt(), plan.fundraisingClosesAt(), pool,
                plan.managementFeeBasisPoints(), decision(last(events, ProjectTransition.SUBMIT.name())), decision(decided),
                decided != null && decided.action().equals(ProjectTransition.APPROVE.name()));
        return new Dated<>(model, latest(Stream.of(project.updatedAt())));
    }

    private static PlanDocument.PoolRule poolRule(MatchingPool pool) {
        return new PlanDocument.PoolRule(pool.code(), pool.name(), pool.budgetFen(), RuleWords.of(pool.rule()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 结项报告

    /**
     * The closing report of a project that has raised money (fundraising or later); a draft, submitted, rejected or
     * cancelled project has none ({@link NotAvailableException}).
     */
    public Optional<Gathered<ClosingDocument>> closingReport(String projectCode) {
        return consistent("the closing report of " + projectCode, head -> projects.project(projectCode).map(this::closing))
                .map(g -> provenance(DocumentKind.CLOSING_REPORT, projectCode, null, null, g));
    }

    private Dated<ClosingDocument> closing(Project project) {
        if (project.status() == ProjectStatus.DRAFT || project.status() == ProjectStatus.SUBMITTED
                || project.status() == ProjectStatus.REJECTED || project.status() == ProjectStatus.CANCELLED) {
            throw new NotAvailableException("project " + project.code() + " is " + project.status()
                    + ": a closing report exists once the project has been approved and raises money");
        }
        List<Disbursement> disbursements = projects.disbursements(project.id());
        ProjectReport report = reports.gather(project, disbursements);
        if (!report.ties()) {
            throw new IllegalStateException("project " + project.code() + "'s figures do not tie: " + report.mismatches());
        }
        List<ClosingDocument.Payment> payments = disbursements.stream().filter(d -> d.status() == DisbursementStatus.PAID)
                .sorted(Comparator.comparing(Disbursement::paidAt).thenComparing(Disbursement::id))
                .map(d -> new ClosingDocument.Payment(d.id(), d.paidAt(), d.budgetItem(), d.purpose(), d.invoiceNo(), d.form(),
                        d.amountFen()))
                .toList();
        List<String> rule = project.plan().matchingPoolCode() == null ? List.of()
                : matching.pool(project.plan().matchingPoolCode()).map(p -> RuleWords.of(p.rule())).orElse(List.of());
        List<ProjectEvent> events = projects.events(project.id());
        ClosingDocument model = new ClosingDocument(report, rule, payments,
                decision(last(events, ProjectTransition.APPROVE.name())), decision(last(events, ProjectTransition.COMPLETE.name())),
                decision(last(events, ProjectTransition.ACCEPT.name())));
        return new Dated<>(model, latest(Stream.concat(Stream.of(project.updatedAt()), disbursements.stream().flatMap(
                d -> Stream.of(d.requestedAt(), d.decidedAt(), d.paidAt(), d.closedAt())))));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 公示

    /**
     * The fund's disclosure of the days [{@code from}, {@code to}] (China Standard Time, both included). Without
     * {@code to}, the period ends on the day of the data's end; without {@code from}, it starts on the first of January of
     * the year {@code to} falls in. Both come from the data, never from the clock, so the same request for the same data
     * is the same document.
     */
    public Optional<Gathered<DisclosureDocument>> disclosure(String fundCode, LocalDate from, LocalDate to) {
        Optional<Fund> fund = ledger.fund(fundCode);
        if (fund.isEmpty()) {
            return Optional.empty();
        }
        return consistent("the disclosure of " + fundCode, head -> Optional.of(disclosure(fund.get(), from, to, head)))
                .map(g -> provenance(DocumentKind.DISCLOSURE, fundCode, g.model().from(), g.model().to(), g));
    }

    private Dated<DisclosureDocument> disclosure(Fund fund, LocalDate askedFrom, LocalDate askedTo, ChainHead head) {
        List<Project> ofFund = projects.projects().stream().filter(p -> p.fundId() == fund.id())
                .sorted(Comparator.comparing(Project::code)).toList();
        Instant dataAsOf = latest(Stream.concat(Stream.of(head.recordedAt(), fund.createdAt()), ofFund.stream().map(Project::updatedAt)));
        LocalDate to = askedTo != null ? askedTo : LocalDate.ofInstant(dataAsOf, ChineseDates.BEIJING);
        LocalDate from = askedFrom != null ? askedFrom : to.withDayOfYear(1);
        if (from.isAfter(to)) {
            throw new PeriodRefusedException("from", "must not be after to (" + to + "): " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) >= DISCLOSURE_DAYS_MAX) {
            throw new PeriodRefusedException("from", "a disclosure covers at most " + DISCLOSURE_DAYS_MAX + " days: " + from
                    + " to " + to);
        }
        Instant start = from.atStartOfDay(ChineseDates.BEIJING).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ChineseDates.BEIJING).toInstant().minusNanos(1_000);
        List<DisclosureDocument.GiftLine> giftLines = giftLines(fund, start, end, ofFund);
        List<DisclosureDocument.PaymentLine> payments = new ArrayList<>();
        List<DisclosureDocument.ProjectLine> projectLines = new ArrayList<>();
        for (Project p : ofFund) {
            if (p.status() == ProjectStatus.DRAFT) {
                continue;
            }
            ProjectMoney money = sheets.money(p.id());
            projectLines.add(new DisclosureDocument.ProjectLine(p.code(), p.plan().title(), p.status(), p.plan().targetAmountFen(),
                    money.raisedFen(), money.matchedFen(), money.disbursedFen(), money.holdingsFen()));
            for (Disbursement d : projects.disbursements(p.id())) {
                if (d.status() == DisbursementStatus.PAID && !d.paidAt().isBefore(start) && !d.paidAt().isAfter(end)) {
                    payments.add(new DisclosureDocument.PaymentLine(d.paidAt(), p.code(), p.plan().title(), d.budgetItem(),
                            d.purpose(), d.amountFen()));
                    dataAsOf = latest(Stream.of(dataAsOf, d.paidAt()));
                }
            }
        }
        payments.sort(Comparator.comparing(DisclosureDocument.PaymentLine::projectCode)
                .thenComparing(DisclosureDocument.PaymentLine::paidAt));
        DisclosureDocument model = new DisclosureDocument(fund.code(), fund.name(), from, to,
                balances(fund, start.minusNanos(1_000)), balances(fund, end), giftLines, payments, projectLines);
        return new Dated<>(model, dataAsOf);
    }

    private List<DisclosureDocument.GiftLine> giftLines(Fund fund, Instant start, Instant end, List<Project> ofFund) {
        Map<Long, String> codes = new HashMap<>();
        ofFund.forEach(p -> codes.put(p.id(), p.code()));
        // One more than the limit tells a full period from one that is too full, in one bounded read.
        List<Gift> received = gifts.giftsReceived(fund.id(), start, end, DISCLOSURE_GIFTS_MAX + 1);
        if (received.size() > DISCLOSURE_GIFTS_MAX) {
            throw new PeriodRefusedException("to", "the period holds more than " + DISCLOSURE_GIFTS_MAX
                    + " gifts, more than one notice can list: choose a shorter period");
        }
        return received.stream().map(g -> new DisclosureDocument.GiftLine(g.receivedAt(), g.receiptNo(), PublicNames.of(g.donor()),
                g.donor().kind(), g.channel(), g.projectId() == null ? null : codes.get(g.projectId()), g.amountFen(),
                g.refundedFen())).toList();
    }

    private DisclosureDocument.Balances balances(Fund fund, Instant asOf) {
        Map<Long, long[]> totals = ledger.periodTotalsAsOf(List.of(fund.id()), asOf);
        List<Account> accounts = ledger.accounts(fund.id()).stream().map(a -> {
            long[] dc = totals.getOrDefault(a.id(), new long[2]);
            return new Account(a.id(), a.fundId(), a.code(), a.name(), a.type(), a.restricted(), a.mustNotGoNegative(),
                    new Balances(dc[0], dc[1], 0, 0));
        }).toList();
        FundBalances b = FundBalances.of(accounts);
        return new DisclosureDocument.Balances(asOf, b.cashFen(), b.restrictedFen(), b.unrestrictedFen());
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A model and the latest change it reflects. */
    private record Dated<T>(T model, Instant dataAsOf) {
    }

    /** A model gathered with no booking in between, and the chain head it was gathered at. */
    private record AtHead<T>(T model, Instant dataAsOf, ChainHead head) {
    }

    /** Gathers at the head read before; the gathering stands when the head read after it is the same. */
    private <T> Optional<AtHead<T>> consistent(String what, Function<ChainHead, Optional<Dated<T>>> gather) {
        for (int attempt = 0; attempt < CONSISTENT_READ_ATTEMPTS; attempt++) {
            ChainHead before = ledger.chainHead();
            Optional<Dated<T>> dated = gather.apply(before);
            ChainHead after = ledger.chainHead();
            if (before.equals(after)) {
                return dated.map(d -> new AtHead<>(d.model(), latest(Stream.of(d.dataAsOf(), after.recordedAt())), after));
            }
        }
        throw new DocumentsBusyException(what);
    }

    private <T> Gathered<T> provenance(DocumentKind kind, String subject, LocalDate from, LocalDate to, AtHead<T> g) {
        // The model's string form lists every component in order (records, lists, enums, numbers, instants), so it is
        // what the document shows, in a stable form; Canonical keeps the parts apart, whatever they contain.
        String contentDigest = new Canonical().add(kind.name()).add(subject).add(from == null ? null : from.toString())
                .add(to == null ? null : to.toString()).add(g.model().toString()).sha256();
        String number = DocumentNumbers.of(kind, HexFormat.of().parseHex(new Canonical().add(contentDigest)
                .add(g.head().transactionId()).add(g.head().hash()).add(publicBaseUrl).sha256()));
        return new Gathered<>(g.model(), new Provenance(kind, number, contentDigest, g.head(), g.dataAsOf(),
                publicBaseUrl + "/?doc=" + number));
    }

    private Fund fund(Project project) {
        return ledger.fund(project.fundId()).orElseThrow(() -> new IllegalStateException("project " + project.code()
                + " belongs to fund " + project.fundId() + ", which the ledger does not have"));
    }

    private static ProjectEvent last(List<ProjectEvent> events, String... actions) {
        ProjectEvent found = null;
        for (ProjectEvent e : events) {
            for (String a : actions) {
                if (e.action().equals(a)) {
                    found = e;
                }
            }
        }
        return found;
    }

    private static Decision decision(ProjectEvent e) {
        return e == null ? null : new Decision(e.by().name(), e.at(), e.reason());
    }

    private static Instant latest(Stream<Instant> instants) {
        return instants.filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
