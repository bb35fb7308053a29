package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.attribution.GiftFlow;
import org.mingzhang.attribution.OutflowKind;
import org.mingzhang.attribution.ProjectFlow;
import org.mingzhang.attribution.Use;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.journal.LedgerFixture;
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
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.RequestDisbursement;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * Attribution to the fen on a real database, with the figures worked by hand (docs/reference/attribution.md):
 *
 * <pre>
 * API.md's shape: gifts 4,000.00 (张) + 16,000.00 (李) = 20,000.00 raised; a 20% flat match of 4,000.00 at the close of
 * fundraising: 张's share 4,000.00 × 4,000 / 20,000 = 800.00, so 张 put 4,800.00 of the 24,000.00 in.
 * A payment of 12,000.00 uses 12,000 × 4,800 / 24,000 = 2,400.00 of it: 2,000.00 from the gift, 400.00 from the match.
 *
 * The tie-break: three gifts of 1.00; a payment of 1.00 is 33.33… each, floors 0.33 × 3 = 0.99, and the fen left over goes
 * to the lowest gift id (equal remainders): 0.34 / 0.33 / 0.33. A payment of 0.02 next, over remaining 66 / 67 / 67 fen:
 * floors 0, remainders 132 / 134 / 134 (× 1/200): the two fen go to the larger remainders, 0 / 1 / 1, whatever the ids.
 * A gift of 1.00 matched at 100%: its own 1.00 and its match 1.00 tie on a payment of 0.01, which its own money bears.
 * </pre>
 */
abstract class AttributionSuite extends LedgerOnDatabase {

    static final Actor WANG = new Actor(51, "王会计");
    static final Actor LI = new Actor(52, "李委员");
    static final Instant OPENS = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-31T15:59:59Z");
    static final Instant GIFT_DAY = Instant.parse("2026-05-02T02:00:00Z");
    static final String LAMPS = "感应灯具";

