package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.assembly.LedgerAssembly;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.PayRefundOwed;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.Rejection;
import org.mingzhang.matching.ClosePool;
import org.mingzhang.matching.CreatePool;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.MatchingPool;
import org.mingzhang.matching.Settlement;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.Tier;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.RequestDisbursement;
import org.mingzhang.project.PayDisbursement;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DecideDisbursement;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * The worked example of seed-fund matching (配捐), with every figure checked by hand below, on a real
 * database. A seed fund with 100,000.00 opens a pool of 8,000.00: tiers 0 → 10%, 10,000 → 20%,
 * 30,000 → 30%; at most 2,000.00 of each gift counts; a project gets at most 5,000.00.
 *
 * <pre>
 * Project A (community fund A): 10 gifts × 2,500.00 = 25,000.00 received; each counts 2,000.00
 *   base 20,000.00 (the donation cap removes 5,000.00)
 * Project B (community fund B): 18 gifts × 2,000.00 = 36,000.00; base 36,000.00
 *
 * FLAT, settled as each project closes (A first):
 *   A: 20,000 reaches the 20% tier → 4,000.00; under the 5,000 cap; pool has 8,000 → paid 4,000.00
 *   B: 36,000 reaches 30% → 10,800.00; cap → 5,000.00 (−5,800); pool has 4,000 → paid 4,000.00 (−1,000): pool empty
 *   A refunds one gift after settlement: base 18,000 → 20% → 3,600.00; 400.00 goes back to the pool
 * MARGINAL, same order:
 *   A: 10,000×10% + 10,000×20% = 1,000 + 2,000 = 3,000.00
 *   B: 10,000×10% + 20,000×20% + 6,000×30% = 1,000 + 4,000 + 1,800 = 6,800.00; cap 5,000; pool has 5,000 → 5,000.00
 *   A refunds one gift: 1,000 + 8,000×20% = 2,600.00; 400.00 back to the pool
 * FLAT, PRO_RATA_AT_POOL_CLOSE: capped A 4,000 + B 5,000 = 9,000 > 8,000, so each is scaled by 8,000/9,000:
 *   A: 400,000 fen × 8/9 = 355,555.5… → 3,555.55; B: 500,000 × 8/9 = 444,444.4… → 4,444.44;
 *   together 7,999.99; the 0.01 left returns to the seed fund when the pool closes.
 *   A refunds one gift: capped 3,600 → 360,000 × 355,555 / 400,000 = 319,999.5… → 3,199.99; 355.56 back.
 * </pre>
 */
abstract class MatchingSuite extends LedgerOnDatabase {

    static final Actor ACCOUNTANT = new Actor(31, "王会计");
    static final Actor COMMITTEE = new Actor(32, "李委员");
    static final Instant OPENS = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-06-30T15:59:59Z");
    static final Instant GIFT_DAY = Instant.parse("2026-05-02T02:00:00Z");
    static final List<Tier> TIERS = List.of(new Tier(0, 1_000), new Tier(10_000_00, 2_000), new Tier(30_000_00, 3_000));

    final List<Gift> giftsToA = new ArrayList<>();

    MatchRule rule(MatchMode mode) {
        return MatchRule.of(mode, TIERS, OPENS, CLOSES).withPerDonationCapFen(2_000_00L).withPerProjectCapFen(5_000_00L);
    }

    MatchingPool setUp(MatchMode mode, SettlementMode settlement) {
        f.fund("SEED", FundLevel.SEED, null, false);
        f.deposit("SEED", 100_000_00);
        f.fund("CITY");
        f.fund("STREET", FundLevel.STREET, "CITY", false);
        f.fund("A", FundLevel.COMMUNITY, "STREET", false);
        f.fund("B", FundLevel.COMMUNITY, "STREET", false);
        MatchingPool pool = ledger.execute(new CreatePool(LedgerFixture.key(), ACCOUNTANT, f.code("YG"), "配捐", f.code("SEED"),
                8_000_00, settlement, rule(mode))).value();
        project("PA", "A");
        project("PB", "B");
        for (int i = 0; i < 10; i++) {
            giftsToA.add(give("A", "PA", 2_500_00, "A" + i));
        }
        for (int i = 0; i < 18; i++) {
            give("B", "PB", 2_000_00, "B" + i);
        }
        return pool;
    }

