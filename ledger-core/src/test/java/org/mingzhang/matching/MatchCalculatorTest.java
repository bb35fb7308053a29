package org.mingzhang.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mingzhang.matching.MatchFixtures.CLOSES_AT;
import static org.mingzhang.matching.MatchFixtures.DURING;
import static org.mingzhang.matching.MatchFixtures.OPENS_AT;
import static org.mingzhang.matching.MatchFixtures.base;
import static org.mingzhang.matching.MatchFixtures.gift;
import static org.mingzhang.matching.MatchFixtures.rule;
import static org.mingzhang.matching.MatchFixtures.yuan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.money.Money;

/**
 * The match of hand-checked projects, each worked out in a comment the way a committee member would check
 * it: API.md's tiers (0 → 10%, 10,000 → 20%, 30,000 → 30%, 50,000 → 50%) in FLAT and MARGINAL mode, the
 * caps per donation, per donor and per project in that order, the budget, rounding down to the fen, the
 * gifts that do not count, and the pro-rata share of a pool that is short.
 */
class MatchCalculatorTest {

    private static final long UNLIMITED = Money.FEN_MAX;

    @Nested
    @DisplayName("when a project raised 35,000.00 under API.md's tiers")
    class FlatAgainstMarginal {

        @Test
        @DisplayName("when the mode is FLAT then the 30% tier applies to the whole base: 10,500.00")
        void flat() {
            // 35,000.00 reached the 30,000.00 tier (index 2): 35,000.00 × 30% = 10,500.00.
            MatchExplanation e = MatchCalculator.explain(rule(MatchMode.FLAT), base("35000.00"), UNLIMITED);
            assertThat(e.baseFen()).isEqualTo(yuan("35000.00"));
            assertThat(e.tierIndex()).isEqualTo(2);
            assertThat(e.rateBasisPoints()).isEqualTo(3000);
            assertThat(e.bands()).isEmpty();
            assertThat(e.computedFen()).isEqualTo(yuan("10500.00"));
            assertThat(e.finalFen()).isEqualTo(yuan("10500.00"));
        }

        @Test
        @DisplayName("when the mode is MARGINAL then each band has its own rate: 1,000 + 4,000 + 1,500 = 6,500.00")
        void marginal() {
            // 10,000 × 10% = 1,000.00; (30,000 − 10,000) × 20% = 4,000.00; (35,000 − 30,000) × 30% = 1,500.00; total 6,500.00.
            MatchExplanation e = MatchCalculator.explain(rule(MatchMode.MARGINAL), base("35000.00"), UNLIMITED);
            assertThat(e.tierIndex()).isEqualTo(2);
            assertThat(e.rateBasisPoints()).isNull();
            assertThat(e.bands()).containsExactly(
                    new Band(0, yuan("10000"), 1000, yuan("10000"), yuan("1000")),
                    new Band(yuan("10000"), yuan("30000"), 2000, yuan("20000"), yuan("4000")),
                    new Band(yuan("30000"), yuan("50000"), 3000, yuan("5000"), yuan("1500")));
            assertThat(e.computedFen()).isEqualTo(yuan("6500.00"));
            assertThat(e.finalFen()).isEqualTo(yuan("6500.00"));
        }

        @Test
        @DisplayName("when the base passes the top tier then MARGINAL's last band is open: 1,000 + 4,000 + 6,000 + 5,000 = 16,000.00")
        void aboveTop() {
            // 60,000.00: FLAT 60,000 × 50% = 30,000.00. MARGINAL 1,000 + 4,000 + 20,000 × 30% = 6,000 + 10,000 × 50% = 5,000.
            assertThat(MatchCalculator.explain(rule(MatchMode.FLAT), base("60000.00"), UNLIMITED).computedFen()).isEqualTo(yuan("30000.00"));
            MatchExplanation e = MatchCalculator.explain(rule(MatchMode.MARGINAL), base("60000.00"), UNLIMITED);
            assertThat(e.computedFen()).isEqualTo(yuan("16000.00"));
            assertThat(e.bands().get(3)).isEqualTo(new Band(yuan("50000"), null, 5000, yuan("10000"), yuan("5000")));
        }
    }

    @Nested
    @DisplayName("when the base sits at a threshold")
    class Thresholds {

