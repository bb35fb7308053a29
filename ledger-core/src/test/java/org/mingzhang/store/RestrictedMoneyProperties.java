package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.BeforeTry;
import org.mingzhang.account.Account;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.closing.CloseYear;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.InKind;
import org.mingzhang.gift.PayRefundOwed;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.FiscalYear;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.SettableClock;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.TransactionQuery;
import org.mingzhang.matching.ClosePool;
import org.mingzhang.matching.CollectFromFund;
import org.mingzhang.matching.CreatePool;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.matching.PoolView;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.Tier;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.ChargeManagementFee;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.DecideDisbursement;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisbursementForm;
import org.mingzhang.project.PayDisbursement;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.RequestDisbursement;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * Restricted money under random use (issue 9): a community fund with three projects (two matched by a seed pool, two
 * charging a management fee) takes random gifts of cash and goods, unrestricted gifts, fundraising closes (the match
 * settles), cash payments and goods issues, fees, manual entries of every kind the review tried (a fee from the bank,
 * Dr 3102 / Cr 3101, restricted income by hand, goods issued by hand, a pool's fund drained, a plain deposit), refunds
 * whole and in part, payments of what refunds owe, collections for the pool, the pool's close and the year's close
 * (2026 closed in January 2027). After every step:
 *
 * <ul>
 *   <li>no restricted or designated account (410102, 3102, 310101) and no payable or receivable stands on its wrong side;</li>
 *   <li>each project holds no negative amount, in cash or goods, and the fund's cash and goods cover what its projects
 *       hold (a project's cash never spent by another, nor by a manual entry);</li>
 *   <li>the fund's restricted accounts hold exactly its projects' restricted money, and 310101 their designated money;</li>
 *   <li>no match, pool funding or pool return moves money into a restricted account (the federation's money stays
 *       unrestricted);</li>
 *   <li>the transactions that say they are booked, replayed, give every balance (a reservation says it is not);</li>
 *   <li>the pool reconciles: budget = settled − returned + available + receivable + returned to the sponsor;</li>
 *   <li>a refused command changes nothing: every account of every fund of the try, and every gift, as before it.</li>
 * </ul>
 *
 * {@code ledger-core/src/test/mutations/run.sh} reintroduces each defect of the review in turn and shows this property
 * failing on it.
 */
abstract class RestrictedMoneyProperties {

    enum Kind { GIFT, GOODS_GIFT, FREE_GIFT, CLOSE_FUNDRAISING, PAY_CASH, ISSUE_GOODS, FEE, MANUAL, REFUND, REFUND_PART,
        PAY_OWED, COLLECT, YEAR_END, CLOSE_POOL }

    record Action(Kind kind, int target, int pick, long amountFen) {
    }

    static final Actor WANG = new Actor(81, "王会计");
    static final Actor LI = new Actor(82, "李委员");
    static final Instant START = Instant.parse("2026-07-15T02:00:00Z");
    static final Instant NEXT_YEAR = Instant.parse("2027-01-15T02:00:00Z");
    static final Instant OPENS = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2027-12-31T15:59:59Z");
    static final Set<String> WRONG_SIDE_WATCHED = Set.of(ChartTemplate.RESTRICTED_DONATIONS, ChartTemplate.RESTRICTED_NET_ASSETS,
            ChartTemplate.DESIGNATED_NET_ASSETS, ChartTemplate.OTHER_PAYABLES, ChartTemplate.DUE_TO_OTHER_FUNDS,
            ChartTemplate.DUE_FROM_OTHER_FUNDS, ChartTemplate.CASH, ChartTemplate.BANK, ChartTemplate.INVENTORY);
    static final Set<String> RESTRICTED = Set.of(ChartTemplate.RESTRICTED_DONATIONS, ChartTemplate.RESTRICTED_NET_ASSETS);

    TestDatabases.TestDatabase handle;
    SettableClock clock;
    Ledger ledger;

    abstract TestDatabases.TestDatabase openDatabase();

    @BeforeProperty
    void openDatabaseOnce() {
        handle = openDatabase();
    }

    /** A ledger of its own for each try, so that each try's clock starts in July 2026 and may cross into 2027. */
    @BeforeTry
    void openLedger() {
        clock = new SettableClock(START);
        ledger = LedgerAssembly.open(handle.database().ports(), clock, LedgerWriter.Settings.DEFAULT);
    }

    @AfterTry
    void closeLedger() {
        ledger.close();
    }

    @AfterProperty
    void closeDatabase() {
        handle.close();
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Kind.GIFT)),
                Tuple.of(3, Arbitraries.just(Kind.GOODS_GIFT)), Tuple.of(2, Arbitraries.just(Kind.FREE_GIFT)),
                Tuple.of(4, Arbitraries.just(Kind.CLOSE_FUNDRAISING)), Tuple.of(8, Arbitraries.just(Kind.PAY_CASH)),
                Tuple.of(4, Arbitraries.just(Kind.ISSUE_GOODS)), Tuple.of(2, Arbitraries.just(Kind.FEE)),
                Tuple.of(6, Arbitraries.just(Kind.MANUAL)), Tuple.of(3, Arbitraries.just(Kind.REFUND)),
                Tuple.of(3, Arbitraries.just(Kind.REFUND_PART)), Tuple.of(3, Arbitraries.just(Kind.PAY_OWED)),
                Tuple.of(3, Arbitraries.just(Kind.COLLECT)), Tuple.of(1, Arbitraries.just(Kind.YEAR_END)),
                Tuple.of(1, Arbitraries.just(Kind.CLOSE_POOL)));
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(1L)),
                Tuple.of(6, Arbitraries.longs().between(1, 500_00)), Tuple.of(2, Arbitraries.longs().between(500_00, 3_000_00)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 999), amounts)
                .as(Action::new).list().ofMinSize(40).ofMaxSize(80);
    }

    /** While the projects raise money: gifts of every kind, refunds, fees and manual entries. */
    @Provide
    Arbitrary<List<Action>> raising() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Kind.GIFT)),
                Tuple.of(3, Arbitraries.just(Kind.GOODS_GIFT)), Tuple.of(2, Arbitraries.just(Kind.FREE_GIFT)),
                Tuple.of(1, Arbitraries.just(Kind.FEE)), Tuple.of(2, Arbitraries.just(Kind.MANUAL)),
                Tuple.of(1, Arbitraries.just(Kind.REFUND_PART)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 999),
                Arbitraries.longs().between(1, 2_000_00)).as(Action::new).list().ofMinSize(5).ofMaxSize(20);
    }

    @Property(tries = 25)
    @Label("restricted money stays with its project and on its side, refusals change nothing, and the pool reconciles, "
            + "whatever the order of gifts, payments, fees, manual entries, refunds and closes")
    void restrictedMoneyHolds(@ForAll("raising") List<Action> raising, @ForAll("actions") List<Action> actions) {
        Run run = new Run();
        run.play(raising);
        // Most projects stop raising and start spending here; the rest may close later, or never.
        for (int p = 0; p < 3; p++) {
            if (raising.size() % 4 != p) {
                run.step(new Action(Kind.CLOSE_FUNDRAISING, p, 0, 0));
            }
        }
        run.play(actions);
    }

    /** One try: its own funds, pool and projects, and what the model needs to remember of them. */
    final class Run {

        final LedgerFixture f = new LedgerFixture(ledger, "R" + Long.toHexString(System.nanoTime()).toUpperCase());
        final ProjectStore store = handle.database().projectStore();
        final MatchingReads matching = handle.database().matchingReads(ledger);
        final List<Gift> gifts = new ArrayList<>();
        final List<Fund> funds = new ArrayList<>();
        long lastTransactionId;

        Run() {
            funds.add(f.fund("SEED", FundLevel.SEED, null, false));
            f.deposit("SEED", 20_000_00);
            funds.add(f.fund("CITY"));
            funds.add(f.fund("COMM", FundLevel.COMMUNITY, "CITY", false));
            MatchRule rule = MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 1_000), new Tier(1_000_00, 2_000)), OPENS, CLOSES);
            ledger.execute(new CreatePool(LedgerFixture.key(), WANG, f.code("YG"), "配捐", f.code("SEED"), 2_000_00,
                    SettlementMode.AT_PROJECT_CLOSE, rule)).value();
            funds.add(ledger.fund(f.code("YG")).orElseThrow());
            project(0, f.code("YG"), 500);
            project(1, f.code("YG"), 0);
            project(2, null, 1_000);
        }

        void project(int p, String pool, int feeBasisPoints) {
            ProjectPlan plan = new ProjectPlan("项目 " + p, "便民维修", "居民需要", List.of("完成"), 200_000_00,
                    List.of(new BudgetLine(1, "材料", 100_000_00, null), new BudgetLine(2, "物资", 100_000_00, null)), "计划",
                    List.of(new TeamMember("负责人", "负责人")), OPENS, CLOSES, pool, feeBasisPoints);
            ledger.execute(new CreateProject(WANG, code(p), f.code("COMM"), plan, null)).value();
            ledger.execute(new TransitionProject(WANG, code(p), ProjectTransition.SUBMIT, null)).value();
            ledger.execute(new TransitionProject(LI, code(p), ProjectTransition.APPROVE, "同意")).value();
        }

        String code(int p) {
            return f.code("P" + p);
        }

        void play(List<Action> actions) {
            for (Action a : actions) {
                step(a);
            }
        }

        void step(Action a) {
            switch (a.kind()) {
                case GIFT -> gift(a.target(), a.amountFen(), Channel.BANK_TRANSFER);
                case GOODS_GIFT -> gift(a.target(), a.amountFen(), Channel.IN_KIND);
                case FREE_GIFT -> gift(-1, a.amountFen(), Channel.BANK_TRANSFER);
                case CLOSE_FUNDRAISING -> run(new TransitionProject(WANG, code(a.target()), ProjectTransition.CLOSE_FUNDRAISING, null));
                case PAY_CASH -> pay(a.target(), a.pick() % 2 == 0 ? all(a.target(), false) : a.amountFen(), DisbursementForm.CASH);
                case ISSUE_GOODS -> pay(a.target(), a.pick() % 2 == 0 ? all(a.target(), true) : a.amountFen(), DisbursementForm.GOODS);
                case FEE -> run(new ChargeManagementFee(LedgerFixture.key(), WANG, code(a.target())));
                case MANUAL -> manual(a.pick(), a.amountFen());
                case REFUND -> refund(a.pick(), null);
                case REFUND_PART -> refund(a.pick(), a.amountFen());
                case PAY_OWED -> {
                    // Mostly a gift whose refund left something owed, when there is one; else any gift.
                    List<Gift> owing = gifts.stream().filter(g -> g.refundOwedFen() > 0).toList();
                    List<Gift> from = owing.isEmpty() || a.pick() % 4 == 0 ? gifts : owing;
                    if (!from.isEmpty()) {
                        Gift g = from.get(a.pick() % from.size());
                        Outcome<Gift> paid = run(new PayRefundOwed(LedgerFixture.key(), WANG, g.id(),
                                a.pick() % 3 == 0 ? Long.valueOf(a.amountFen()) : null, null));
                        if (paid.accepted()) {
                            gifts.set(gifts.indexOf(g), paid.value());
                        }
                    }
                }
                case COLLECT -> {
                    // Mostly a project whose fund owes the pool, when there is one.
                    int p = a.target();
                    for (int q = 0; q < 3 && a.pick() % 4 != 0; q++) {
                        if (store.money(store.project(code(q)).orElseThrow()).owedToPoolFen() > 0) {
                            p = q;
                        }
                    }
                    run(new CollectFromFund(LedgerFixture.key(), WANG, f.code("YG"), code(p), null));
                }
                case YEAR_END -> {
                    if (FiscalYear.of(clock.instant()) == 2026) {
                        clock.set(NEXT_YEAR);
                        for (String fund : List.of("COMM", "CITY", "SEED", "YG")) {
                            run(new CloseYear(WANG, f.code(fund), 2026));
                        }
                    }
                }
                case CLOSE_POOL -> run(new ClosePool(LedgerFixture.key(), WANG, f.code("YG")));
            }
        }

        void gift(int p, long fen, Channel channel) {
            InKind goods = channel == Channel.IN_KIND ? new InKind("物资", "1 批", "市场价") : null;
            Outcome<Gift> outcome = run(new RecordGift(LedgerFixture.key(), WANG, f.code("COMM"), p < 0 ? null : code(p), fen, channel,
                    new Donor("捐赠人" + gifts.size(), DonorKind.PERSON, null, "ID" + f.prefix + gifts.size(), null, false, false),
                    goods, clock.instant().minusSeconds(60), null));
            if (outcome.accepted()) {
                gifts.add(outcome.value());
            }
        }

        /** All the cash or goods the project may still spend (at least a fen, so that an empty project is refused). */
        long all(int p, boolean goods) {
            ProjectMoney m = store.money(store.project(code(p)).orElseThrow());
            return Math.max(1, goods ? m.availableGoodsFen() : m.availableCashFen());
        }

        void pay(int p, long fen, DisbursementForm form) {
            Outcome<Disbursement> requested = run(new RequestDisbursement(WANG, code(p), form == DisbursementForm.GOODS ? "物资" : "材料",
                    fen, "某公司", "采购", null, null, form));
            if (!requested.accepted()) {
                return;
            }
            Outcome<Disbursement> approved = run(new DecideDisbursement(LI, requested.value().id(),
                    DecideDisbursement.Decision.APPROVE, false, null));
            if (approved.accepted()) {
                run(new PayDisbursement(WANG, requested.value().id(), LedgerFixture.key()));
            }
        }

        void manual(int pick, long fen) {
            switch (pick % 6) {
                case 0 -> run(entry("COMM", PostingLine.debit("5201", fen), PostingLine.credit("1002", fen)));
                case 1 -> run(entry("COMM", PostingLine.debit("3102", fen), PostingLine.credit("3101", fen)));
                case 2 -> run(entry("COMM", PostingLine.debit("1001", fen), PostingLine.credit("410102", fen)));
                case 3 -> run(entry("COMM", PostingLine.debit("5101", fen), PostingLine.credit("1201", fen)));
                case 4 -> run(entry("YG", PostingLine.debit("3101", fen), PostingLine.credit("1002", fen)));
                default -> run(entry("COMM", PostingLine.debit("1002", fen), PostingLine.credit("410101", fen)));
            }
        }

        org.mingzhang.journal.PostEntry entry(String fund, PostingLine... lines) {
            return new org.mingzhang.journal.PostEntry(LedgerFixture.key(), "王会计", TransactionKind.MANUAL, f.code(fund), "手工分录",
                    null, org.mingzhang.journal.References.NONE, List.of(lines));
        }

        void refund(int pick, Long fen) {
            if (gifts.isEmpty()) {
                return;
            }
            int i = pick % gifts.size();
            Outcome<Gift> outcome = run(new RefundGift(LedgerFixture.key(), WANG, gifts.get(i).id(), "退款", fen));
            if (outcome.accepted()) {
                gifts.set(i, outcome.value());
            }
        }

        /** Runs a command; checks that a refusal changed nothing, and the invariants either way. */
        <T> Outcome<T> run(LedgerCommand<T> command) {
            Map<String, Long> before = everything();
            Outcome<T> outcome = ledger.execute(command);
            // The report shows how often each command was accepted, so that a property that only ever tried refusals shows.
            net.jqwik.api.statistics.Statistics.collect(command.getClass().getSimpleName(),
                    outcome.accepted() ? "accepted" : ((Outcome.Rejected<T>) outcome).rejection().name());
            if (!outcome.accepted()) {
                assertThat(everything()).as("a refused %s changes nothing: %s", command.getClass().getSimpleName(), outcome)
                        .isEqualTo(before);
            }
            invariants(command.getClass().getSimpleName());
            return outcome;
        }

        /** Every account of every fund of the try, and every gift's refunded and owed amounts. */
        Map<String, Long> everything() {
            Map<String, Long> all = new TreeMap<>();
            for (Fund fund : funds) {
                for (Account a : ledger.reads().accounts(fund.id())) {
                    all.put(fund.code() + ":" + a.code(), a.balanceFen());
                    all.put(fund.code() + ":" + a.code() + ":held", a.availableFen());
                }
            }
            var store = handle.database().giftStore();
            for (Gift known : gifts) {
                Gift g = store.gift(known.id()).orElseThrow();
                all.put("gift " + g.id() + " refunded", g.refundedFen());
                all.put("gift " + g.id() + " owed", g.refundOwedFen());
            }
            return all;
        }

        void invariants(String after) {
            for (Fund fund : funds) {
                for (Account a : ledger.reads().accounts(fund.id())) {
                    if (WRONG_SIDE_WATCHED.contains(a.code())) {
                        assertThat(a.balanceFen()).as("%s of %s after %s", a.code(), fund.code(), after).isNotNegative();
                    }
                }
            }
            Fund comm = funds.get(2);
            Map<String, Long> balances = new HashMap<>();
            ledger.reads().accounts(comm.id()).forEach(a -> balances.put(a.code(), a.balanceFen()));
            long restricted = 0;
            long designated = 0;
            long cash = 0;
            long goods = 0;
            for (int p = 0; p < 3; p++) {
                ProjectMoney m = store.money(store.project(code(p)).orElseThrow());
                assertThat(m.cashHeldFen()).as("project %d's cash after %s", p, after).isNotNegative();
                assertThat(m.goodsHeldFen()).as("project %d's goods after %s", p, after).isNotNegative();
                assertThat(m.designatedFen()).as("project %d's designated money after %s", p, after).isNotNegative();
                restricted += m.restrictedFen();
                designated += m.designatedFen();
                cash += m.cashHeldFen();
                goods += m.goodsHeldFen();
            }
            assertThat(balances.get("1001") + balances.get("1002")).as("the fund's cash covers its projects' after %s", after)
                    .isGreaterThanOrEqualTo(cash);
            assertThat(balances.get("1201")).as("the fund's goods cover its projects' after %s", after).isGreaterThanOrEqualTo(goods);
            assertThat(balances.get("410102") + balances.get("3102")).as("restricted money is the projects' after %s", after)
                    .isEqualTo(restricted);
            assertThat(balances.get("310101")).as("designated money is the projects' after %s", after).isEqualTo(designated);
            // The read side's projections, committed with each step, equal the same figures folded from the journal.
            new ProjectionChecks(handle.database()).projectionsEqualTheJournal(after, List.of(code(0), code(1), code(2)));

            for (Transaction t : newTransactions()) {
                if (t.kind() == TransactionKind.MATCH || t.kind() == TransactionKind.POOL_FUNDING) {
                    for (Leg leg : t.legs()) {
                        assertThat(RESTRICTED).as("the federation's money moved by %s stays unrestricted", t)
                                .doesNotContain(accountCode(leg.creditAccountId()));
                    }
                }
                // What a transaction says of itself (booked, or a reservation that only holds money back) is what the
                // balances count: replaying the booked ones gives every balance.
                if (t.booked()) {
                    for (Leg leg : t.legs()) {
                        replayed.merge(leg.debitAccountId(), leg.amountFen(), Long::sum);
                        replayed.merge(leg.creditAccountId(), -leg.amountFen(), Long::sum);
                    }
                }
            }
            for (Fund fund : funds) {
                for (Account a : ledger.reads().accounts(fund.id())) {
                    long netDebit = replayed.getOrDefault(a.id(), 0L);
                    assertThat(a.balanceFen()).as("%s of %s replayed from its booked transactions after %s", a.code(), fund.code(),
                            after).isEqualTo(a.normalSide() == org.mingzhang.account.Side.DEBIT ? netDebit : -netDebit);
                }
            }

            PoolView pool = matching.pool(f.code("YG")).orElseThrow();
            assertThat(pool.reconciles()).as("budget %d = settled %d − returned %d + available %d + receivable %d + returned "
                    + "to the sponsor %d after %s", pool.pool().budgetFen(), pool.settledFen(), pool.returnedFen(),
                    pool.availableFen(), pool.receivableFen(), pool.returnedToSponsorFen(), after).isTrue();
        }

        /** Account id → debits less credits over the booked transactions seen so far. */
        final Map<Long, Long> replayed = new HashMap<>();

        /** The transactions of the try's funds since the last step, each once (a linked one touches two funds). */
        java.util.Collection<Transaction> newTransactions() {
            Map<Long, Transaction> found = new TreeMap<>();
            for (Fund fund : funds) {
                long after = lastTransactionId;
                List<Transaction> page;
                do {
                    page = ledger.reads().transactions(new TransactionQuery(fund.id(), null, null, after, TransactionQuery.LIMIT_MAX));
                    page.forEach(t -> found.put(t.id(), t));
                    after = page.isEmpty() ? after : page.get(page.size() - 1).id();
                } while (page.size() == TransactionQuery.LIMIT_MAX);
            }
            found.keySet().forEach(id -> lastTransactionId = Math.max(lastTransactionId, id));
            return found.values();
        }

        final Map<Long, String> codes = new HashMap<>();

        String accountCode(long accountId) {
            return codes.computeIfAbsent(accountId, id -> funds.stream().flatMap(fund -> ledger.reads().accounts(fund.id()).stream())
                    .filter(a -> a.id() == id).map(Account::code).findFirst().orElse("?"));
        }
    }
}