    void project(String code, String fund) {
        ProjectPlan plan = new ProjectPlan("项目 " + code, "便民维修", "居民需要", List.of("完成"), 50_000_00,
                List.of(new BudgetLine(1, "材料", 50_000_00, null)), "计划", List.of(new TeamMember("负责人 " + code, "负责人")),
                OPENS, CLOSES, f.code("YG"));
        ledger.execute(new CreateProject(ACCOUNTANT, f.code(code), f.code(fund), plan)).value();
        ledger.execute(new TransitionProject(ACCOUNTANT, f.code(code), ProjectTransition.SUBMIT, null)).value();
        ledger.execute(new TransitionProject(COMMITTEE, f.code(code), ProjectTransition.APPROVE, null)).value();
    }

    Gift give(String fund, String project, long fen, String donor) {
        return ledger.execute(new RecordGift(LedgerFixture.key(), ACCOUNTANT, f.code(fund), f.code(project), fen, Channel.BANK_TRANSFER,
                new Donor("捐赠人 " + donor, DonorKind.PERSON, null, "ID-" + f.prefix + donor, null, false, false), null,
                GIFT_DAY, null)).value();
    }

    void closeFundraising(String project) {
        ledger.execute(new TransitionProject(ACCOUNTANT, f.code(project), ProjectTransition.CLOSE_FUNDRAISING, null)).value();
    }

    Settlement settlement(String project) {
        Project p = database.projectStore().project(f.code(project)).orElseThrow();
        return database.matchingStore().settlementOfProject(p.id()).orElseThrow();
    }

    long poolAvailable() {
        return f.account("YG", "1002").availableFen();
    }

    void refundFirstGiftOfA() {
        ledger.execute(new RefundGift(LedgerFixture.key(), ACCOUNTANT, giftsToA.get(0).id(), "捐赠人撤回")).value();
    }