    void funds(int matchBasisPoints) {
        f.fund("SEED", FundLevel.SEED, null, false);
        f.deposit("SEED", 10_000_00);
        f.fund("CITY");
        f.fund("COMM", FundLevel.COMMUNITY, "CITY", false);
        ledger.execute(new CreatePool(LedgerFixture.key(), WANG, f.code("YG"), "配捐", f.code("SEED"), 5_000_00,
                SettlementMode.AT_PROJECT_CLOSE, MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, matchBasisPoints)), OPENS, CLOSES)))
                .value();
    }

    Project raising(String code, boolean matched) {
        ProjectPlan plan = new ProjectPlan("楼道照明改造", "便民维修", "楼道无灯", List.of("更换感应灯"), 30_000_00,
                List.of(new BudgetLine(1, LAMPS, 30_000_00, null)), "五月采购", List.of(new TeamMember("张主任", "负责人")), OPENS,
                CLOSES, matched ? f.code("YG") : null, 0);
        ledger.execute(new CreateProject(WANG, f.code(code), f.code("COMM"), plan, null)).value();
        ledger.execute(new TransitionProject(WANG, f.code(code), ProjectTransition.SUBMIT, null)).value();
        return ledger.execute(new TransitionProject(LI, f.code(code), ProjectTransition.APPROVE, "同意")).value();
    }

    Gift give(String project, String donor, long fen) {
        return ledger.execute(new RecordGift(LedgerFixture.key(), WANG, f.code("COMM"), f.code(project), fen, Channel.BANK_TRANSFER,
                new Donor(donor, DonorKind.PERSON, null, "ID-" + donor, null, false, false), null, GIFT_DAY, null)).value();
    }

    void closeFundraising(String project) {
        ledger.execute(new TransitionProject(WANG, f.code(project), ProjectTransition.CLOSE_FUNDRAISING, null)).value();
    }

    Disbursement pay(String project, long fen) {
        Disbursement d = ledger.execute(new RequestDisbursement(WANG, f.code(project), LAMPS, fen, "某照明公司", "采购感应灯",
                "INV-1", null)).value();
        ledger.execute(new DecideDisbursement(LI, d.id(), DecideDisbursement.Decision.APPROVE, false, null)).value();
        return ledger.execute(new PayDisbursement(WANG, d.id(), LedgerFixture.key())).value();
    }

    GiftFlow flow(Gift gift) {
        return database.attributions().giftFlow(gift.id()).orElseThrow();
    }

    /** What each gift's uses took from the one payment, own money and match share together. */
    long used(Gift gift) {
        return flow(gift).uses().stream().mapToLong(Use::amountFen).sum();
    }

    @Nested
    @DisplayName("API.md's worked shape: a 4,000.00 gift of 20,000.00 raised, with its share of a 4,000.00 match")
    class WorkedShape {

        @Test
        @DisplayName("when 12,000.00 of the 24,000.00 is paid, then the gift's use is 2,400.00: 2,000.00 its own, 400.00 its match")
        void paymentUsesItsShare() {
            funds(2_000);
            Project p = raising("P1", true);
            Gift zhang = give("P1", "张三明", 4_000_00);
            Gift li = give("P1", "李四", 16_000_00);
            closeFundraising("P1");

            GiftFlow before = flow(zhang);
            assertThat(before.matchShareFen()).isEqualTo(800_00);
            assertThat(before.poolCode()).isEqualTo(f.code("YG"));
            assertThat(before.unspentFen()).isEqualTo(4_800_00);
            assertThat(before.uses()).isEmpty();

            Disbursement paid = pay("P1", 12_000_00);

            GiftFlow after = flow(zhang);
            assertThat(after.uses()).hasSize(1);
            Use use = after.uses().get(0);
            assertThat(use.kind()).isEqualTo(OutflowKind.PAYMENT);
            assertThat(use.amountFen()).isEqualTo(2_400_00);
            assertThat(use.fromGiftFen()).isEqualTo(2_000_00);
            assertThat(use.fromMatchFen()).isEqualTo(400_00);
            assertThat(use.disbursementId()).isEqualTo(paid.id());
            assertThat(use.purpose()).isEqualTo("采购感应灯");
            assertThat(use.budgetItem()).isEqualTo(LAMPS);
            assertThat(use.projectCode()).isEqualTo(f.code("P1"));
            assertThat(after.unspentFen()).isEqualTo(2_400_00);
            assertThat(used(li)).isEqualTo(9_600_00);

            ProjectFlow project = database.attributions().projectFlow(p.id());
            assertThat(project.fromGiftsFen()).isEqualTo(20_000_00);
            assertThat(project.fromMatchFen()).isEqualTo(4_000_00);
            assertThat(project.outflows()).extracting(Use::amountFen, Use::fromGiftFen, Use::fromMatchFen)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(12_000_00L, 10_000_00L, 2_000_00L));
            assertThat(project.unspentFen()).isEqualTo(12_000_00)
                    .isEqualTo(database.projectSheets().money(p.id()).holdingsFen());
        }
    }

    @Nested
    @DisplayName("the tie-break of the largest remainders")
    class TieBreak {

        @Test
        @DisplayName("when remainders tie, then the lower gift id takes the fen; when they differ, then the larger remainder does")
        void lowerGiftIdThenLargerRemainder() {
            funds(2_000);
            raising("P2", false);
            Gift a = give("P2", "甲", 1_00);
            Gift b = give("P2", "乙", 1_00);
            Gift c = give("P2", "丙", 1_00);
            closeFundraising("P2");

            pay("P2", 1_00);
            assertThat(List.of(used(a), used(b), used(c))).containsExactly(34L, 33L, 33L);

            pay("P2", 2);
            assertThat(List.of(used(a), used(b), used(c))).containsExactly(34L, 34L, 34L);
            assertThat(List.of(flow(a).unspentFen(), flow(b).unspentFen(), flow(c).unspentFen())).containsExactly(66L, 66L, 66L);
        }

        @Test
        @DisplayName("when a gift's own money and its match share tie, then its own money bears the fen")
        void giftBeforeMatch() {
            funds(10_000);
            raising("P3", true);
            Gift only = give("P3", "丁", 1_00);
            closeFundraising("P3");
            assertThat(flow(only).matchShareFen()).isEqualTo(1_00);

            pay("P3", 1);
            Use use = flow(only).uses().get(0);
            assertThat(use.fromGiftFen()).isEqualTo(1);
            assertThat(use.fromMatchFen()).isZero();
        }
    }
}