        @Test
        @DisplayName("when the base is one fen below 10,000.00 then both modes give 10%: 999.99")
        void justBelow() {
            // 9,999.99 × 10% = 999.999, rounded down to 999.99.
            assertThat(MatchCalculator.explain(rule(MatchMode.FLAT), base("9999.99"), UNLIMITED).computedFen()).isEqualTo(yuan("999.99"));
            assertThat(MatchCalculator.explain(rule(MatchMode.MARGINAL), base("9999.99"), UNLIMITED).computedFen()).isEqualTo(yuan("999.99"));
        }

        @Test
        @DisplayName("when the base is exactly 10,000.00 then FLAT jumps to 2,000.00 and MARGINAL stays at 1,000.00")
        void exactly() {
            // FLAT: the tier is reached at its threshold, 10,000 × 20% = 2,000.00 (one more fen gave 1,000.01 more: the cliff).
            // MARGINAL: 10,000 × 10% = 1,000.00, and the 20% band is reached but holds nothing yet.
            MatchExplanation flat = MatchCalculator.explain(rule(MatchMode.FLAT), base("10000.00"), UNLIMITED);
            assertThat(flat.tierIndex()).isEqualTo(1);
            assertThat(flat.computedFen()).isEqualTo(yuan("2000.00"));
            MatchExplanation marginal = MatchCalculator.explain(rule(MatchMode.MARGINAL), base("10000.00"), UNLIMITED);
            assertThat(marginal.tierIndex()).isEqualTo(1);
            assertThat(marginal.computedFen()).isEqualTo(yuan("1000.00"));
            assertThat(marginal.bands().get(1)).isEqualTo(new Band(yuan("10000"), yuan("30000"), 2000, 0, 0));
        }

        @Test
        @DisplayName("when nothing counts then there is no tier, no rate and no match")
        void zero() {
            MatchExplanation e = MatchCalculator.explain(rule(MatchMode.MARGINAL), List.of(), UNLIMITED);
            assertThat(e.tierIndex()).isEqualTo(-1);
            assertThat(e.rateBasisPoints()).isNull();
            assertThat(e.bands()).isEmpty();
            assertThat(e.finalFen()).isZero();
        }
    }

    @Nested
    @DisplayName("when the exact match has a fraction of a fen")
    class Rounding {

        @Test
        @DisplayName("when 0.33 is matched at 10% then the match is 0.03, never 0.04")
        void downToTheFen() {
            // 33 fen × 10% = 3.3 fen, rounded down: 3 fen. The 0.3 fen stays in the pool.
            assertThat(MatchCalculator.explain(rule(MatchMode.FLAT), base("0.33"), UNLIMITED).finalFen()).isEqualTo(3);
            assertThat(MatchCalculator.explain(rule(MatchMode.MARGINAL), base("0.33"), UNLIMITED).finalFen()).isEqualTo(3);
        }

        @Test
        @DisplayName("when 0.09 is matched at 10% then the match is nothing")
        void belowOneFen() {
            // 9 fen × 10% = 0.9 fen, rounded down: 0.
            assertThat(MatchCalculator.explain(rule(MatchMode.FLAT), base("0.09"), UNLIMITED).finalFen()).isZero();
        }

        @Test
        @DisplayName("when MARGINAL bands each lose half a fen then rounding once keeps the whole fen, and a band shows it")
        void marginalRoundsOnce() {
            // Tiers 0 → 10%, 0.15 → 30%, base 0.20: 15 fen × 10% = 1.5 fen, 5 fen × 30% = 1.5 fen, exactly 3.0 fen.
            // Rounding each band would give 1 + 1 = 2 fen; rounding the sum gives 3. The spare fen goes to the band that lost
            // the larger fraction, here a tie, so to the higher band: 1 + 2 = 3.
            MatchRule rule = MatchRule.of(MatchMode.MARGINAL, List.of(new Tier(0, 1000), new Tier(15, 3000)), OPENS_AT, CLOSES_AT);
            MatchExplanation e = MatchCalculator.explain(rule, base("0.20"), UNLIMITED);
            assertThat(e.computedFen()).isEqualTo(3);
            assertThat(e.bands()).extracting(Band::matchInBandFen).containsExactly(1L, 2L);
        }