    @Test
    @DisplayName("when a donor gives to a matched project and to one without a pool then the donor's row holds the giving "
            + "projection's gifts and standing sum and the match base's counted sum, each as the gifts made them, across a restart "
            + "and when a project's base is counted afresh")
    void donorRows() throws SQLException {
        setUp(MatchMode.FLAT, SettlementMode.AT_PROJECT_CLOSE);
        ProjectPlan noPool = new ProjectPlan("项目 PN", "便民维修", "居民需要", List.of("完成"), 50_000_00,
                List.of(new BudgetLine(1, "材料", 50_000_00, null)), "计划", List.of(new TeamMember("负责人 PN", "负责人")),
                OPENS, CLOSES, null);
        ledger.execute(new CreateProject(ACCOUNTANT, f.code("PN"), f.code("A"), noPool)).value();
        ledger.execute(new TransitionProject(ACCOUNTANT, f.code("PN"), ProjectTransition.SUBMIT, null)).value();
        ledger.execute(new TransitionProject(COMMITTEE, f.code("PN"), ProjectTransition.APPROVE, null)).value();
        String a0 = giftsToA.get(0).donor().key();
        String a1 = giftsToA.get(1).donor().key();
        // A0 gives again (each gift counts at most 2,000.00), A1's gift is refunded, and A0 gives to PN, which no pool
        // matches: a row only the giving projection writes.
        give("A", "PA", 500_00, "A0");
        ledger.execute(new RefundGift(LedgerFixture.key(), ACCOUNTANT, giftsToA.get(1).id(), "捐赠人撤回")).value();
        give("A", "PN", 300_00, "A0");

        assertThat(donorRow("PA", a0)).as("gifts, standing, counted").containsExactly(2L, 3_000_00L, 2_500_00L);
        assertThat(donorRow("PA", a1)).containsExactly(0L, 0L, 0L);
        assertThat(donorRow("PA", giftsToA.get(2).donor().key())).containsExactly(1L, 2_500_00L, 2_000_00L);
        assertThat(donorRow("PN", a0)).containsExactly(1L, 300_00L, 0L);

        // After a restart the projections read the rows back and go on from them.
        ledger.close();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
        f = new LedgerFixture(ledger, f.prefix);
        give("A", "PA", 2_500_00, "A0");
        give("A", "PA", 1_000_00, "A1");
        assertThat(donorRow("PA", a0)).containsExactly(3L, 5_500_00L, 4_500_00L);
        assertThat(donorRow("PA", a1)).containsExactly(1L, 1_000_00L, 1_000_00L);
        assertThat(donorRow("PN", a0)).containsExactly(1L, 300_00L, 0L);

        // PA's base is gone from storage (as in books from before the match base was kept): the next gift counts it
        // afresh from PA's gifts, so the other donors' counted sums are written in a batch that leaves their gifts and
        // standing sums alone (rows only the match base writes).
        long pa = database.projectStore().project(f.code("PA")).orElseThrow().id();
        ledger.close();
        sql("DELETE FROM project_match WHERE project_id = " + pa);
        sql("UPDATE project_donor SET counted_fen = 0 WHERE project_id = " + pa);
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
        f = new LedgerFixture(ledger, f.prefix);
        give("A", "PA", 100_00, "A0");
        assertThat(donorRow("PA", a0)).containsExactly(4L, 5_600_00L, 4_600_00L);
        assertThat(donorRow("PA", a1)).containsExactly(1L, 1_000_00L, 1_000_00L);
        assertThat(donorRow("PA", giftsToA.get(2).donor().key())).containsExactly(1L, 2_500_00L, 2_000_00L);
        everyFundBalances();
    }

