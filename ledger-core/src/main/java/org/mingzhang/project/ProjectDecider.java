package org.mingzhang.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mingzhang.account.Account;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.Decider;
import org.mingzhang.journal.DirectEffect;
import org.mingzhang.journal.JournalGuard;
import org.mingzhang.journal.FiscalYear;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.money.Money;
import org.mingzhang.need.Need;
import org.mingzhang.need.NeedDecider;
import org.mingzhang.need.NeedStatus;
import org.mingzhang.user.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides project commands in the single writer, so that a project's state and the money booked against
 * it (gifts, matches, payments, leftovers) are always decided in one order. It keeps every project, its
 * plan versions and its money in memory; the money is the sum of the journal transactions that name the
 * project ({@link ProjectMoney}), and every decider that books such a transaction books it through
 * {@link #book} so that the sums follow.
 */
public final class ProjectDecider implements Decider, JournalGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectDecider.class);
    /** The accounts that hold projects' money: moved only by the records that book it, never by a manual entry. */
    private static final Set<String> HELD = Set.of(ChartTemplate.RESTRICTED_DONATIONS, ChartTemplate.RESTRICTED_NET_ASSETS,
            ChartTemplate.DESIGNATED_NET_ASSETS);
    private static final Set<String> CASH = Set.of(ChartTemplate.CASH, ChartTemplate.BANK);

    private final ProjectStore store;
    private final NeedDecider needs;
    private final ProjectSheets sheets;
    /** Projects whose money the batch changed → the last transaction that changed it; cleared when flushed. */
    private final Map<Long, Long> changedMoney = new java.util.LinkedHashMap<>();
    private final Map<String, Project> byCode = new HashMap<>();
    private final Map<Long, Project> byId = new HashMap<>();
    private final Map<Long, ProjectMoney> money = new HashMap<>();
    /** Each project's money as storage holds it (loaded, or saved by the last batch), so a batch writes only what changed. */
    private final Map<Long, ProjectMoney.State> stored = new HashMap<>();
    private final Map<Long, String> disbursementItems = new HashMap<>();
    private final Map<Long, List<PlanVersion>> versions = new HashMap<>();
    private final Map<Long, Integer> leftoverSeqs = new HashMap<>();
    private final List<ProjectListener> listeners = new ArrayList<>();
    private final Map<Long, Integer> lastEventSeq = new HashMap<>();
    private long lastId;

    /** @param needs the residents' needs that projects answer */
    public ProjectDecider(ProjectStore store, ProjectSheets sheets, NeedDecider needs) {
        this.store = store;
        this.sheets = sheets;
        this.needs = needs;
    }

    /** Registers a decider that acts on, or may object to, a project's moves (before the writer starts). */
    public void listen(ProjectListener listener) {
        listeners.add(listener);
    }

    @Override
    public void reload() {
        byCode.clear();
        byId.clear();
        money.clear();
        stored.clear();
        disbursementItems.clear();
        versions.clear();
        leftoverSeqs.clear();
        lastEventSeq.clear();
        lastId = 0;
        for (Project p : store.projects()) {
            byCode.put(p.code(), p);
            byId.put(p.id(), p);
            lastId = Math.max(lastId, p.id());
        }
        store.planVersions().forEach(v -> versions.computeIfAbsent(v.projectId(), k -> new ArrayList<>()).add(v));
        store.disbursements().forEach(d -> disbursementItems.put(d.id(), d.budgetItem()));
        store.leftovers().forEach(l -> leftoverSeqs.merge(l.projectId(), l.seq(), Math::max));
        changedMoney.clear();
        if (!sheets.sheetsBuilt()) {
            // Books from before the projection: fold every project's money once from the journal, and keep it.
            long through = 0;
            for (ProjectEntry entry : store.projectEntries()) {
                Project p = byCode.get(entry.projectCode());
                if (p != null) {
                    moneyOf(p.id()).apply(entry, p.fundId(), disbursementItems::get);
                }
                through = Math.max(through, entry.transactionId());
            }
            long last = through;
            sheets.rebuildSheets(money.entrySet().stream()
                    .map(e -> new ProjectSheetSaved(e.getKey(), last, e.getValue().state(), null)).toList());
            money.forEach((id, m) -> stored.put(id, m.state()));
        } else {
            sheets.states().forEach((id, state) -> {
                money.put(id, ProjectMoney.of(state));
                stored.put(id, state);
            });
        }
        lastEventSeq.putAll(store.lastEventSeqs());
    }

    @Override
    public boolean decides(LedgerCommand<?> command) {
        return command instanceof CreateProject || command instanceof TransitionProject || command instanceof EditProject
                || command instanceof CompleteProject || command instanceof ProposePlanChange
                || command instanceof DecidePlanChange || command instanceof DisposeLeftover
                || command instanceof ChargeManagementFee;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Outcome<T> decide(LedgerCommand<T> command, Books books) {
        return (Outcome<T>) switch ((LedgerCommand<?>) command) {
            case CreateProject c -> create(c, books);
            case TransitionProject c -> transition(c.code(), c.transition(), c.by(), c.reason(), null, books);
            case EditProject c -> edit(c, books);
            case CompleteProject c -> transition(c.code(), ProjectTransition.COMPLETE, c.by(), null, c.closing(), books);
            case ProposePlanChange c -> propose(c, books);
            case DecidePlanChange c -> decidePlanChange(c, books);
            case DisposeLeftover c -> disposeLeftover(c, books);
            case ChargeManagementFee c -> chargeFee(c, books);
            default -> throw new IllegalArgumentException("not a project command: " + command);
        };
    }

    /**
     * Refuses a client's journal command that would move projects' money behind their records: one that touches an
     * account holding restricted or designated money (410102, 3102, 310101), or that takes from a fund more cash or
     * goods than the fund holds beyond what its projects hold (unreserved). The fund's own money moves freely.
     */
    @Override
    public Outcome.Rejected<?> refuse(LedgerCommand<?> command, Books books) {
        List<DirectEffect> effects = DirectEffect.of(command, books);
        for (DirectEffect e : effects) {
            if (HELD.contains(e.account().code())) {
                return new Outcome.Rejected<>(Rejection.ACCOUNT_MUST_MOVE_THROUGH_ITS_RECORDS, "account " + e.account().code()
                        + " (" + e.account().name() + ") of fund " + e.fund().code() + " holds projects' restricted or "
                        + "designated money; it moves only through gifts, payments, refunds, leftover decisions and the "
                        + "year-end close, never through a manual entry", "postings");
            }
        }
        Map<Long, long[]> outflows = new HashMap<>();
        for (DirectEffect e : effects) {
            int kind = CASH.contains(e.account().code()) ? 0 : ChartTemplate.INVENTORY.equals(e.account().code()) ? 1 : -1;
            if (kind >= 0) {
                outflows.computeIfAbsent(e.fund().id(), k -> new long[2])[kind] += e.creditFen() - e.debitFen();
            }
        }
        for (Map.Entry<Long, long[]> flow : outflows.entrySet()) {
            Fund fund = books.fund(flow.getKey()).orElseThrow();
            for (int kind = 0; kind < 2; kind++) {
                long out = flow.getValue()[kind];
                if (out <= 0) {
                    continue;
                }
                boolean goods = kind == 1;
                long projectsHold = projectsHold(fund, goods);
                // With nothing held for projects, the journal's own guard (no negative cash) is the one that answers.
                if (projectsHold > 0 && out > free(books, fund, goods)) {
                    return fundMustCover(books, fund, goods, out, "a manual entry", "postings");
                }
            }
        }
        return null;
    }

    /**
     * What a fund holds beyond its projects' money, in cash (1001 and 1002) or in goods (1201): what it may spend, give
     * back or pay on its own account. A project's reserved money is its own already and is not counted again.
     */
    public long free(Books books, Fund fund, boolean goods) {
        long fundHas = goods ? available(books, fund, ChartTemplate.INVENTORY)
                : available(books, fund, ChartTemplate.CASH) + available(books, fund, ChartTemplate.BANK);
        return fundHas - projectsHold(fund, goods);
    }

    private long projectsHold(Fund fund, boolean goods) {
        long hold = 0;
        for (Project p : byId.values()) {
            if (p.fundId() == fund.id()) {
                ProjectMoney m = moneyOf(p.id());
                hold += Math.max(0, goods ? m.availableGoodsFen() : m.availableCashFen());
            }
        }
        return hold;
    }

    /** The refusal of something that would take {@code out} of a fund's cash or goods, more than it holds beyond its projects. */
    public <T> Outcome.Rejected<T> fundMustCover(Books books, Fund fund, boolean goods, long out, String what, String field) {
        long hold = projectsHold(fund, goods);
        long free = free(books, fund, goods);
        return new Outcome.Rejected<>(Rejection.FUND_MONEY_MUST_COVER_PROJECTS, "fund " + fund.code() + " holds "
                + Money.format(free + hold) + " in " + (goods ? "goods (1201)" : "cash (1001, 1002)") + ", of which its projects hold "
                + Money.format(hold) + " unreserved; " + what + " may take at most the " + Money.format(Math.max(0, free))
                + " left, not " + Money.format(out) + " (a project's money is spent through its disbursements)", field);
    }

    private static long available(Books books, Fund fund, String code) {
        return books.account(fund.id(), code).map(Account::availableFen).orElse(0L);
    }

    /**
     * After a batch: every project whose money moved holds no negative amount, in total, in cash or in goods; and
     * every fund it moved in holds at least the cash and goods its projects hold. A project's figures are a bug to stop
     * at; a fund that holds less than its projects can come from books written before manual entries were guarded,
     * so that is logged, not stopped at (the guard keeps new entries from making it worse).
     */
    @Override
    public void assertInvariants(Books books) {
        Set<Long> funds = new HashSet<>();
        for (Transaction t : books.bookedInBatch()) {
            Project p = t.references().project() == null ? null : byCode.get(t.references().project());
            if (p == null) {
                continue;
            }
            ProjectMoney m = moneyOf(p.id());
            if (m.holdingsFen() < 0 || m.cashHeldFen() < 0 || m.goodsHeldFen() < 0) {
                throw new IllegalStateException("project " + p.code() + " holds " + m.holdingsFen() + " fen, " + m.cashHeldFen()
                        + " in cash and " + m.goodsHeldFen() + " in goods after transaction " + t.id());
            }
            funds.add(p.fundId());
        }
        for (long fundId : funds) {
            Fund fund = books.fund(fundId).orElseThrow();
            long cash = 0;
            long goods = 0;
            for (Project p : byId.values()) {
                if (p.fundId() == fundId) {
                    cash += moneyOf(p.id()).cashHeldFen();
                    goods += moneyOf(p.id()).goodsHeldFen();
                }
            }
            long fundCash = books.account(fundId, ChartTemplate.CASH).map(Account::balanceFen).orElse(0L)
                    + books.account(fundId, ChartTemplate.BANK).map(Account::balanceFen).orElse(0L);
            long fundGoods = books.account(fundId, ChartTemplate.INVENTORY).map(Account::balanceFen).orElse(0L);
            if (fundCash < cash || fundGoods < goods) {
                LOG.error("fund {} holds {} fen in cash and {} in goods; its projects hold {} and {}: money of projects was "
                        + "spent outside their records", fund.code(), fundCash, fundGoods, cash, goods);
            }
        }
    }

    /** The project as the writer knows it now (for other deciders: gifts check a project's state and window). */
    public Project project(String code) {
        return byCode.get(code);
    }

    public Project project(long id) {
        return byId.get(id);
    }

    /** Every project as the writer knows it now. */
    public Collection<Project> projects() {
        return byCode.values();
    }

    /** The project's money as the writer knows it now: the sum of its journal transactions so far. */
    public ProjectMoney money(long projectId) {
        return moneyOf(projectId);
    }

    /**
     * Books a journal command in the batch and, when it names a project, adds it to that project's money.
     * Every decider books project money through here.
     */
    public Outcome<Transaction> book(Books books, LedgerCommand<Transaction> command) {
        Outcome<Transaction> outcome = books.book(command);
        if (outcome instanceof Outcome.Accepted<Transaction> a && !a.replayed() && a.value().references().project() != null) {
            Project p = byCode.get(a.value().references().project());
            if (p != null) {
                moneyOf(p.id()).apply(entry(a.value(), books), p.fundId(), disbursementItems::get);
                changedMoney.put(p.id(), a.value().id());
            }
        }
        return outcome;
    }

    /** Saves the money of every project the batch booked for, with the batch. */
    @Override
    public void flush(Books books) {
        changedMoney.forEach((id, through) -> {
            ProjectMoney.State state = moneyOf(id).state();
            // A batch that fails to commit reloads every projection, and with it what storage holds.
            books.write(new ProjectSheetSaved(id, through, state, stored.put(id, state)));
        });
        changedMoney.clear();
    }

    /** Tells the money sums which budget item a disbursement is for, before anything is booked for it. */
    void disbursementRequested(Disbursement d) {
        disbursementItems.put(d.id(), d.budgetItem());
    }

    /** Adds an entry to the project's audit trail for a step that does not change its state. */
    void record(Project project, String action, String reason, Actor by, Books books) {
        String kept = reason == null || reason.length() <= ProjectEvent.REASON_LENGTH_MAX ? reason
                : reason.substring(0, ProjectEvent.REASON_LENGTH_MAX);
        save(project, ProjectSaved.Change.NONE, action, project.status(), kept, by, books);
    }

    private ProjectMoney moneyOf(long projectId) {
        return money.computeIfAbsent(projectId, k -> new ProjectMoney());
    }

    private static ProjectEntry entry(Transaction t, Books books) {
        List<ProjectEntry.Leg> legs = new ArrayList<>(t.legs().size());
        for (Leg leg : t.legs()) {
            legs.add(new ProjectEntry.Leg(leg.fundId(), code(leg.debitAccountId(), books), code(leg.creditAccountId(), books),
                    leg.amountFen(), leg.posted()));
        }
        return new ProjectEntry(t.id(), t.references().project(), t.kind(), t.phase(), t.pendingId(),
                t.references().disbursement(), t.occurredAt(), legs);
    }

    private static String code(long accountId, Books books) {
        return books.account(accountId).map(Account::code).orElseThrow();
    }

    // --- plans ----------------------------------------------------------------------------------------------

    private Outcome<Project> create(CreateProject c, Books books) {
        if (byCode.containsKey(c.code())) {
            return new Outcome.Rejected<>(Rejection.PROJECT_CODE_MUST_BE_UNIQUE, "project " + c.code() + " already exists", "code");
        }
        Fund fund = books.fund(c.fundCode()).orElse(null);
        if (fund == null) {
            return new Outcome.Rejected<>(Rejection.FUND_MUST_EXIST, "no fund " + c.fundCode(), "fundCode");
        }
        Outcome.Rejected<Project> budget = budgetMatchesTarget(c.plan());
        if (budget != null) {
            return budget;
        }
        if (c.needId() != null) {
            Need need = needs.need(c.needId()).orElse(null);
            if (need == null) {
                return new Outcome.Rejected<>(Rejection.NEED_MUST_EXIST, "no residents' need " + c.needId(), "needId");
            }
            if (need.fundId() != fund.id()) {
                return new Outcome.Rejected<>(Rejection.NEED_MUST_BELONG_TO_FUND, "need " + need.id()
                        + " was raised in another fund than " + fund.code(), "needId");
            }
            if (need.status() != NeedStatus.OPEN) {
                return new Outcome.Rejected<>(Rejection.NEED_MUST_BE_OPEN, "need " + need.id() + " is " + need.status()
                        + (need.answeredByProjectCode() == null ? "" : " by project " + need.answeredByProjectCode()), "needId");
            }
        }
        Project project = new Project(++lastId, c.code(), fund.id(), c.plan(), 1, ProjectStatus.DRAFT, c.by(), null, null,
                c.needId(), books.now(), books.now());
        Outcome<Project> saved = save(project, ProjectSaved.Change.CREATED, "CREATE", null, null, c.by(), books);
        if (c.needId() != null) {
            // Written after the project's row, so the need may point at it (委员会接单).
            needs.answer(c.needId(), project.code(), books);
        }
        return saved;
    }

    private Outcome<Project> edit(EditProject c, Books books) {
        Project project = byCode.get(c.code());
        if (project == null) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.code(), "code");
        }
        if (project.status() != ProjectStatus.DRAFT) {
            return stateRefuses(project, "its plan may be edited only as a DRAFT; after approval, propose a new version");
        }
        Outcome.Rejected<Project> budget = budgetMatchesTarget(c.plan());
        if (budget != null) {
            return budget;
        }
        return save(project.withPlan(c.plan(), 1, books.now()), ProjectSaved.Change.PLAN, "EDIT", project.status(), null,
                c.by(), books);
    }

    private Outcome<PlanVersion> propose(ProposePlanChange c, Books books) {
        Project project = byCode.get(c.code());
        if (project == null) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.code(), "code");
        }
        if (project.status() != ProjectStatus.FUNDRAISING && project.status() != ProjectStatus.IN_PROGRESS) {
            return stateRefuses(project, "a new plan version is proposed while it raises money or runs "
                    + "(FUNDRAISING or IN_PROGRESS); a DRAFT is edited");
        }
        List<PlanVersion> kept = versions.getOrDefault(project.id(), List.of());
        PlanVersion open = kept.stream().filter(v -> v.status() == PlanVersion.Status.PROPOSED).findFirst().orElse(null);
        if (open != null) {
            return new Outcome.Rejected<>(Rejection.PLAN_CHANGE_MUST_BE_THE_ONLY_OPEN_ONE, "version " + open.versionNo()
                    + " of project " + project.code() + " waits for the committee; decide it first", "code");
        }
        Outcome.Rejected<PlanVersion> refused = planChangeRefused(project, c.plan());
        if (refused != null) {
            return refused;
        }
        int next = kept.stream().mapToInt(PlanVersion::versionNo).max().orElse(project.planVersion()) + 1;
        PlanVersion version = new PlanVersion(project.id(), next, c.plan(), PlanVersion.Status.PROPOSED, c.by(), books.now(),
                c.reason(), null, null, null);
        versions.computeIfAbsent(project.id(), k -> new ArrayList<>()).add(version);
        books.write(new PlanVersionSaved(version, true));
        record(project, "PROPOSE_PLAN_V" + next, c.reason(), c.by(), books);
        return new Outcome.Accepted<>(version, false);
    }

    private <T> Outcome.Rejected<T> planChangeRefused(Project project, ProjectPlan plan) {
        Outcome.Rejected<T> budget = budgetMatchesTarget(plan);
        if (budget != null) {
            return budget;
        }
        if (!Objects.equals(plan.matchingPoolCode(), project.plan().matchingPoolCode())) {
            return new Outcome.Rejected<>(Rejection.PLAN_CHANGE_MUST_KEEP_MATCHING_POOL, "project " + project.code()
                    + " applies to matching pool " + project.plan().matchingPoolCode() + "; a new version keeps it", "matchingPoolCode");
        }
        Map<String, Long> planned = plan.budget().stream().collect(Collectors.toMap(BudgetLine::item, BudgetLine::amountFen,
                Long::sum));
        ProjectMoney m = moneyOf(project.id());
        for (BudgetLine line : project.plan().budget()) {
            long carried = m.disbursedFen(line.item()) + m.reservedFen(line.item());
            if (m.touches(line.item()) && planned.getOrDefault(line.item(), 0L) < carried) {
                return new Outcome.Rejected<>(Rejection.PLAN_CHANGE_MUST_KEEP_LINES_WITH_MONEY, "budget line '" + line.item()
                        + "' has " + Money.format(m.disbursedFen(line.item())) + " paid and "
                        + Money.format(m.reservedFen(line.item())) + " reserved; a new version keeps it at "
                        + Money.format(carried) + " at least", "budget");
            }
        }
        return null;
    }

    private Outcome<PlanVersion> decidePlanChange(DecidePlanChange c, Books books) {
        Project project = byCode.get(c.code());
        if (project == null) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.code(), "code");
        }
        List<PlanVersion> kept = versions.getOrDefault(project.id(), new ArrayList<>());
        int at = -1;
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).versionNo() == c.versionNo()) {
                at = i;
            }
        }
        if (at < 0) {
            return new Outcome.Rejected<>(Rejection.PLAN_CHANGE_MUST_EXIST, "project " + project.code() + " has no version "
                    + c.versionNo(), "version");
        }
        PlanVersion version = kept.get(at);
        if (version.status() != PlanVersion.Status.PROPOSED) {
            return new Outcome.Rejected<>(Rejection.PLAN_CHANGE_MUST_BE_PROPOSED, "version " + c.versionNo() + " was "
                    + version.status() + " at " + version.decidedAt(), "version");
        }
        if (version.proposedBy().userId() == c.by().userId()) {
            return new Outcome.Rejected<>(Rejection.PLAN_CHANGE_MUST_NOT_BE_APPROVED_BY_ITS_PROPOSER, c.by().name()
                    + " proposed version " + c.versionNo() + " and may not also decide it", "by");
        }
        if (c.approve()) {
            if (project.status() != ProjectStatus.FUNDRAISING && project.status() != ProjectStatus.IN_PROGRESS) {
                return stateRefuses(project, "a new plan version takes effect only while it raises money or runs");
            }
            // The project may have moved on since the change was proposed (a line paid meanwhile): check again.
            Outcome.Rejected<PlanVersion> refused = planChangeRefused(project, version.plan());
            if (refused != null) {
                return refused;
            }
        }
        PlanVersion decided = version.decided(c.approve(), c.by(), books.now(), c.reason());
        kept.set(at, decided);
        books.write(new PlanVersionSaved(decided, false));
        if (c.approve()) {
            save(project.withPlan(version.plan(), version.versionNo(), books.now()), ProjectSaved.Change.PLAN,
                    "APPROVE_PLAN_V" + version.versionNo(), project.status(), c.reason(), c.by(), books);
        } else {
            record(project, "REJECT_PLAN_V" + version.versionNo(), c.reason(), c.by(), books);
        }
        return new Outcome.Accepted<>(decided, false);
    }

    private static <T> Outcome.Rejected<T> budgetMatchesTarget(ProjectPlan plan) {
        if (plan.budgetTotalFen() != plan.targetAmountFen()) {
            return new Outcome.Rejected<>(Rejection.PROJECT_BUDGET_MUST_MATCH_TARGET, "the budget lines add up to "
                    + Money.format(plan.budgetTotalFen()) + " but the target is " + Money.format(plan.targetAmountFen()),
                    "budget");
        }
        return null;
    }

    // --- moves ----------------------------------------------------------------------------------------------

    private Outcome<Project> transition(String code, ProjectTransition move, Actor by, String reason, Closing closing,
                                        Books books) {
        Project project = byCode.get(code);
        if (project == null) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + code, "code");
        }
        if (!move.allowedFrom(project.status())) {
            return new Outcome.Rejected<>(Rejection.PROJECT_STATE_MUST_ALLOW_TRANSITION, "project " + project.code() + " is "
                    + project.status() + "; " + move + " is allowed only from " + move.from(), "status");
        }
        if (move.needsSomeoneElseThanSubmitter() && project.submittedBy() != null
                && project.submittedBy().userId() == by.userId()) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_NOT_BE_APPROVED_BY_ITS_SUBMITTER, by.name()
                    + " submitted project " + project.code() + " and may not also " + move.name().toLowerCase() + " it", "by");
        }
        if (move.needsSomeoneElseThanCompleter() && project.closing() != null
                && project.closing().completedBy().userId() == by.userId()) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_NOT_BE_ACCEPTED_BY_ITS_COMPLETER, by.name()
                    + " completed project " + project.code() + " and may not also accept it", "by");
        }
        if (closing != null && closing.goalOutcomes().size() != project.plan().goals().size()) {
            return new Outcome.Rejected<>(Rejection.PROJECT_GOAL_OUTCOMES_MUST_MATCH_GOALS, "the plan has "
                    + project.plan().goals().size() + " goals; the closing gives " + closing.goalOutcomes().size()
                    + " outcomes", "goalOutcomes");
        }
        if (move == ProjectTransition.ACCEPT) {
            ProjectMoney m = moneyOf(project.id());
            if (m.availableFen() != 0) {
                return new Outcome.Rejected<>(Rejection.PROJECT_LEFTOVER_MUST_BE_DISPOSED, "project " + project.code() + " has "
                        + Money.format(m.availableFen()) + " left; the committee decides what becomes of it before "
                        + "accepting the project", "status");
            }
        }
        for (ProjectListener listener : listeners) {
            Outcome.Rejected<Project> objection = listener.objection(project, move);
            if (objection != null) {
                return objection;
            }
        }
        Project moved = move == ProjectTransition.COMPLETE ? project.completed(closing, books.now())
                : project.moved(move.to(), by, move, books.now());
        if (move == ProjectTransition.APPROVE) {
            // Version 1: the plan as the committee approved it.
            PlanVersion first = new PlanVersion(project.id(), 1, project.plan(), PlanVersion.Status.APPROVED,
                    project.submittedBy() != null ? project.submittedBy() : project.createdBy(), project.updatedAt(), null,
                    by, books.now(), reason);
            versions.computeIfAbsent(project.id(), k -> new ArrayList<>()).add(first);
            books.write(new PlanVersionSaved(first, true));
        }
        if (move == ProjectTransition.CLOSE_FUNDRAISING) {
            listeners.forEach(l -> l.fundraisingClosed(moved, books));
        }
        if ((move == ProjectTransition.REJECT || move == ProjectTransition.CANCEL) && project.needId() != null) {
            // The residents' need is still unmet: another project may answer it.
            needs.reopen(project.needId(), project.code(), books);
        }
        return save(moved, move == ProjectTransition.COMPLETE ? ProjectSaved.Change.CLOSING : ProjectSaved.Change.STATE,
                move.name(), project.status(), reason, by, books);
    }

    // --- leftover money -------------------------------------------------------------------------------------

    private Outcome<LeftoverDisposal> disposeLeftover(DisposeLeftover c, Books books) {
        Project project = byCode.get(c.code());
        if (project == null) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.code(), "code");
        }
        if (project.status() != ProjectStatus.COMPLETED && project.status() != ProjectStatus.CANCELLED) {
            return stateRefuses(project, "leftover money is decided once the project is COMPLETED or CANCELLED");
        }
        ProjectMoney m = moneyOf(project.id());
        long leftover = m.availableFen();
        if (leftover <= 0) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_HAVE_LEFTOVER, "project " + project.code()
                    + " has no money left", "code");
        }
        if (m.goodsHeldFen() > 0) {
            return new Outcome.Rejected<>(Rejection.PROJECT_GOODS_MUST_BE_ISSUED_FIRST, "project " + project.code() + " still "
                    + "holds goods worth " + Money.format(m.goodsHeldFen()) + "; issue them (a disbursement in goods) or "
                    + "return them before its leftover money is decided", "code");
        }
        Outcome.Rejected<LeftoverDisposal> open = yearsOpen(project, books.now());
        if (open != null) {
            return open;
        }
        Project target = null;
        if (c.disposition() == LeftoverDisposition.TRANSFER_TO_PROJECT) {
            target = byCode.get(c.targetCode());
            if (target == null) {
                return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.targetCode(), "targetProjectCode");
            }
            if (target.id() == project.id() || target.fundId() != project.fundId()) {
                return new Outcome.Rejected<>(Rejection.LEFTOVER_TARGET_MUST_BE_ANOTHER_PROJECT_OF_THE_FUND, "leftover money "
                        + "moves to another project of the same fund; " + target.code() + " is "
                        + (target.id() == project.id() ? "this project" : "in another fund"), "targetProjectCode");
            }
            if (target.status() != ProjectStatus.FUNDRAISING && target.status() != ProjectStatus.IN_PROGRESS) {
                return new Outcome.Rejected<>(Rejection.LEFTOVER_TARGET_MUST_BE_RUNNING, "project " + target.code() + " is "
                        + target.status() + "; leftover money moves only to a project that raises money or runs",
                        "targetProjectCode");
            }
        }
        Fund fund = books.fund(project.fundId()).orElseThrow();
        int seq = leftoverSeqs.merge(project.id(), 1, Integer::sum);
        String key = LedgerLimits.INTERNAL_KEY_PREFIX + "leftover:" + project.code() + ":" + seq;
        String why = target == null ? "结余退回 leftover of " + project.code() + " returned to the fund's unrestricted money"
                : "结余转出 leftover of " + project.code() + " moved to project " + target.code();
        // Out of the project's held accounts, into the fund's own; then, for a transfer, into the target's, each part
        // as restricted (or designated) as it was.
        List<Held> parts = Held.parts(m, leftover, FiscalYear.of(books.now()));
        Transaction out = mustAccept(book(books, new PostEntry(key, c.by().recordedBy(), TransactionKind.LEFTOVER, fund.code(),
                why, null, new References(null, null, null, project.code()), Held.release(parts))));
        if (target != null) {
            mustAccept(book(books, new PostEntry(key + ":to:" + target.code(), c.by().recordedBy(), TransactionKind.LEFTOVER,
                    fund.code(), "结余转入 leftover of " + project.code() + " received by project " + target.code(), null,
                    new References(null, null, null, target.code()), Held.hold(parts))));
            record(target, "LEFTOVER_IN", Money.format(leftover) + " from project " + project.code() + ": " + c.reason(),
                    c.by(), books);
        }
        LeftoverDisposal disposal = new LeftoverDisposal(project.id(), seq, c.disposition(), leftover,
                target == null ? null : target.id(), out.id(), c.by(), books.now(), c.reason());
        books.write(disposal);
        record(project, target == null ? "LEFTOVER_RETURNED" : "LEFTOVER_OUT", Money.format(leftover)
                + (target == null ? "" : " to project " + target.code()) + ": " + c.reason(), c.by(), books);
        return new Outcome.Accepted<>(disposal, false);
    }

    /**
     * Charges the management fee the plan allows: its rate on what the project raised, less the fees charged before. The
     * fee is borne by the project's restricted cash (the donors gave under the plan that names the rate, never by the
     * federation's designated match): Dr 5201 / Cr 1002, and the restriction on that much lifted as for any spending
     * (Dr 3102 / Cr 3101 for earlier years' money, Dr 410102 / Cr 410101 for this year's).
     */
    private Outcome<FeeCharge> chargeFee(ChargeManagementFee c, Books books) {
        Project project = byCode.get(c.code());
        if (project == null) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.code(), "code");
        }
        Optional<Transaction> earlier = books.earlierWithKey(c.idempotencyKey());
        if (earlier.isPresent()) {
            Transaction t = earlier.get();
            if (t.kind() != TransactionKind.FEE || !project.code().equals(t.references().project())) {
                return new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key " + c.idempotencyKey()
                        + " was already used for a different request", "Idempotency-Key");
            }
            ProjectMoney m = moneyOf(project.id());
            long amount = t.amountFen(project.fundId());
            return new Outcome.Accepted<>(new FeeCharge(project, project.plan().managementFeeBasisPoints(), m.raisedFen(),
                    m.feesFen() - amount, amount, t.id()), true);
        }
        ProjectStatus s = project.status();
        if (s != ProjectStatus.FUNDRAISING && s != ProjectStatus.IN_PROGRESS && s != ProjectStatus.COMPLETED) {
            return stateRefuses(project, "a management fee is charged while the project raises money, runs or awaits acceptance");
        }
        Outcome.Rejected<FeeCharge> open = yearsOpen(project, books.now());
        if (open != null) {
            return open;
        }
        ProjectMoney m = moneyOf(project.id());
        int bp = project.plan().managementFeeBasisPoints();
        long allowed = project.plan().managementFeeOn(m.raisedFen());
        long due = allowed - m.feesFen();
        if (due <= 0) {
            return new Outcome.Rejected<>(Rejection.PROJECT_FEE_MUST_BE_DUE, "project " + project.code() + "'s plan allows a "
                    + "management fee of " + ProjectPlan.percent(bp) + " on the " + Money.format(m.raisedFen())
                    + " it raised, " + Money.format(allowed) + "; " + Money.format(m.feesFen()) + " has been charged", "code");
        }
        long bearable = Math.min(m.restrictedFen(), m.availableCashFen());
        if (bearable < due) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MONEY_MUST_COVER_FEE, "project " + project.code() + " owes a "
                    + "management fee of " + Money.format(due) + " but holds " + Money.format(Math.max(0, bearable))
                    + " of restricted cash unspent and unreserved to bear it", "code");
        }
        Fund fund = books.fund(project.fundId()).orElseThrow();
        List<PostingLine> lines = new ArrayList<>();
        lines.add(PostingLine.debit(ChartTemplate.MANAGEMENT_EXPENSES, due));
        lines.add(PostingLine.credit(ChartTemplate.BANK, due));
        lines.addAll(releaseLines(project, due, books.now()));
        String why = "管理费 management fee of project " + project.code() + ": " + ProjectPlan.percent(bp) + " of "
                + Money.format(m.raisedFen()) + " raised";
        Outcome<Transaction> booked = book(books, new PostEntry(c.idempotencyKey(), c.by().recordedBy(), TransactionKind.FEE,
                fund.code(), why, null, new References(null, null, null, project.code()), lines));
        if (booked instanceof Outcome.Rejected<Transaction> r) {
            return new Outcome.Rejected<>(r.rejection(), r.detail(), "code");
        }
        long before = m.feesFen() - due;
        record(project, "MANAGEMENT_FEE", Money.format(due) + " (" + why + ")", c.by(), books);
        return new Outcome.Accepted<>(new FeeCharge(project, bp, m.raisedFen(), before, due, booked.value().id()), false);
    }

    /**
     * Refuses to spend, refund or move a project's money in a year while it still holds restricted income of an earlier
     * year that is not closed: that income must first be closed into restricted net assets (期末结转), so that its
     * release goes through them (Dr 3102 / Cr 3101) and no restricted account ever stands on its wrong side.
     */
    public <T> Outcome.Rejected<T> yearsOpen(Project project, Instant at) {
        List<Integer> open = moneyOf(project.id()).openYearsBefore(FiscalYear.of(at));
        if (open.isEmpty()) {
            return null;
        }
        return new Outcome.Rejected<>(Rejection.YEAR_MUST_BE_CLOSED_FIRST, "project " + project.code() + " still holds "
                + "restricted income of " + open.get(0) + ", which is not closed; close " + open.get(0) + " for its fund "
                + "(期末结转) before its money is spent, refunded or moved in " + FiscalYear.of(at), "year");
    }

    /**
     * The lines that lift the restriction (or designation) of money the project spends, per 《民间非营利组织会计制度》:
     * restricted net assets carried from closed years first (Dr 3102 / Cr 3101), then this year's restricted income
     * (Dr 410102 / Cr 410101), then money the federation designated for it (Dr 310101 / Cr 3101). The caller has made
     * sure the project holds the amount and no earlier year is open.
     */
    public List<PostingLine> releaseLines(Project project, long amountFen, Instant at) {
        return Held.release(Held.parts(moneyOf(project.id()), amountFen, FiscalYear.of(at)));
    }

    /**
     * A booking after the checks, which the ledger cannot refuse (3101 and 3102 may go either way); if it does
     * all the same, the batch is rolled back and each command retried alone.
     */
    static Transaction mustAccept(Outcome<Transaction> outcome) {
        if (outcome instanceof Outcome.Rejected<Transaction> r) {
            throw new IllegalStateException("a booking that cannot be refused was refused: " + r.rejection() + ": " + r.detail());
        }
        return outcome.value();
    }

    static <T> Outcome.Rejected<T> stateRefuses(Project project, String why) {
        return new Outcome.Rejected<>(Rejection.PROJECT_STATE_MUST_ALLOW_ACTION, "project " + project.code() + " is "
                + project.status() + "; " + why, "status");
    }

    private Outcome<Project> save(Project project, ProjectSaved.Change change, String action, ProjectStatus from, String reason,
                                  Actor by, Books books) {
        int seq = lastEventSeq.merge(project.id(), 1, Integer::sum);
        ProjectEvent event = new ProjectEvent(project.id(), seq, books.now(), by, action, from, project.status(), reason);
        byCode.put(project.code(), project);
        byId.put(project.id(), project);
        books.write(new ProjectSaved(project, change, event));
        return new Outcome.Accepted<>(project, false);
    }
}
