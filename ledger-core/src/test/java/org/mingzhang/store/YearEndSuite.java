package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.closing.CloseYear;
import org.mingzhang.closing.YearClose;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.SettableClock;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.matching.CreatePool;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.Tier;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.DecideDisbursement;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.PayDisbursement;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.RequestDisbursement;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * A year of a community fund's books across its end, with the figures worked by hand, as 《民间非营利组织会计制度》 books
 * them (all amounts in yuan):
 *
 * <pre>
 * 2026  P raises 10,000 + 5,000 restricted (410102 15,000); the fund gets 2,000 unrestricted (410101 2,000);
 *       Q raises 500 restricted (410102 15,500).
 *       P's fundraising closes: the seed pool designates 20% = 3,000 for it (pool Dr 3101 / Cr 1002; fund Dr 1002 / Cr 310101).
 *       P pays 9,000: Dr 5101 / Cr 1002, and this year's restriction lifts inside income: Dr 410102 / Cr 410101 9,000.
 *       end of year, before the close: 410102 6,500 (P 6,000, Q 500), 410101 11,000 (P 9,000, fund 2,000), 5101 9,000,
 *       310101 3,000, 3102 0, 3101 0.
 * 2027  (5 January) P's payment of 1,000 and Q's refund are refused: 2026's restricted income is not closed yet.
 *       期末结转 2026, dated 2026-12-31 23:59:59.999999: for P Dr 410102 / Cr 3102 6,000, Dr 410101 / Cr 3101 9,000,
 *       Dr 3101 / Cr 5101 9,000; for Q Dr 410102 / Cr 3102 500; for the rest Dr 410101 / Cr 3101 2,000.
 *       after: 410102 0, 410101 0, 5101 0; 3102 6,500 (P 6,000, Q 500); 3101 2,000; 310101 3,000.
 *       P pays 1,000: earlier years' restricted net assets lift: Dr 3102 / Cr 3101 1,000 → 3102 5,500, 3101 3,000.
 *       Q's gift is refunded from the net assets it became: Dr 3102 / Cr 1002 500 → 3102 5,000.
 *       P pays 8,000: 3102 5,000 first, then the designated 3,000: Dr 3102 / Cr 3101 5,000, Dr 310101 / Cr 3101 3,000
 *       → 3102 0, 310101 0, 3101 11,000, 5101 9,000 (2027's), bank 15,500 + 2,000 + 3,000 − 9,000 − 500 − 9,000 = 2,000.
 * </pre>
 * After every step no restricted account (410102, 3102) stands on its debit side, every fund's trial balance balances
 * and the chain verifies.
 */
abstract class YearEndSuite extends LedgerOnDatabase {

    static final Actor WANG = new Actor(71, "王会计");
    static final Actor LI = new Actor(72, "李委员");
    static final Instant JUNE_2026 = Instant.parse("2026-06-01T02:00:00Z");
    static final Instant OCTOBER_2026 = Instant.parse("2026-10-01T02:00:00Z");
    static final Instant NOVEMBER_2026 = Instant.parse("2026-11-01T02:00:00Z");
    static final Instant JANUARY_2027 = Instant.parse("2027-01-05T02:00:00Z");
    static final Instant END_OF_2026 = Instant.parse("2026-12-31T15:59:59.999999Z");

    SettableClock clock;

    @BeforeEach
    @Override
    void open() {
        handle = openDatabase();
        database = handle.database();
        clock = new SettableClock(JUNE_2026);
        ledger = LedgerAssembly.open(database.ports(), clock, LedgerWriter.Settings.DEFAULT);
        f = new LedgerFixture(ledger);
    }

    @Test
    @DisplayName("when a year of restricted gifts, a match and payments ends, then 2026 closes into net assets, and 2027 "
            + "spends the carried restricted money first, the designated match last")
    void aYearAcrossItsEnd() {
        communityFundAndPool();
        project("P", 20_000_00, 10_000_00, f.code("YG"));
        project("Q", 1_000_00, 0, null);

        give("P", 10_000_00);
        give("P", 5_000_00);
        give(null, 2_000_00);
        Gift toQ = give("Q", 500_00);
        clock.set(OCTOBER_2026);
        step(new TransitionProject(WANG, f.code("P"), ProjectTransition.CLOSE_FUNDRAISING, null));
        assertThat(balance(ChartTemplate.DESIGNATED_NET_ASSETS)).as("the match, designated for P").isEqualTo(3_000_00);
        clock.set(NOVEMBER_2026);
        pay("P", "材料", 9_000_00);
        assertThat(balance(ChartTemplate.RESTRICTED_DONATIONS)).isEqualTo(6_500_00);
        assertThat(balance(ChartTemplate.UNRESTRICTED_DONATIONS)).isEqualTo(11_000_00);
        assertThat(balance(ChartTemplate.PROGRAMME_COSTS)).isEqualTo(9_000_00);
        assertThat(balance(ChartTemplate.RESTRICTED_NET_ASSETS)).as("this year's release stays inside income").isZero();
        assertThat(balance(ChartTemplate.UNRESTRICTED_NET_ASSETS)).isZero();

        clock.set(JANUARY_2027);
        Disbursement pending = approved("P", "人工", 1_000_00);
        long before = f.transactionCount();
        assertThat(rejection(step(new PayDisbursement(WANG, pending.id(), LedgerFixture.key()))))
                .isEqualTo(Rejection.YEAR_MUST_BE_CLOSED_FIRST);
        assertThat(rejection(step(new RefundGift(LedgerFixture.key(), WANG, toQ.id(), "捐赠人撤回"))))
                .isEqualTo(Rejection.YEAR_MUST_BE_CLOSED_FIRST);
        assertThat(f.transactionCount()).isEqualTo(before);
        assertThat(rejection(step(new CloseYear(WANG, f.code("COMM"), 2027)))).isEqualTo(Rejection.YEAR_MUST_HAVE_ENDED);

        YearClose closed = step(new CloseYear(WANG, f.code("COMM"), 2026)).value();
        assertThat(closed.closedThrough()).isEqualTo(END_OF_2026);
        assertThat(closed.transactionIds()).as("P, Q and the rest of the fund").hasSize(3);
        for (long id : closed.transactionIds()) {
            Transaction t = ledger.reads().transaction(id).orElseThrow();
            assertThat(t.kind()).isEqualTo(TransactionKind.YEAR_CLOSE);
            assertThat(t.occurredAt()).isEqualTo(END_OF_2026);
        }
        assertThat(balance(ChartTemplate.RESTRICTED_DONATIONS)).isZero();
        assertThat(balance(ChartTemplate.UNRESTRICTED_DONATIONS)).isZero();
        assertThat(balance(ChartTemplate.PROGRAMME_COSTS)).isZero();
        assertThat(balance(ChartTemplate.RESTRICTED_NET_ASSETS)).isEqualTo(6_500_00);
        assertThat(balance(ChartTemplate.UNRESTRICTED_NET_ASSETS)).isEqualTo(2_000_00);
        assertThat(balance(ChartTemplate.DESIGNATED_NET_ASSETS)).isEqualTo(3_000_00);
        assertThat(money("P").restrictedNetFen()).isEqualTo(6_000_00);
        assertThat(money("Q").restrictedNetFen()).isEqualTo(500_00);
        assertThat(rejection(step(new CloseYear(WANG, f.code("COMM"), 2026)))).isEqualTo(Rejection.YEAR_MUST_NOT_BE_CLOSED_TWICE);
        assertThat(rejection(give("P", 1_00, Instant.parse("2026-12-20T02:00:00Z")))).as("2026 is locked")
                .isIn(Rejection.PERIOD_MUST_BE_OPEN, Rejection.GIFT_MUST_BE_RECEIVED_IN_WINDOW, Rejection.PROJECT_MUST_BE_RAISING);
        assertThat(rejection(ledger.execute(new RecordGift(LedgerFixture.key(), WANG, f.code("COMM"), null, 1_00, Channel.CASH,
                new Donor("居民", DonorKind.PERSON, null, null, null, false, false), null, Instant.parse("2026-12-20T02:00:00Z"),
                null)))).isEqualTo(Rejection.PERIOD_MUST_BE_OPEN);

        step(new PayDisbursement(WANG, pending.id(), LedgerFixture.key())).value();
        assertThat(balance(ChartTemplate.RESTRICTED_NET_ASSETS)).as("earlier years' restriction lifts through net assets")
                .isEqualTo(5_500_00);
        assertThat(balance(ChartTemplate.UNRESTRICTED_NET_ASSETS)).isEqualTo(3_000_00);
        step(new RefundGift(LedgerFixture.key(), WANG, toQ.id(), "捐赠人撤回")).value();
        assertThat(balance(ChartTemplate.RESTRICTED_NET_ASSETS)).isEqualTo(5_000_00);
        pay("P", "材料", 8_000_00);
        assertThat(balance(ChartTemplate.RESTRICTED_NET_ASSETS)).isZero();
        assertThat(balance(ChartTemplate.DESIGNATED_NET_ASSETS)).isZero();
        assertThat(balance(ChartTemplate.UNRESTRICTED_NET_ASSETS)).isEqualTo(11_000_00);
        assertThat(balance(ChartTemplate.PROGRAMME_COSTS)).isEqualTo(9_000_00);
        assertThat(balance(ChartTemplate.BANK)).isEqualTo(2_000_00);
        assertThat(money("P").holdingsFen()).isZero();
        everyFundBalances();
    }

    /**
     * The worked year of the bookings review (issue 9), in yuan, each line the entry a charity accountant writes:
     *
     * <pre>
     * 2026 (June)  P: gifts 10,000 + 5,000 restricted             Dr 1002 15,000 / Cr 410102 15,000
     *              the fund: 2,000 unrestricted                   Dr 1002 2,000 / Cr 410101 2,000
     *              G: goods worth 1,200 (冬衣)                      Dr 1201 1,200 / Cr 410102 1,200
     *              S: 1,000 restricted                            Dr 1002 1,000 / Cr 410102 1,000
     *              P's plan allows a 5% fee: 5% × 15,000 = 750    Dr 5201 750 / Cr 1002 750; Dr 410102 750 / Cr 410101 750
     *      (Oct)   P closes; the pool designates 20% × 15,000     fund Dr 1002 3,000 / Cr 310101 3,000 (pool Dr 3101 / Cr 1002)
     *      (Nov)   P pays 9,000 of materials                      Dr 5101 9,000 / Cr 1002; Dr 410102 9,000 / Cr 410101
     *              G issues its goods                             Dr 5101 1,200 / Cr 1201; Dr 410102 1,200 / Cr 410101
     *              S pays 1,000                                   Dr 5101 1,000 / Cr 1002; Dr 410102 1,000 / Cr 410101
     *              S's donor asks 400 back, already spent         Dr 5201 400 / Cr 2209 400 (410102 and 3102 untouched)
     *              the fund pays the donor from its own 2,000     Dr 2209 400 / Cr 1002 400
     *      before the close: 1002 9,850 (P 5,250 + 3,000, the fund 1,600); 410102 5,250 (P); 410101 13,950;
     *                        5101 11,200; 5201 1,150; 310101 3,000; 2209, 1201, 3101, 3102 0.
     * 期末结转 2026: 410102 5,250 → 3102; 410101 13,950 − 5101 11,200 − 5201 1,150 = 1,600 → 3101.
     * 2027 (Jan)   P pays 6,000 of labour: its carried restricted money first, then the match
     *                                                             Dr 5101 6,000 / Cr 1002; Dr 3102 5,250 / Cr 3101;
     *                                                             Dr 310101 750 / Cr 3101
     *      after:  1002 3,850 = P's 2,250 + the fund's 1,600; 310101 2,250; 3101 7,600; 5101 6,000; all else 0.
     * The pool: budget 10,000 = settled 3,000 − returned 0 + available 7,000 + receivable 0 + to the sponsor 0.
     * </pre>
     */
    @Test
    @DisplayName("when the worked year of the bookings review runs (restricted gifts spent this year and next, goods, a fee, "
            + "a refund after spending and its payable settled, a match, the close) then every account holds what the "
            + "accountant expects")
    void theWorkedYear() {
        communityFundAndPool();
        project("P", List.of(new BudgetLine(1, "材料", 20_000_00, null), new BudgetLine(2, "人工", 10_000_00, null)),
                f.code("YG"), 500);
        project("G", List.of(new BudgetLine(1, "物资", 1_200_00, null)), null, 0);
        project("S", List.of(new BudgetLine(1, "材料", 1_000_00, null)), null, 0);

        give("P", 10_000_00);
        give("P", 5_000_00);
        give(null, 2_000_00);
        step(new RecordGift(LedgerFixture.key(), WANG, f.code("COMM"), f.code("G"), 1_200_00, Channel.IN_KIND,
                new Donor("某商场", DonorKind.ENTERPRISE, null, null, null, false, true),
                new org.mingzhang.gift.InKind("冬衣 40 件", "40 件", "发票价每件 30 元"), JUNE_2026, null)).value();
        Gift toS = give("S", 1_000_00);
        org.mingzhang.project.FeeCharge fee = step(new org.mingzhang.project.ChargeManagementFee(LedgerFixture.key(), WANG,
                f.code("P"))).value();
        assertThat(fee.amountFen()).isEqualTo(750_00);

        clock.set(OCTOBER_2026);
        for (String code : List.of("P", "G", "S")) {
            step(new TransitionProject(WANG, f.code(code), ProjectTransition.CLOSE_FUNDRAISING, null)).value();
        }
        clock.set(NOVEMBER_2026);
        pay("P", "材料", 9_000_00);
        Disbursement goods = step(new RequestDisbursement(WANG, f.code("G"), "物资", 1_200_00, "困难家庭", "发放冬衣", null, null,
                org.mingzhang.project.DisbursementForm.GOODS)).value();
        step(new DecideDisbursement(LI, goods.id(), DecideDisbursement.Decision.APPROVE, false, null)).value();
        step(new PayDisbursement(WANG, goods.id(), LedgerFixture.key())).value();
        pay("S", "材料", 1_000_00);
        Gift owed = step(new RefundGift(LedgerFixture.key(), WANG, toS.id(), "捐赠人要求退回部分", 400_00L)).value();
        assertThat(owed.refundOwedFen()).isEqualTo(400_00);
        assertThat(balance(ChartTemplate.OTHER_PAYABLES)).isEqualTo(400_00);
        Gift paid = step(new org.mingzhang.gift.PayRefundOwed(LedgerFixture.key(), WANG, toS.id(), null, "已转账")).value();
        assertThat(paid.refundOwedFen()).isZero();

        assertThat(balances()).isEqualTo(expected(java.util.Map.of("1002", 9_850_00L, "410102", 5_250_00L, "410101", 13_950_00L,
                "5101", 11_200_00L, "5201", 1_150_00L, "310101", 3_000_00L)));

        clock.set(JANUARY_2027);
        step(new CloseYear(WANG, f.code("COMM"), 2026)).value();
        assertThat(balances()).isEqualTo(expected(java.util.Map.of("1002", 9_850_00L, "3102", 5_250_00L, "3101", 1_600_00L,
                "310101", 3_000_00L)));

        pay("P", "人工", 6_000_00);
        assertThat(balances()).isEqualTo(expected(java.util.Map.of("1002", 3_850_00L, "310101", 2_250_00L, "3101", 7_600_00L,
                "5101", 6_000_00L)));
        assertThat(money("P").holdingsFen()).isEqualTo(2_250_00);
        assertThat(money("P").feesFen()).isEqualTo(750_00);
        assertThat(money("G").goodsIssuedFen()).isEqualTo(1_200_00);
        assertThat(money("S").refundedFromFundFen()).isEqualTo(400_00);
        org.mingzhang.matching.PoolView pool = database.matchingReads(ledger).pool(f.code("YG")).orElseThrow();
        assertThat(pool.settledFen()).isEqualTo(3_000_00);
        assertThat(pool.availableFen()).isEqualTo(7_000_00);
        assertThat(pool.reconciles()).isTrue();
    }

    /** Every account of the fund's chart at zero but those named. */
    java.util.Map<String, Long> expected(java.util.Map<String, Long> nonZero) {
        java.util.Map<String, Long> all = new java.util.TreeMap<>();
        balances().keySet().forEach(code -> all.put(code, nonZero.getOrDefault(code, 0L)));
        return all;
    }

    java.util.Map<String, Long> balances() {
        java.util.Map<String, Long> all = new java.util.TreeMap<>();
        Fund comm = ledger.fund(f.code("COMM")).orElseThrow();
        ledger.reads().accounts(comm.id()).forEach(a -> all.put(a.code(), a.balanceFen()));
        return all;
    }

    @Test
    @DisplayName("when a year is skipped or has not ended then it does not close, and nothing is written")
    void yearsCloseInOrder() {
        f.fund("CITY");
        give(null, 100_00, Instant.parse("2025-03-01T02:00:00Z"));
        clock.set(JANUARY_2027);
        long before = f.transactionCount();
        assertThat(rejection(step(new CloseYear(WANG, f.code("CITY"), 2026)))).isEqualTo(Rejection.YEAR_MUST_CLOSE_IN_ORDER);
        assertThat(rejection(step(new org.mingzhang.journal.ClosePeriod(f.code("CITY"), Instant.parse("2026-03-31T15:59:59Z")))))
                .as("a period close may not lock 2025 without its closing entries").isEqualTo(Rejection.YEAR_MUST_BE_CLOSED_FIRST);
        assertThat(f.transactionCount()).isEqualTo(before);
        assertThat(ledger.fund(f.code("CITY")).orElseThrow().closedThrough()).isNull();
        YearClose y2025 = step(new CloseYear(WANG, f.code("CITY"), 2025)).value();
        assertThat(y2025.transactionIds()).hasSize(1);
        YearClose y2026 = step(new CloseYear(WANG, f.code("CITY"), 2026)).value();
        assertThat(y2026.transactionIds()).as("nothing to close in 2026").isEmpty();
        assertThat(f.balance("CITY", ChartTemplate.UNRESTRICTED_NET_ASSETS)).isEqualTo(100_00);
        Fund city = ledger.fund(f.code("CITY")).orElseThrow();
        assertThat(city.closedThrough()).isEqualTo(END_OF_2026);
        everyFundBalances();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A seed fund with 100,000.00 and its pool YG of 10,000.00 (20% flat, for gifts of May to September 2026); COMM under CITY. */
    void communityFundAndPool() {
        f.fund("SEED", FundLevel.SEED, null, false);
        f.deposit("SEED", 100_000_00);
        f.fund("CITY");
        f.fund("COMM", FundLevel.COMMUNITY, "CITY", false);
        MatchRule rule = MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 2_000)), Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-09-30T15:59:59Z"));
        ledger.execute(new CreatePool(LedgerFixture.key(), WANG, f.code("YG"), "配捐", f.code("SEED"), 10_000_00,
                SettlementMode.AT_PROJECT_CLOSE, rule)).value();
    }

    void project(String code, long materialsFen, long labourFen, String pool) {
        List<BudgetLine> lines = labourFen == 0 ? List.of(new BudgetLine(1, "材料", materialsFen, null))
                : List.of(new BudgetLine(1, "材料", materialsFen, null), new BudgetLine(2, "人工", labourFen, null));
        project(code, lines, pool, 0);
    }

    void project(String code, List<BudgetLine> lines, String pool, int feeBasisPoints) {
        long target = lines.stream().mapToLong(BudgetLine::amountFen).sum();
        ProjectPlan plan = new ProjectPlan("项目 " + code, "便民维修", "居民需要", List.of("完成"), target, lines,
                "计划", List.of(new TeamMember("负责人", "负责人")), Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-09-30T15:59:59Z"), pool, feeBasisPoints);
        step(new CreateProject(WANG, f.code(code), f.code("COMM"), plan, null)).value();
        step(new TransitionProject(WANG, f.code(code), ProjectTransition.SUBMIT, null)).value();
        step(new TransitionProject(LI, f.code(code), ProjectTransition.APPROVE, "同意")).value();
    }

    Gift give(String project, long fen) {
        return give(project, fen, JUNE_2026).value();
    }

    Outcome<Gift> give(String project, long fen, Instant at) {
        String fund = project == null && ledger.fund(f.code("COMM")).isEmpty() ? "CITY" : "COMM";
        return step(new RecordGift(LedgerFixture.key(), WANG, f.code(fund), project == null ? null : f.code(project), fen,
                Channel.BANK_TRANSFER, new Donor("捐赠人", DonorKind.PERSON, null, null, null, false, false), null, at, null));
    }

    Disbursement approved(String project, String item, long fen) {
        Disbursement d = step(new RequestDisbursement(WANG, f.code(project), item, fen, "某公司", "采购", null, null)).value();
        return step(new org.mingzhang.project.DecideDisbursement(LI, d.id(), DecideDisbursement.Decision.APPROVE, false, null))
                .value();
    }

    void pay(String project, String item, long fen) {
        step(new PayDisbursement(WANG, approved(project, item, fen).id(), LedgerFixture.key())).value();
    }

    long balance(String account) {
        return f.balance("COMM", account);
    }

    org.mingzhang.project.ProjectMoney money(String code) {
        var store = database.projectStore();
        return store.money(store.project(f.code(code)).orElseThrow());
    }

    static Rejection rejection(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).rejection();
    }

    /** Runs a command, then checks that no restricted account stands on its debit side and that the books balance. */
    <T> Outcome<T> step(org.mingzhang.journal.LedgerCommand<T> command) {
        Outcome<T> outcome = ledger.execute(command);
        for (Fund fund : ledger.reads().funds()) {
            for (String restricted : List.of(ChartTemplate.RESTRICTED_DONATIONS, ChartTemplate.RESTRICTED_NET_ASSETS)) {
                assertThat(ledger.account(fund, restricted).orElseThrow().balanceFen()).as("%s of %s after %s", restricted,
                        fund.code(), command.getClass().getSimpleName()).isNotNegative();
            }
        }
        everyFundBalances();
        return outcome;
    }
}
