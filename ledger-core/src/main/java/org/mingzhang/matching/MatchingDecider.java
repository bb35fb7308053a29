package org.mingzhang.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mingzhang.account.Account;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.GiftListener;
import org.mingzhang.gift.ProjectDonor;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.CreateFund;
import org.mingzhang.journal.Decider;
import org.mingzhang.journal.DirectEffect;
import org.mingzhang.journal.JournalGuard;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectDecider;
import org.mingzhang.project.ProjectListener;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectTransition;

/**
 * Decides matching pools and settles matches in the single writer, so that any number of gifts, refunds
 * and settlements at once can never overspend a pool or settle a project twice: the pool's money sits in
 * a guarded seed fund of its own, and every decision about it is taken here, in order.
 *
 * <p>The money moves as linked two-fund transactions, never as donation income and never with a receipt:
 * funding (sponsor Dr 3101 / Cr 1002; pool Dr 1002 / Cr 3101), a settled match (pool Dr 3101 / Cr 1002;
 * project's fund Dr 1002 / Cr 310101: seed money the federation designates for the project is still its
 * unrestricted money, held for the project), money a refund frees (the reverse of a match for what the project
 * still holds; what it has spent the project's fund owes the pool: Dr 3101 / Cr 2901 there, Dr 1901 / Cr 3101 in
 * the pool), and at close what is left back to the sponsor.
 */
public final class MatchingDecider implements Decider, ProjectListener, GiftListener, JournalGuard {

    private static final String PAYABLE = ChartTemplate.DUE_TO_OTHER_FUNDS;
    private static final String RECEIVABLE = ChartTemplate.DUE_FROM_OTHER_FUNDS;

    private final MatchingStore store;
    private final ProjectDecider projects;
    private final Map<String, MatchingPool> pools = new HashMap<>();
    private final Map<Long, Settlement> settlementsByProject = new HashMap<>();
    private final MatchTallies tallies;
    /** Each project's match base under its pool's rule, kept gift by gift (every project that has one). */
    private final Map<Long, Tallied> bases = new HashMap<>();
    /** Donors' counted sums the batch read ahead or changed; cleared after every batch. */
    private final Map<ProjectDonor, Long> donorsCounted = new HashMap<>();
    /** Projects whose base the batch changed → the donors it changed; cleared when flushed. */
    private final Map<Long, Set<String>> changed = new HashMap<>();
    /** Projects whose base the batch counted afresh (every donor row is replaced). */
    private final Set<Long> recounted = new java.util.HashSet<>();
    /** Gifts the batch recorded or refunded, by project, for a base counted afresh before they are in storage. */
    private final Map<Long, Map<Long, Gift>> giftsInBatch = new HashMap<>();
    private long lastPoolId;
    private long lastSettlementId;

    /** A project's base and the pool and rule version it was counted under. */
    private record Tallied(long poolId, int ruleVersion, MatchBase.Tally tally) {
    }

    /** Records the gifts that {@link RecordGiftWithMatch} answers with their match (the gift decider, set at assembly). */
    private Decider gifts;

    public MatchingDecider(MatchingStore store, MatchTallies tallies, ProjectDecider projects) {
        this.store = store;
        this.tallies = tallies;
        this.projects = projects;
    }

    @Override
    public void reload() {
        pools.clear();
        settlementsByProject.clear();
        lastPoolId = 0;
        lastSettlementId = 0;
        for (MatchingPool pool : store.pools()) {
            pools.put(pool.code(), pool);
            lastPoolId = Math.max(lastPoolId, pool.id());
        }
        for (Settlement s : store.settlements()) {
            settlementsByProject.put(s.projectId(), s);
            lastSettlementId = Math.max(lastSettlementId, s.id());
        }
        bases.clear();
        clearBatch();
        if (!tallies.talliesBuilt()) {
            // Books from before the projection: count every project's base once from its gifts, and keep it.
            List<ProjectMatchSaved> rows = new ArrayList<>();
            Map<Long, List<MatchableGift>> gifts = new HashMap<>();
            store.projectGifts().forEach(g -> gifts.computeIfAbsent(g.projectId(), k -> new ArrayList<>()).add(g.gift()));
            for (Project p : projects.projects()) {
                MatchingPool pool = poolOf(p);
                if (pool != null) {
                    rows.add(count(pool, p.id(), gifts.getOrDefault(p.id(), List.of())));
                }
            }
            tallies.rebuildTallies(rows);
        }
        for (MatchTallies.Row row : tallies.rows()) {
            bases.put(row.projectId(), new Tallied(row.poolId(), row.ruleVersion(), new MatchBase.Tally(row.base())));
        }
    }