        @Test
        @DisplayName("when the base is the largest amount at rates near 100% then nothing overflows and the result is exact")
        void largest() {
            // FLAT at 99.99%: 999,999,999,999,999 fen × 0.9999 = 999,899,999,999,999.0001 fen, rounded down to 9,998,999,999,999.99.
            // MARGINAL, 0 → 99.99% and 0.01 → 100%: 1 fen × 0.9999 + 999,999,999,999,998 fen × 1 = 999,999,999,999,998.9999 fen,
            // rounded down once to 999,999,999,999,998 fen (one fen under the base, not the base).
            List<MatchableGift> gifts = List.of(MatchableGift.of("g", Money.FEN_MAX, "d", DURING));
            MatchRule almost = MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 9999)), OPENS_AT, CLOSES_AT);
            assertThat(MatchCalculator.explain(almost, gifts, UNLIMITED).computedFen()).isEqualTo(999_899_999_999_999L);
            MatchRule bands = MatchRule.of(MatchMode.MARGINAL, List.of(new Tier(0, 9999), new Tier(1, 10_000)), OPENS_AT, CLOSES_AT);
            assertThat(MatchCalculator.explain(bands, gifts, UNLIMITED).computedFen()).isEqualTo(Money.FEN_MAX - 1);
        }
    }

    @Nested
    @DisplayName("when API.md's caps apply: 1,000.00 per donation, 5,000.00 per donor, 50,000.00 per project")
    class Caps {

        private final MatchRule capped = rule(MatchMode.FLAT)
                .withPerDonationCapFen(yuan("1000.00")).withPerDonorCapFen(yuan("5000.00")).withPerProjectCapFen(yuan("50000.00"));

        @Test
        @DisplayName("when gifts pass the donation and donor caps then the explanation shows what each cap removed")
        void donationThenDonor() {
            // A gives 3,000.00: counted 1,000.00, the donation cap removes 2,000.00.
            // B gives 8 × 900.00 = 7,200.00: under the donation cap, the donor cap keeps 5,000.00 and removes 2,200.00.
            // C gives 500.00: counted whole. Received 10,700.00 − 2,000.00 − 2,200.00 = base 6,500.00; 10% → 650.00.
            List<MatchableGift> gifts = new ArrayList<>();
            gifts.add(gift("a1", "3000.00", "A"));
            for (int i = 0; i < 8; i++) {
                gifts.add(gift("b" + i, "900.00", "B"));
            }
            gifts.add(gift("c1", "500.00", "C"));
            MatchExplanation e = MatchCalculator.explain(capped, gifts, UNLIMITED);
            assertThat(e.receivedFen()).isEqualTo(yuan("10700.00"));
            assertThat(e.removedByDonationCapFen()).isEqualTo(yuan("2000.00"));
            assertThat(e.removedByDonorCapFen()).isEqualTo(yuan("2200.00"));
            assertThat(e.baseFen()).isEqualTo(yuan("6500.00"));
            assertThat(e.finalFen()).isEqualTo(yuan("650.00"));
        }

        @Test
        @DisplayName("when one donor gives a large gift and a small one then the donation cap comes first")
        void orderMatters() {
            // D gives 6,000.00 and 500.00: the donation cap makes them 1,000.00 + 500.00 = 1,500.00, under the donor cap.
            // Had the donor cap come first, 6,500.00 would have been cut to 5,000.00 before the donation cap.
            MatchExplanation e = MatchCalculator.explain(capped, List.of(gift("d1", "6000.00", "D"), gift("d2", "500.00", "D")), UNLIMITED);
            assertThat(e.removedByDonationCapFen()).isEqualTo(yuan("5000.00"));
            assertThat(e.removedByDonorCapFen()).isZero();
            assertThat(e.baseFen()).isEqualTo(yuan("1500.00"));
        }

        @Test
        @DisplayName("when the computed match passes the project cap then the cap is what the project gets")
        void projectCap() {
            // No donation or donor cap, base 35,000.00 FLAT → 10,500.00; a project cap of 5,000.00 removes 5,500.00.
            MatchRule rule = rule(MatchMode.FLAT).withPerProjectCapFen(yuan("5000.00"));
            MatchExplanation e = MatchCalculator.explain(rule, base("35000.00"), UNLIMITED);
            assertThat(e.computedFen()).isEqualTo(yuan("10500.00"));
            assertThat(e.removedByProjectCapFen()).isEqualTo(yuan("5500.00"));
            assertThat(e.cappedFen()).isEqualTo(yuan("5000.00"));
            assertThat(e.finalFen()).isEqualTo(yuan("5000.00"));
        }
    }

    @Nested
    @DisplayName("when the pool's budget is short")
    class Budget {

        @Test
        @DisplayName("when 3,000.00 is left in the pool then a 10,500.00 match gets 3,000.00")
        void limitsTheMatch() {
            MatchExplanation e = MatchCalculator.explain(rule(MatchMode.FLAT), base("35000.00"), yuan("3000.00"));
            assertThat(e.cappedFen()).isEqualTo(yuan("10500.00"));
            assertThat(e.budgetAvailableFen()).isEqualTo(yuan("3000.00"));
            assertThat(e.removedByBudgetFen()).isEqualTo(yuan("7500.00"));
            assertThat(e.finalFen()).isEqualTo(yuan("3000.00"));
        }

        @Test
        @DisplayName("when the pool is empty then the match is nothing and says so")
        void empty() {
            MatchExplanation e = MatchCalculator.explain(rule(MatchMode.FLAT), base("100.00"), 0);
            assertThat(e.computedFen()).isEqualTo(yuan("10.00"));
            assertThat(e.removedByBudgetFen()).isEqualTo(yuan("10.00"));
            assertThat(e.finalFen()).isZero();
        }

        @Test
        @DisplayName("when the budget is negative then the call is refused")
        void negative() {
            assertThatThrownBy(() -> MatchCalculator.explain(rule(MatchMode.FLAT), base("100.00"), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative: -1");
        }
    }

    @Nested
    @DisplayName("when some gifts do not count")
    class Exclusions {

        @Test
        @DisplayName("when gifts are refunded, outside the window or in kind then they are left out and counted by reason")
        void leftOut() {
            // Counted: 100.00 at the opening instant, 200.00 at the closing instant (the window includes both ends), 400.00 during.
            // Left out: a refunded 1,000.00 (also outside the window: counted once, as refunded), 2,000.00 a second early,
            // 3,000.00 a second late, 5,000.00 in kind. Base 700.00, 10% → 70.00.
            List<MatchableGift> gifts = List.of(
                    MatchableGift.of("open", yuan("100.00"), "A", OPENS_AT),
                    MatchableGift.of("close", yuan("200.00"), "B", CLOSES_AT),
                    gift("during", "400.00", "C"),
                    MatchableGift.of("refunded", yuan("1000.00"), "D", OPENS_AT.minusSeconds(1)).refundedAt(DURING),
                    MatchableGift.of("early", yuan("2000.00"), "E", OPENS_AT.minusSeconds(1)),
                    MatchableGift.of("late", yuan("3000.00"), "F", CLOSES_AT.plusSeconds(1)),
                    gift("goods", "5000.00", "G").asInKind());
            MatchExplanation e = MatchCalculator.explain(rule(MatchMode.FLAT), gifts, UNLIMITED);
            assertThat(e.giftsConsidered()).isEqualTo(7);
            assertThat(e.giftsExcluded()).isEqualTo(4);
            assertThat(e.giftsCounted()).isEqualTo(3);
            assertThat(e.excludedByReason()).isEqualTo(Map.of(
                    ExclusionReason.REFUNDED, 1, ExclusionReason.OUTSIDE_WINDOW, 2, ExclusionReason.IN_KIND_NOT_ELIGIBLE, 1));
            assertThat(e.receivedFen()).isEqualTo(yuan("700.00"));
            assertThat(e.finalFen()).isEqualTo(yuan("70.00"));
        }

        @Test
        @DisplayName("when the pool counts gifts in kind then their valuation joins the base")
        void inKindEligible() {
            // 400.00 in money + 5,000.00 of goods at valuation = 5,400.00, 10% → 540.00.
            List<MatchableGift> gifts = List.of(gift("money", "400.00", "C"), gift("goods", "5000.00", "G").asInKind());
            MatchExplanation e = MatchCalculator.explain(rule(MatchMode.FLAT).withInKindEligible(true), gifts, UNLIMITED);
            assertThat(e.giftsExcluded()).isZero();
            assertThat(e.finalFen()).isEqualTo(yuan("540.00"));
        }

        @Test
        @DisplayName("when a gift is refunded then recomputing drops it and can drop the tier")
        void refundRecomputes() {
            // Before: 6,000.00 + 5,000.00 = 11,000.00 FLAT → 20% = 2,200.00. After refunding the 5,000.00: 6,000.00 → 10% = 600.00.
            MatchableGift kept = gift("kept", "6000.00", "A");
            MatchableGift gone = gift("gone", "5000.00", "B");
            assertThat(MatchCalculator.explain(rule(MatchMode.FLAT), List.of(kept, gone), UNLIMITED).finalFen()).isEqualTo(yuan("2200.00"));
            MatchExplanation after = MatchCalculator.explain(rule(MatchMode.FLAT), List.of(kept, gone.refundedAt(DURING.plusSeconds(60))), UNLIMITED);
            assertThat(after.finalFen()).isEqualTo(yuan("600.00"));
            assertThat(after.excludedByReason()).containsEntry(ExclusionReason.REFUNDED, 1);
        }

        @Test
        @DisplayName("when the same gift is given twice then the call is refused rather than matching it twice")
        void duplicate() {
            MatchableGift g = gift("g1", "10.00", "A");
            assertThatThrownBy(() -> MatchCalculator.explain(rule(MatchMode.FLAT), List.of(g, g), UNLIMITED))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gift g1 must be given once");
        }
    }

    @Nested
    @DisplayName("when projects settle together and the pool is short (PRO_RATA_AT_POOL_CLOSE)")
    class ProRata {

        @Test
        @DisplayName("when the matches fit in the budget then every project gets its capped match")
        void fits() {
            List<Long> capped = List.of(yuan("10000"), yuan("20000"), yuan("30000"));
            assertThat(MatchCalculator.proRata(capped, yuan("60000"))).isEqualTo(capped);
        }

        @Test
        @DisplayName("when 60,000.00 is asked of 30,000.00 then each project gets half")
        void half() {
            // 10,000 × 30,000 / 60,000 = 5,000.00; 20,000 → 10,000.00; 30,000 → 15,000.00; 30,000.00 in all.
            assertThat(MatchCalculator.proRata(List.of(yuan("10000"), yuan("20000"), yuan("30000")), yuan("30000")))
                    .containsExactly(yuan("5000"), yuan("10000"), yuan("15000"));
        }

        @Test
        @DisplayName("when a share has a fraction of a fen then it rounds down and the remainder stays in the pool")
        void remainder() {
            // Three projects ask 100.00 each of a 100.00 budget: 10,000 × 10,000 / 30,000 = 3,333.33 fen → 33.33 each.
            // 99.99 is paid; 0.01 (less than one fen per project) stays in the pool and returns to the sponsor at close.
            List<Long> shares = MatchCalculator.proRata(List.of(yuan("100"), yuan("100"), yuan("100")), yuan("100"));
            assertThat(shares).containsExactly(yuan("33.33"), yuan("33.33"), yuan("33.33"));
            assertThat(yuan("100") - shares.stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
        }

        @Test
        @DisplayName("when a project has no match then it gets nothing, and the others share the budget")
        void zeroShare() {
            // 0 and 500.00 of a 100.00 budget: 0 stays 0; 50,000 × 10,000 / 50,000 = 100.00.
            assertThat(MatchCalculator.proRata(List.of(0L, yuan("500")), yuan("100"))).containsExactly(0L, yuan("100"));
            assertThat(MatchCalculator.proRata(List.of(), 0)).isEmpty();
        }

        @Test
        @DisplayName("when the largest amounts meet then nothing overflows")
        void largest() {
            // FEN_MAX × (FEN_MAX − 1) is far beyond a long; the share is FEN_MAX × (FEN_MAX − 1) / (2 × FEN_MAX), rounded down.
            List<Long> shares = MatchCalculator.proRata(List.of(Money.FEN_MAX, Money.FEN_MAX), Money.FEN_MAX - 1);
            assertThat(shares).containsExactly((Money.FEN_MAX - 1) / 2, (Money.FEN_MAX - 1) / 2);
        }

        @Test
        @DisplayName("when an amount or the budget is negative then the call is refused")
        void negative() {
            assertThatThrownBy(() -> MatchCalculator.proRata(List.of(-1L), 10)).hasMessageContaining("cappedFen[0] must not be negative: -1");
            assertThatThrownBy(() -> MatchCalculator.proRata(List.of(1L), -1)).hasMessageContaining("must not be negative: -1");
        }
    }
}