    /** A donor's row of a project, read with plain SQL: gifts, standing sum, counted sum. */
    private List<Long> donorRow(String project, String donorKey) throws SQLException {
        long projectId = database.projectStore().project(f.code(project)).orElseThrow().id();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT gifts, standing_fen, counted_fen FROM project_donor WHERE project_id = ? AND donor_key = ?")) {
            s.setLong(1, projectId);
            s.setString(2, donorKey);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("a row of %s in %s", donorKey, project).isTrue();
                return List.of(r.getLong(1), r.getLong(2), r.getLong(3));
            }
        }
    }

    @Test
    @DisplayName("when a flat pool settles project by project then the second project gets what is left, and a refund returns 400.00")
    void flatAtProjectClose() {
        setUp(MatchMode.FLAT, SettlementMode.AT_PROJECT_CLOSE);
        assertThat(f.balance("SEED", "1002")).isEqualTo(92_000_00);
        assertThat(poolAvailable()).isEqualTo(8_000_00);
        var reads = database.matchingReads(ledger);
        assertThat(reads.project(f.code("PA")).orElseThrow().explanation().finalFen()).as("provisional match of A").isEqualTo(4_000_00);
        assertThat(reads.pool(f.code("YG")).orElseThrow().reservedFen()).as("A's 4,000 + B's capped 5,000").isEqualTo(9_000_00);

        closeFundraising("PA");
        Settlement a = settlement("PA");
        assertThat(a.receivedFen()).isEqualTo(25_000_00);
        assertThat(a.removedByDonationCapFen()).isEqualTo(5_000_00);
        assertThat(a.baseFen()).isEqualTo(20_000_00);
        assertThat(a.computedFen()).isEqualTo(4_000_00);
        assertThat(a.finalFen()).isEqualTo(4_000_00);
        assertThat(poolAvailable()).isEqualTo(4_000_00);
        assertThat(f.balance("A", "310101")).as("matched money is the federation's unrestricted money designated for the "
                + "project (310101), neither restricted nor donation income").isEqualTo(4_000_00);
        assertThat(f.balance("A", "3102")).isZero();
        assertThat(f.balance("A", "410102")).isEqualTo(25_000_00);

        closeFundraising("PB");
        Settlement b = settlement("PB");
        assertThat(b.computedFen()).isEqualTo(10_800_00);
        assertThat(b.removedByProjectCapFen()).isEqualTo(5_800_00);
        assertThat(b.removedByBudgetFen()).isEqualTo(1_000_00);
        assertThat(b.finalFen()).isEqualTo(4_000_00);
        assertThat(poolAvailable()).isZero();
        var pool = database.matchingReads(ledger).pool(f.code("YG")).orElseThrow();
        assertThat(pool.settledFen()).isEqualTo(8_000_00);
        assertThat(pool.reservedFen()).isZero();
        assertThat(pool.availableFen()).isZero();
        everyFundBalances();

        refundFirstGiftOfA();
        assertThat(settlement("PA").returnedFen()).isEqualTo(400_00);
        assertThat(settlement("PA").netFen()).isEqualTo(3_600_00);
        assertThat(poolAvailable()).isEqualTo(400_00);
        assertThat(f.balance("A", "310101")).as("designated money the project keeps").isEqualTo(3_600_00);
        assertThat(settlement("PB").netFen()).as("a return never tops up a project settled earlier").isEqualTo(4_000_00);
        everyFundBalances();

        ClosePool close = new ClosePool(LedgerFixture.key(), ACCOUNTANT, f.code("YG"));
        MatchingPool closed = ledger.execute(close).value();
        assertThat(closed.open()).isFalse();
        assertThat(ledger.execute(close)).as("a replayed close").isEqualTo(new Outcome.Accepted<>(closed, true));
        Outcome<MatchingPool> again = ledger.execute(new ClosePool(LedgerFixture.key(), ACCOUNTANT, f.code("YG")));
        assertThat(((Outcome.Rejected<MatchingPool>) again).rejection()).isEqualTo(Rejection.POOL_MUST_BE_OPEN);
        assertThat(poolAvailable()).isZero();
        assertThat(f.balance("SEED", "1002")).isEqualTo(92_400_00);
        everyFundBalances();
    }

    @Test
    @DisplayName("when a marginal pool settles then each band has its rate, the budget runs out exactly, and a refund returns 400.00")
    void marginalAtProjectClose() {
        setUp(MatchMode.MARGINAL, SettlementMode.AT_PROJECT_CLOSE);
        closeFundraising("PA");
        assertThat(settlement("PA").finalFen()).isEqualTo(3_000_00);
        closeFundraising("PB");
        assertThat(settlement("PB").computedFen()).isEqualTo(6_800_00);
        assertThat(settlement("PB").finalFen()).isEqualTo(5_000_00);
        assertThat(poolAvailable()).isZero();
        refundFirstGiftOfA();
        assertThat(settlement("PA").netFen()).isEqualTo(2_600_00);
        assertThat(poolAvailable()).isEqualTo(400_00);
        everyFundBalances();
    }

    @Test
    @DisplayName("when a pro-rata pool closes then matches are scaled to the budget, the 0.01 left goes home, and a refund returns 355.56")
    void proRataAtPoolClose() {
        setUp(MatchMode.FLAT, SettlementMode.PRO_RATA_AT_POOL_CLOSE);
        closeFundraising("PA");
        assertThat(database.matchingStore().settlementOfProject(
                database.projectStore().project(f.code("PA")).orElseThrow().id())).as("nothing settles before the pool closes").isEmpty();
        Outcome<MatchingPool> early = ledger.execute(new ClosePool(LedgerFixture.key(), ACCOUNTANT, f.code("YG")));
        assertThat(((Outcome.Rejected<MatchingPool>) early).rejection()).isEqualTo(Rejection.POOL_PROJECTS_MUST_HAVE_CLOSED_FUNDRAISING);
        closeFundraising("PB");
        ledger.execute(new ClosePool(LedgerFixture.key(), ACCOUNTANT, f.code("YG"))).value();

        assertThat(settlement("PA").finalFen()).isEqualTo(3_555_55);
        assertThat(settlement("PB").finalFen()).isEqualTo(4_444_44);
        assertThat(f.balance("SEED", "1002")).isEqualTo(92_000_01);
        assertThat(poolAvailable()).isZero();
        refundFirstGiftOfA();
        assertThat(settlement("PA").netFen()).isEqualTo(3_199_99);
        assertThat(settlement("PA").returnedFen()).isEqualTo(355_56);
        everyFundBalances();
    }

    @Test
    @DisplayName("when a project has spent its gifts then a refund is owed to the donor from the fund (Dr 5201 / Cr 2209), "
            + "the match falls and what the project still holds of it goes back to the pool; the fund pays the donor once "
            + "it has its own cash")
    void refundAfterSpending() {
        setUp(MatchMode.FLAT, SettlementMode.AT_PROJECT_CLOSE);
        closeFundraising("PA");
        // Project A holds 25,000 of gifts (restricted) + 4,000 of match (designated) = 29,000 and pays 26,400: all of the
        // gifts' restricted money (Dr 410102 / Cr 410101 25,000) and 1,400 of the match (Dr 310101 / Cr 3101).
        Disbursement d = ledger.execute(new RequestDisbursement(ACCOUNTANT, f.code("PA"), "材料", 26_400_00, "某公司", "材料款",
                null, null)).value();
        ledger.execute(new DecideDisbursement(COMMITTEE, d.id(), DecideDisbursement.Decision.APPROVE, false, null)).value();
        ledger.execute(new PayDisbursement(ACCOUNTANT, d.id(), LedgerFixture.key())).value();
        assertThat(f.balance("A", "410102")).isZero();
        assertThat(f.balance("A", "410101")).isEqualTo(25_000_00);
        assertThat(f.balance("A", "310101")).isEqualTo(2_600_00);
        assertThat(f.balance("A", "3101")).isEqualTo(1_400_00);

        // The 2,500.00 gift was spent: the fund owes it to the donor (Dr 5201 / Cr 2209), and no restricted account moves.
        // The match falls to 20% of 18,000 = 3,600.00: 400.00 back to the pool from the 2,600.00 of match A still holds.
        Gift refunded = ledger.execute(new RefundGift(LedgerFixture.key(), ACCOUNTANT, giftsToA.get(0).id(), "捐赠人撤回")).value();
        assertThat(refunded.refundOwedFen()).isEqualTo(2_500_00);
        assertThat(f.balance("A", "5201")).isEqualTo(2_500_00);
        assertThat(f.balance("A", "2209")).isEqualTo(2_500_00);
        assertThat(f.balance("A", "410102")).isZero();
        assertThat(f.balance("A", "310101")).isEqualTo(2_200_00);
        assertThat(f.balance("A", "1002")).isEqualTo(2_200_00);
        assertThat(settlement("PA").netFen()).isEqualTo(3_600_00);
        assertThat(poolAvailable()).isEqualTo(4_400_00);

        // The fund's cash is all project A's: the donor is paid only once the fund has money of its own.
        long before = f.transactionCount();
        Outcome<Gift> tooSoon = ledger.execute(new PayRefundOwed(LedgerFixture.key(), ACCOUNTANT, refunded.id(), null, null));
        assertThat(((Outcome.Rejected<Gift>) tooSoon).rejection()).isEqualTo(Rejection.FUND_MONEY_MUST_COVER_PROJECTS);
        assertThat(f.transactionCount()).isEqualTo(before);
        f.deposit("A", 3_000_00);
        Gift paid = ledger.execute(new PayRefundOwed(LedgerFixture.key(), ACCOUNTANT, refunded.id(), null, "已转账")).value();
        assertThat(paid.refundOwedFen()).isZero();
        assertThat(f.balance("A", "2209")).isZero();
        assertThat(f.balance("A", "1002")).isEqualTo(2_700_00);
        Outcome<Gift> twice = ledger.execute(new PayRefundOwed(LedgerFixture.key(), ACCOUNTANT, refunded.id(), 1L, null));
        assertThat(((Outcome.Rejected<Gift>) twice).rejection()).isEqualTo(Rejection.REFUND_OWED_MUST_COVER_PAYMENT);
        everyFundBalances();
    }

    @Test
    @DisplayName("when a settled gift is refunded in three parts then the match falls with what still counts of it, each part "
            + "returning its own share to the pool")
    void refundInParts() {
        setUp(MatchMode.FLAT, SettlementMode.AT_PROJECT_CLOSE);
        closeFundraising("PA");
        long gift = giftsToA.get(0).id();
        // 2,500.00 of which 2,000.00 counts: refunding 500.00 leaves the base at 20,000.00 and the match at 4,000.00.
        ledger.execute(new RefundGift(LedgerFixture.key(), ACCOUNTANT, gift, "部分退回", 500_00L)).value();
        assertThat(settlement("PA").netFen()).isEqualTo(4_000_00);
        // 1,000.00 more leaves 1,000.00 counting: base 19,000.00 → 3,800.00, 200.00 back to the pool.
        ledger.execute(new RefundGift(LedgerFixture.key(), ACCOUNTANT, gift, "再退一部分", 1_000_00L)).value();
        assertThat(settlement("PA").netFen()).isEqualTo(3_800_00);
        assertThat(poolAvailable()).isEqualTo(4_200_00);
        // The rest: base 18,000.00 → 3,600.00, another 200.00 back.
        Gift whole = ledger.execute(new RefundGift(LedgerFixture.key(), ACCOUNTANT, gift, "全部退回")).value();
        assertThat(whole.status()).isEqualTo(org.mingzhang.gift.GiftStatus.REFUNDED);
        assertThat(settlement("PA").netFen()).isEqualTo(3_600_00);
        assertThat(poolAvailable()).isEqualTo(4_400_00);
        assertThat(f.balance("A", "410102")).isEqualTo(22_500_00);
        everyFundBalances();
    }

    @Test
    @DisplayName("when the sponsor cannot cover the budget or the pool code is taken then the pool is refused and nothing moves")
    void poolRefusals() {
        f.fund("SEED", FundLevel.SEED, null, false);
        f.deposit("SEED", 1_000_00);
        long before = f.transactionCount();
        Outcome<MatchingPool> tooBig = ledger.execute(new CreatePool(LedgerFixture.key(), ACCOUNTANT, f.code("YG"), "配捐",
                f.code("SEED"), 1_000_01, SettlementMode.AT_PROJECT_CLOSE, rule(MatchMode.FLAT)));
        assertThat(((Outcome.Rejected<MatchingPool>) tooBig).rejection()).isEqualTo(Rejection.POOL_BUDGET_MUST_BE_COVERED);
        Outcome<MatchingPool> taken = ledger.execute(new CreatePool(LedgerFixture.key(), ACCOUNTANT, f.code("SEED"), "配捐",
                f.code("SEED"), 1_00, SettlementMode.AT_PROJECT_CLOSE, rule(MatchMode.FLAT)));
        assertThat(((Outcome.Rejected<MatchingPool>) taken).rejection()).isEqualTo(Rejection.POOL_CODE_MUST_BE_UNIQUE);
        assertThat(f.transactionCount()).isEqualTo(before);
        assertThat(ledger.fund(f.code("YG"))).isEmpty();
        assertThat(f.balance("SEED", "1002")).isEqualTo(1_000_00);
    }
}