    private void clearBatch() {
        donorsCounted.clear();
        changed.clear();
        recounted.clear();
        giftsInBatch.clear();
    }

    /** Reads ahead the counted sums of the donors whose gifts the batch records, in one round trip. */
    @Override
    public Runnable readAhead(List<LedgerCommand<?>> commands) {
        Set<ProjectDonor> wanted = ProjectDonor.ofGifts(commands, code -> {
            Project p = projects.project(code);
            return p == null || poolOf(p) == null ? null : p.id();
        });
        wanted.removeAll(donorsCounted.keySet());
        if (wanted.isEmpty()) {
            return null;
        }
        return () -> {
            Map<ProjectDonor, Long> read = tallies.countedFen(wanted);
            wanted.forEach(d -> donorsCounted.put(d, read.getOrDefault(d, 0L)));
        };
    }

    /** Writes the base of every project the batch changed, with the donors it changed. */
    @Override
    public void flush(Books books) {
        for (Map.Entry<Long, Set<String>> e : changed.entrySet()) {
            long projectId = e.getKey();
            Tallied t = bases.get(projectId);
            Map<String, Long> donors = new HashMap<>();
            e.getValue().forEach(key -> donors.put(key, donorsCounted.get(new ProjectDonor(projectId, key))));
            books.write(new ProjectMatchSaved(projectId, t.poolId(), t.ruleVersion(), t.tally().base(), donors,
                    recounted.contains(projectId)));
        }
        clearBatch();
    }

    @Override
    public boolean decides(LedgerCommand<?> command) {
        return command instanceof CreatePool || command instanceof ClosePool || command instanceof CollectFromFund
                || command instanceof RecordGiftWithMatch;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Outcome<T> decide(LedgerCommand<T> command, Books books) {
        return (Outcome<T>) switch ((LedgerCommand<?>) command) {
            case CreatePool c -> create(c, books);
            case ClosePool c -> close(c, books);
            case CollectFromFund c -> collect(c, books);
            case RecordGiftWithMatch c -> recordWithMatch(c, books);
            default -> throw new IllegalArgumentException("not a matching command: " + command);
        };
    }

    /** A pool's fund is the pool's: its money moves only through the pool (funding, settlements, returns, its close). */
    @Override
    public Outcome.Rejected<?> refuse(LedgerCommand<?> command, Books books) {
        for (DirectEffect e : DirectEffect.of(command, books)) {
            for (MatchingPool pool : pools.values()) {
                if (pool.poolFundId() == e.fund().id()) {
                    return new Outcome.Rejected<>(Rejection.ACCOUNT_MUST_MOVE_THROUGH_ITS_RECORDS, "fund " + e.fund().code()
                            + " holds matching pool " + pool.code() + "'s money; it moves only through the pool (its funding, "
                            + "settlements, returns and close), never through a manual entry", "postings");
                }
            }
        }
        return null;
    }

    /** Sets the decider that records gifts, for {@link RecordGiftWithMatch} (before the writer starts). */
    public void recordGiftsWith(Decider giftDecider) {
        this.gifts = giftDecider;
    }

    // --- gifts answered with their match ------------------------------------------------------------------

    private Outcome<MatchedGift> recordWithMatch(RecordGiftWithMatch c, Books books) {
        Outcome<Gift> recorded = gifts.decide(c.recordGift(), books);
        if (recorded instanceof Outcome.Rejected<Gift> r) {
            return new Outcome.Rejected<>(r.rejection(), r.detail(), r.field());
        }
        Outcome.Accepted<Gift> a = (Outcome.Accepted<Gift>) recorded;
        return new Outcome.Accepted<>(new MatchedGift(a.value(), matchAfter(a.value(), books)), a.replayed());
    }

    /** The match of the gift's project as this batch has it now; null when the project names no pool. */
    private ProjectMatch matchAfter(Gift gift, Books books) {
        Project project = gift.projectId() == null ? null : projects.project(gift.projectId());
        MatchingPool pool = project == null ? null : poolOf(project);
        if (pool == null) {
            return null;
        }
        return ProjectMatch.of(pool, eligible(pool, project, books), baseOf(pool, project.id()).tally().base(),
                available(pool, books), settlementsByProject.get(project.id()));
    }

    // --- pools ---------------------------------------------------------------------------------------------

    private Outcome<MatchingPool> create(CreatePool c, Books books) {
        Outcome<MatchingPool> replay = replay(c.idempotencyKey(), c.requestHash(), books);
        if (replay != null) {
            return replay;
        }
        if (pools.containsKey(c.code()) || books.fund(c.code()).isPresent()) {
            return new Outcome.Rejected<>(Rejection.POOL_CODE_MUST_BE_UNIQUE, "a pool or fund " + c.code() + " already exists", "code");
        }
        Fund sponsor = books.fund(c.sponsorFundCode()).orElse(null);
        if (sponsor == null) {
            return new Outcome.Rejected<>(Rejection.FUND_MUST_EXIST, "no fund " + c.sponsorFundCode(), "sponsorFundCode");
        }
        long sponsorHas = books.account(sponsor.id(), ChartTemplate.BANK).map(Account::availableFen).orElse(0L);
        if (sponsorHas < c.budgetFen()) {
            return new Outcome.Rejected<>(Rejection.POOL_BUDGET_MUST_BE_COVERED, "fund " + sponsor.code() + " has "
                    + org.mingzhang.money.Money.format(sponsorHas) + " in the bank; the budget is "
                    + org.mingzhang.money.Money.format(c.budgetFen()), "budget");
        }
        if (!FundLevel.SEED.fitsUnder(sponsor.level())) {
            return new Outcome.Rejected<>(Rejection.FUND_LEVEL_MUST_FIT_PARENT, "a pool's sponsor is a city or seed fund, not a "
                    + sponsor.level() + " fund", "sponsorFundCode");
        }
        Fund poolFund = mustAccept(books.createFund(new CreateFund(c.code(), "配捐池 " + c.name(), FundLevel.SEED, sponsor.code(),
                true)));
        mustAccept(books.book(new PostEntry(c.idempotencyKey(), c.by().recordedBy(), TransactionKind.POOL_FUNDING, sponsor.code(),
                "配捐池注资 pool funding " + c.code(), null, References.pool(c.code()), List.of(
                        PostingLine.debit(ChartTemplate.UNRESTRICTED_NET_ASSETS, c.budgetFen()),
                        PostingLine.credit(ChartTemplate.BANK, c.budgetFen()),
                        PostingLine.debit(ChartTemplate.BANK, c.budgetFen()).inFund(poolFund.code()),
                        PostingLine.credit(ChartTemplate.UNRESTRICTED_NET_ASSETS, c.budgetFen()).inFund(poolFund.code())))));
        MatchingPool pool = new MatchingPool(++lastPoolId, c.code(), c.name(), sponsor.id(), poolFund.id(), c.budgetFen(),
                c.settlement(), true, 1, c.rule(), c.idempotencyKey(), c.requestHash(), c.by(), books.now(), null, null, null, 0);
        pools.put(pool.code(), pool);
        books.write(new PoolSaved(pool, true));
        return new Outcome.Accepted<>(pool, false);
    }

    private Outcome<MatchingPool> close(ClosePool c, Books books) {
        MatchingPool pool = pools.get(c.code());
        if (pool == null) {
            return new Outcome.Rejected<>(Rejection.POOL_MUST_EXIST, "no pool " + c.code(), "code");
        }
        if (c.idempotencyKey().equals(pool.closeIdempotencyKey())) {
            return c.requestHash().equals(pool.closeRequestHash()) ? new Outcome.Accepted<>(pool, true)
                    : new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key " + c.idempotencyKey()
                            + " was already used for a different request", "Idempotency-Key");
        }
        if (books.earlierWithKey(c.idempotencyKey()).isPresent() || pools.values().stream()
                .anyMatch(p -> c.idempotencyKey().equals(p.idempotencyKey()) || c.idempotencyKey().equals(p.closeIdempotencyKey()))) {
            return new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key " + c.idempotencyKey()
                    + " was already used for a different request", "Idempotency-Key");
        }
        if (!pool.open()) {
            return new Outcome.Rejected<>(Rejection.POOL_MUST_BE_OPEN, "pool " + pool.code() + " closed at " + pool.closedAt(), "code");
        }
        List<Project> members = projects.projects().stream().filter(p -> pool.code().equals(p.plan().matchingPoolCode()))
                .sorted(java.util.Comparator.comparingLong(Project::id)).toList();
        if (pool.settlement() == SettlementMode.PRO_RATA_AT_POOL_CLOSE) {
            List<Project> stillRaising = members.stream().filter(p -> p.status() == ProjectStatus.DRAFT
                    || p.status() == ProjectStatus.SUBMITTED || p.status() == ProjectStatus.FUNDRAISING).toList();
            if (!stillRaising.isEmpty()) {
                return new Outcome.Rejected<>(Rejection.POOL_PROJECTS_MUST_HAVE_CLOSED_FUNDRAISING, "projects "
                        + stillRaising.stream().map(Project::code).collect(Collectors.joining(", "))
                        + " have not closed their fundraising", "code");
            }
            settleProRata(pool, members, books);
        }
        long left = available(pool, books);
        Fund sponsor = books.fund(pool.sponsorFundId()).orElseThrow();
        if (left > 0) {
            returnToSponsor(pool, left, c.idempotencyKey(), c.by().recordedBy(), "配捐池结余退回 pool closed: unused budget back to "
                    + sponsor.code(), books);
        }
        MatchingPool closed = pool.closed(books.now(), c.idempotencyKey(), c.requestHash(), Math.max(0, left));
        pools.put(closed.code(), closed);
        books.write(new PoolSaved(closed, false));
        return new Outcome.Accepted<>(closed, false);
    }

    /**
     * Collects what a project's fund owes the pool for match money a refund sent back after the project had spent it
     * (the receivable 1901 in the pool's fund, the payable 2901 in the project's): project's fund Dr 2901 / Cr 1002, pool
     * Dr 1002 / Cr 1901. The fund pays from its own cash, never from what its projects hold.
     */
    private Outcome<PoolCollection> collect(CollectFromFund c, Books books) {
        MatchingPool pool = pools.get(c.poolCode());
        if (pool == null) {
            return new Outcome.Rejected<>(Rejection.POOL_MUST_EXIST, "no pool " + c.poolCode(), "code");
        }
        Project project = projects.project(c.projectCode());
        if (project == null) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.projectCode(), "projectCode");
        }
        Optional<Transaction> earlier = books.earlierWithKey(c.idempotencyKey());
        if (earlier.isPresent()) {
            Transaction t = earlier.get();
            boolean same = t.kind() == TransactionKind.SETTLEMENT && pool.code().equals(t.references().pool())
                    && project.code().equals(t.references().project()) && (c.amountFen() == null
                    || c.amountFen() == t.amountFen(project.fundId()));
            return same ? new Outcome.Accepted<>(new PoolCollection(pool, project, t.amountFen(project.fundId()),
                    projects.money(project.id()).owedToPoolFen(), t.id()), true)
                    : new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key " + c.idempotencyKey()
                            + " was already used for a different request", "Idempotency-Key");
        }
        Settlement s = settlementsByProject.get(project.id());
        long owed = s == null || s.poolId() != pool.id() ? 0 : projects.money(project.id()).owedToPoolFen();
        long amount = c.amountFen() == null ? owed : c.amountFen();
        if (owed <= 0 || amount > owed) {
            return new Outcome.Rejected<>(Rejection.POOL_RECEIVABLE_MUST_BE_OWED, "the fund of project " + project.code()
                    + " owes pool " + pool.code() + " " + org.mingzhang.money.Money.format(Math.max(0, owed))
                    + "; it cannot pay " + org.mingzhang.money.Money.format(amount), c.amountFen() == null ? "projectCode" : "amount");
        }
        Fund projectFund = books.fund(project.fundId()).orElseThrow();
        if (projects.free(books, projectFund, false) < amount) {
            return projects.fundMustCover(books, projectFund, false, amount, "paying the pool", "amount");
        }
        Fund poolFund = books.fund(pool.poolFundId()).orElseThrow();
        Outcome<Transaction> booked = projects.book(books, new PostEntry(c.idempotencyKey(), c.by().recordedBy(),
                TransactionKind.SETTLEMENT, projectFund.code(), "配捐欠款收回 fund " + projectFund.code() + " pays pool " + pool.code()
                        + " what it owed for project " + project.code() + "'s match", null,
                new References(null, null, pool.code(), project.code()), List.of(
                        PostingLine.debit(PAYABLE, amount), PostingLine.credit(ChartTemplate.BANK, amount),
                        PostingLine.debit(ChartTemplate.BANK, amount).inFund(poolFund.code()),
                        PostingLine.credit(RECEIVABLE, amount).inFund(poolFund.code()))));
        if (booked instanceof Outcome.Rejected<Transaction> r) {
            return new Outcome.Rejected<>(r.rejection(), r.detail(), "amount");
        }
        if (!pool.open()) {
            // A closed pool keeps nothing: what it collects goes on to its sponsor, as its leftover did at close.
            returnToSponsor(pool, amount, c.idempotencyKey() + ":to-sponsor", c.by().recordedBy(),
                    "配捐池收回款退回 collected after close: back to the sponsor", books);
            MatchingPool updated = pool.closed(pool.closedAt(), pool.closeIdempotencyKey(), pool.closeRequestHash(),
                    pool.returnedToSponsorFen() + amount);
            pools.put(updated.code(), updated);
            books.write(new PoolSaved(updated, false));
            pool = updated;
        }
        return new Outcome.Accepted<>(new PoolCollection(pool, project, amount, projects.money(project.id()).owedToPoolFen(),
                booked.value().id()), false);
    }

    /** Moves {@code amount} of the pool's money back to its sponsor: pool Dr 3101 / Cr 1002, sponsor Dr 1002 / Cr 3101. */
    private static void returnToSponsor(MatchingPool pool, long amount, String key, String by, String memo, Books books) {
        Fund sponsor = books.fund(pool.sponsorFundId()).orElseThrow();
        Fund poolFund = books.fund(pool.poolFundId()).orElseThrow();
        mustAccept(books.book(new PostEntry(key, by, TransactionKind.POOL_FUNDING, poolFund.code(), memo, null,
                References.pool(pool.code()), List.of(PostingLine.debit(ChartTemplate.UNRESTRICTED_NET_ASSETS, amount),
                        PostingLine.credit(ChartTemplate.BANK, amount),
                        PostingLine.debit(ChartTemplate.BANK, amount).inFund(sponsor.code()),
                        PostingLine.credit(ChartTemplate.UNRESTRICTED_NET_ASSETS, amount).inFund(sponsor.code())))));
    }

    /** Settles every unsettled member in proportion: each gets its capped match, scaled down if the sum exceeds the pool. */
    private void settleProRata(MatchingPool pool, List<Project> members, Books books) {
        List<Project> due = new ArrayList<>();
        List<Long> capped = new ArrayList<>();
        for (Project p : members) {
            // A cancelled or rejected project is matched by nobody, whatever it raised before it stopped.
            boolean ran = p.status() == ProjectStatus.IN_PROGRESS || p.status() == ProjectStatus.COMPLETED;
            if (ran && !settlementsByProject.containsKey(p.id()) && eligible(pool, p, books)) {
                due.add(p);
                capped.add(explain(pool, p, Long.MAX_VALUE).cappedFen());
            }
        }
        List<Long> shares = MatchCalculator.proRata(capped, available(pool, books));
        for (int i = 0; i < due.size(); i++) {
            settle(pool, due.get(i), shares.get(i), books);
        }
    }

    // --- settlement and refunds ------------------------------------------------------------------------------

    @Override
    public void fundraisingClosed(Project project, Books books) {
        MatchingPool pool = project.plan().matchingPoolCode() == null ? null : pools.get(project.plan().matchingPoolCode());
        if (pool == null || !pool.open() || pool.settlement() != SettlementMode.AT_PROJECT_CLOSE
                || settlementsByProject.containsKey(project.id()) || !eligible(pool, project, books)) {
            return;
        }
        settle(pool, project, available(pool, books), books);
    }

    /**
     * A project whose match settles when its pro-rata pool closes is not accepted before then: its books
     * would take the match after it was closed for good.
     */
    @Override
    public Outcome.Rejected<Project> objection(Project project, ProjectTransition move) {
        MatchingPool pool = project.plan().matchingPoolCode() == null ? null : pools.get(project.plan().matchingPoolCode());
        if (move != ProjectTransition.ACCEPT || pool == null || !pool.open()
                || pool.settlement() != SettlementMode.PRO_RATA_AT_POOL_CLOSE || settlementsByProject.containsKey(project.id())) {
            return null;
        }
        return new Outcome.Rejected<>(Rejection.PROJECT_MATCH_MUST_BE_SETTLED, "project " + project.code()
                + " is matched by pool " + pool.code() + ", which settles when it closes; close the pool first", "status");
    }

    /** Settles one project against at most {@code budgetFen} of the pool, first come first served. */
    private void settle(MatchingPool pool, Project project, long budgetFen, Books books) {
        MatchExplanation e = explain(pool, project, budgetFen);
        Long transactionId = null;
        if (e.finalFen() > 0) {
            Fund poolFund = books.fund(pool.poolFundId()).orElseThrow();
            Fund projectFund = books.fund(project.fundId()).orElseThrow();
            transactionId = mustAccept(projects.book(books, new PostEntry(LedgerLimits.INTERNAL_KEY_PREFIX + "match:" + pool.code() + ":" + project.code(), "配捐 matching",
                    TransactionKind.MATCH, poolFund.code(), "配捐 match for project " + project.code(), null,
                    new References(null, null, pool.code(), project.code()), List.of(
                            PostingLine.debit(ChartTemplate.UNRESTRICTED_NET_ASSETS, e.finalFen()),
                            PostingLine.credit(ChartTemplate.BANK, e.finalFen()),
                            PostingLine.debit(ChartTemplate.BANK, e.finalFen()).inFund(projectFund.code()),
                            PostingLine.credit(ChartTemplate.DESIGNATED_NET_ASSETS, e.finalFen()).inFund(projectFund.code()))))).id();
        }
        Settlement settlement = Settlement.of(++lastSettlementId, pool.id(), project.id(), pool.ruleVersion(), e, transactionId, books.now());
        settlementsByProject.put(project.id(), settlement);
        books.write(new SettlementSaved(settlement, true));
    }

    @Override
    public void giftRecorded(Gift gift, Books books) {
        count(gift, null);
    }

    /**
     * A refund recomputes the project's match. Before settlement the gift simply stops counting. After it,
     * the match falls to what the rule gives without the gift (never more than was paid; for a pro-rata
     * pool, scaled as at settlement), and the difference goes back to the pool.
     */
    @Override
    public void giftRefunded(Gift before, Gift gift, Books books) {
        if (gift.projectId() == null) {
            return;
        }
        count(gift, before);
        Settlement s = settlementsByProject.get(gift.projectId());
        if (s == null || s.netFen() == 0) {
            return;
        }
        MatchingPool pool = pools.values().stream().filter(p -> p.id() == s.poolId()).findFirst().orElseThrow();
        Project project = projects.project(gift.projectId());
        long entitled = s.entitledFen(pool.settlement(), explain(pool, project, Long.MAX_VALUE).cappedFen());
        long back = s.netFen() - entitled;
        if (back <= 0) {
            return;
        }
        Fund poolFund = books.fund(pool.poolFundId()).orElseThrow();
        Fund projectFund = books.fund(project.fundId()).orElseThrow();
        // What the project still holds of the designated money goes back now; what it has spent, the fund owes the pool.
        ProjectMoney m = projects.money(project.id());
        long paid = Math.min(Math.min(back, Math.max(0, Math.min(m.designatedFen(), m.availableCashFen()))),
                books.account(projectFund.id(), ChartTemplate.BANK).map(Account::availableFen).orElse(0L));
        long owed = back - paid;
        List<PostingLine> lines = new ArrayList<>();
        if (paid > 0) {
            lines.add(PostingLine.debit(ChartTemplate.DESIGNATED_NET_ASSETS, paid));
            lines.add(PostingLine.credit(ChartTemplate.BANK, paid));
            lines.add(PostingLine.debit(ChartTemplate.BANK, paid).inFund(poolFund.code()));
        }
        if (owed > 0) {
            lines.add(PostingLine.debit(ChartTemplate.UNRESTRICTED_NET_ASSETS, owed));
            lines.add(PostingLine.credit(PAYABLE, owed));
            lines.add(PostingLine.debit(RECEIVABLE, owed).inFund(poolFund.code()));
        }
        lines.add(PostingLine.credit(ChartTemplate.UNRESTRICTED_NET_ASSETS, back).inFund(poolFund.code()));
        mustAccept(projects.book(books, new PostEntry(LedgerLimits.INTERNAL_KEY_PREFIX + "match-return:" + pool.code() + ":gift:" + gift.id()
                        // A gift refunded in parts returns match money once per part: each part leaves more refunded.
                        + ":" + gift.refundedFen(), "配捐 matching",
                TransactionKind.MATCH, projectFund.code(), "配捐退回 match returned after refund of " + gift.receiptNo()
                        + (owed > 0 ? "; " + org.mingzhang.money.Money.format(owed) + " already spent, owed to the pool" : ""),
                null, new References(String.valueOf(gift.id()), null, pool.code(), project.code()), lines)));
        Settlement updated = s.withReturned(back);
        settlementsByProject.put(updated.projectId(), updated);
        books.write(new SettlementSaved(updated, false));
    }

    // --- shared ---------------------------------------------------------------------------------------------

    /** The project's match from its base as it stands in this batch (no pass over its gifts). */
    private MatchExplanation explain(MatchingPool pool, Project project, long budgetFen) {
        return MatchCalculator.explain(pool.rule(), baseOf(pool, project.id()).tally().base(), budgetFen);
    }

    /**
     * Counts a gift into its project's base ({@code before} null), or moves its part from how it stood before a refund
     * to how it stands after.
     */
    private void count(Gift gift, Gift before) {
        if (gift.projectId() == null) {
            return;
        }
        Project project = projects.project(gift.projectId());
        MatchingPool pool = project == null ? null : poolOf(project);
        if (pool == null) {
            return;
        }
        giftsInBatch.computeIfAbsent(project.id(), k -> new HashMap<>()).put(gift.id(), gift);
        Tallied current = bases.get(project.id());
        boolean kept = current != null && current.poolId() == pool.id() && current.ruleVersion() == pool.ruleVersion();
        Tallied t = baseOf(pool, project.id());
        if (!kept) {
            return; // counted afresh just now, with the gift as it stands
        }
        ProjectDonor donor = new ProjectDonor(project.id(), gift.donor().key());
        long donorFen = donorsCounted.computeIfAbsent(donor, d -> tallies.countedFen(List.of(d)).getOrDefault(d, 0L));
        if (before != null) {
            donorFen = t.tally().apply(pool.rule(), MatchBase.Part.of(pool.rule(), matchable(before)), donorFen, -1);
        }
        donorFen = t.tally().apply(pool.rule(), MatchBase.Part.of(pool.rule(), matchable(gift)), donorFen, 1);
        donorsCounted.put(donor, donorFen);
        changed.computeIfAbsent(project.id(), k -> new java.util.HashSet<>()).add(donor.donorKey());
    }

    /**
     * The project's base under this pool's rule. One counted under another pool (a plan that changed its pool) or none
     * at all for a project with gifts is counted afresh from its gifts in storage and in this batch.
     */
    private Tallied baseOf(MatchingPool pool, long projectId) {
        Tallied t = bases.get(projectId);
        if (t != null && t.poolId() == pool.id() && t.ruleVersion() == pool.ruleVersion()) {
            return t;
        }
        Map<Long, MatchableGift> gifts = new java.util.LinkedHashMap<>();
        store.giftsOfProject(projectId).forEach(g -> gifts.put(Long.parseLong(g.giftId()), g));
        giftsInBatch.getOrDefault(projectId, Map.of()).forEach((id, g) -> gifts.put(id, matchable(g)));
        ProjectMatchSaved row = count(pool, projectId, List.copyOf(gifts.values()));
        Tallied fresh = new Tallied(pool.id(), pool.ruleVersion(), new MatchBase.Tally(row.base()));
        bases.put(projectId, fresh);
        donorsCounted.keySet().removeIf(d -> d.projectId() == projectId);
        row.donorsCountedFen().forEach((key, fen) -> donorsCounted.put(new ProjectDonor(projectId, key), fen));
        recounted.add(projectId);
        changed.put(projectId, new java.util.HashSet<>(row.donorsCountedFen().keySet()));
        return fresh;
    }

    /** A project's base counted from all its gifts, as the row that keeps it. */
    private static ProjectMatchSaved count(MatchingPool pool, long projectId, List<MatchableGift> gifts) {
        MatchBase.Tally tally = new MatchBase.Tally();
        Map<String, Long> donors = new HashMap<>();
        for (MatchableGift g : gifts) {
            donors.put(g.donorKey(), tally.apply(pool.rule(), MatchBase.Part.of(pool.rule(), g), donors.getOrDefault(g.donorKey(), 0L), 1));
        }
        return new ProjectMatchSaved(projectId, pool.id(), pool.ruleVersion(), tally.base(), donors, true);
    }

    private MatchingPool poolOf(Project project) {
        String code = project.plan().matchingPoolCode();
        return code == null ? null : pools.get(code);
    }

    private boolean eligible(MatchingPool pool, Project project, Books books) {
        return pool.rule().admits(project.plan().category(), books.fund(project.fundId()).orElseThrow().code());
    }

    private static long available(MatchingPool pool, Books books) {
        return books.account(pool.poolFundId(), ChartTemplate.BANK).map(Account::availableFen).orElseThrow();
    }

    static MatchableGift matchable(Gift g) {
        // A gift dated a little ahead (within the ledger's clock skew) and refunded at once is refunded "at" its receipt.
        Instant refundedAt = g.refundedAt() == null || !g.refundedAt().isBefore(g.receivedAt()) ? g.refundedAt() : g.receivedAt();
        // A gift refunded in part counts for what still stands of it; one refunded in whole, as refunded.
        long standing = refundedAt == null ? g.standingFen() : g.amountFen();
        return new MatchableGift(String.valueOf(g.id()), standing, g.donor().key(), g.donor().name(), g.receivedAt(),
                g.channel() == org.mingzhang.gift.Channel.IN_KIND, refundedAt);
    }

    private Outcome<MatchingPool> replay(String key, String requestHash, Books books) {
        if (books.earlierWithKey(key).isEmpty()) {
            return null;
        }
        MatchingPool earlier = pools.values().stream().filter(p -> key.equals(p.idempotencyKey())).findFirst().orElse(null);
        if (earlier != null && earlier.requestHash().equals(requestHash)) {
            return new Outcome.Accepted<>(earlier, true);
        }
        return new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key " + key
                + " was already used for a different request", "Idempotency-Key");
    }

    /** A booking the decider has already made sure of; a refusal here means a broken invariant. */
    private static <T> T mustAccept(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Rejected<T> r) {
            throw new IllegalStateException("matching booked something the ledger refused: " + r.rejection() + ": " + r.detail());
        }
        return outcome.value();
    }

}
