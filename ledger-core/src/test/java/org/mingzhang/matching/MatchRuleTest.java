package org.mingzhang.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mingzhang.matching.MatchFixtures.API_TIERS;
import static org.mingzhang.matching.MatchFixtures.CLOSES_AT;
import static org.mingzhang.matching.MatchFixtures.OPENS_AT;
import static org.mingzhang.matching.MatchFixtures.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.money.Money;

/**
 * A matching rule that exists is one a committee could have meant: tiers from zero, rising thresholds,
 * rates that never fall, positive caps, a window that closes after it opens. Each refusal names the field
 * and the value, so the API can answer 400 with a message the accountant can act on. Eligibility by
 * category and fund treats an empty list as "all".
 */
class MatchRuleTest {

    @Nested
    @DisplayName("when the tiers are wrong")
    class Tiers {

        @Test
        @DisplayName("when there are no tiers then the rule is refused")
        void none() {
            assertThatThrownBy(() -> MatchRule.of(MatchMode.FLAT, List.of(), OPENS_AT, CLOSES_AT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("tiers must have 1 to 20 tiers: 0");
        }

        @Test
        @DisplayName("when there are 21 tiers then the rule is refused, and 20 are accepted")
        void tooMany() {
            List<Tier> tiers = new ArrayList<>();
            for (int i = 0; i <= MatchRule.TIERS_MAX; i++) {
                tiers.add(new Tier(i * 100_000L, 100 * i));
            }
            assertThatThrownBy(() -> MatchRule.of(MatchMode.FLAT, tiers, OPENS_AT, CLOSES_AT)).hasMessage("tiers must have 1 to 20 tiers: 21");
            assertThat(MatchRule.of(MatchMode.FLAT, tiers.subList(0, 20), OPENS_AT, CLOSES_AT).tiers()).hasSize(20);
        }

        @Test
        @DisplayName("when the first tier does not start at zero then the rule is refused")
        void firstFromZero() {
            List<Tier> tiers = List.of(Tier.parse("100.00", "0.10"));
            assertThatThrownBy(() -> MatchRule.of(MatchMode.FLAT, tiers, OPENS_AT, CLOSES_AT))
                    .hasMessage("tiers[0].minRaised must be 0.00: 100.00");
        }

        @Test
        @DisplayName("when a threshold repeats then the message names both tiers")
        void thresholdsRise() {
            List<Tier> tiers = List.of(Tier.parse("0", "0.10"), Tier.parse("30000", "0.20"), Tier.parse("30000", "0.30"));
            assertThatThrownBy(() -> MatchRule.of(MatchMode.FLAT, tiers, OPENS_AT, CLOSES_AT))
                    .hasMessage("tiers[2].minRaised must be greater than tiers[1].minRaised: 30000.00 <= 30000.00");
        }

        @Test
        @DisplayName("when a higher tier has a lower rate then the rule is refused: the more raised, the more matched")
        void ratesNeverFall() {
            List<Tier> tiers = List.of(Tier.parse("0", "0.30"), Tier.parse("10000", "0.20"));
            assertThatThrownBy(() -> MatchRule.of(MatchMode.MARGINAL, tiers, OPENS_AT, CLOSES_AT))
                    .hasMessage("tiers[1].rate must not be lower than tiers[0].rate: 0.20 < 0.30");
        }

        @Test
        @DisplayName("when two tiers share a rate then the rule is accepted")
        void equalRatesAllowed() {
            List<Tier> tiers = List.of(Tier.parse("0", "0"), Tier.parse("1000", "0"), Tier.parse("5000", "0.1"));
            assertThat(MatchRule.of(MatchMode.FLAT, tiers, OPENS_AT, CLOSES_AT).tiers()).isEqualTo(tiers);
        }

        @Test
        @DisplayName("when a tier's rate is above 1 or its amount negative then the tier itself is refused")
        void tierBounds() {
            assertThatThrownBy(() -> new Tier(0, 10_001)).hasMessageContaining("rate must be between 0 and 10000 basis points: 10001");
            assertThatThrownBy(() -> new Tier(-1, 0)).hasMessageContaining("minRaised must be between 0.00 and 9999999999999.99");
            assertThatThrownBy(() -> new Tier(Money.FEN_MAX + 1, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Tier.parse("0", "0.5%")).isInstanceOf(RateFormatException.class);
        }

        @Test
        @DisplayName("when the caller's tier list changes afterwards then the rule keeps its own")
        void copied() {
            List<Tier> tiers = new ArrayList<>(API_TIERS);
            MatchRule rule = MatchRule.of(MatchMode.FLAT, tiers, OPENS_AT, CLOSES_AT);
            tiers.add(Tier.parse("90000", "0.9"));
            assertThat(rule.tiers()).hasSize(4);
        }
    }

    @Nested
    @DisplayName("when caps, window or lists are wrong")
    class Fields {

        @Test
        @DisplayName("when a cap is zero or negative then the message names the cap")
        void capsPositive() {
            assertThatThrownBy(() -> rule(MatchMode.FLAT).withPerProjectCapFen(0L)).hasMessageStartingWith("perProjectCap must be between 0.01");
            assertThatThrownBy(() -> rule(MatchMode.FLAT).withPerDonationCapFen(-5L)).hasMessageStartingWith("perDonationCap must be");
            assertThatThrownBy(() -> rule(MatchMode.FLAT).withPerDonorCapFen(Money.FEN_MAX + 1)).hasMessageStartingWith("perDonorCap must be");
            assertThat(rule(MatchMode.FLAT).withPerDonorCapFen(Money.FEN_MAX).perDonorCapFen()).isEqualTo(Money.FEN_MAX);
        }

        @Test
        @DisplayName("when the window closes before it opens then the rule is refused; a window of one instant is fine")
        void window() {
            assertThatThrownBy(() -> MatchRule.of(MatchMode.FLAT, API_TIERS, CLOSES_AT, OPENS_AT)).hasMessageStartingWith("closesAt must not be before opensAt");
            assertThatThrownBy(() -> MatchRule.of(MatchMode.FLAT, API_TIERS, null, CLOSES_AT)).hasMessageStartingWith("opensAt and closesAt must both be given");
            assertThat(MatchRule.of(MatchMode.FLAT, API_TIERS, OPENS_AT, OPENS_AT).inWindow(OPENS_AT)).isTrue();
        }

        @Test
        @DisplayName("when the mode is missing then the rule is refused")
        void mode() {
            assertThatThrownBy(() -> MatchRule.of(null, API_TIERS, OPENS_AT, CLOSES_AT)).hasMessage("mode must be FLAT or MARGINAL: null");
        }

        @Test
        @DisplayName("when a category is blank then the rule is refused")
        void blankCategory() {
            assertThatThrownBy(() -> rule(MatchMode.FLAT).withEligibleCategories(Set.of("便民维修", " ")))
                    .hasMessageStartingWith("eligibleCategories must not hold an empty entry");
        }

        @Test
        @DisplayName("when more categories than the limit are listed then the rule is refused")
        void tooManyCategories() {
            Set<String> many = new LinkedHashSet<>();
            for (int i = 0; i <= MatchRule.ELIGIBLE_CATEGORIES_MAX; i++) {
                many.add("c" + i);
            }
            assertThatThrownBy(() -> rule(MatchMode.FLAT).withEligibleCategories(many)).hasMessage("eligibleCategories must have at most 100 entries: 101");
        }
    }

    @Nested
    @DisplayName("when a project asks whether the pool matches it")
    class Admits {

        @Test
        @DisplayName("when the rule lists no category and no fund then every project is admitted")
        void emptyMeansAll() {
            assertThat(rule(MatchMode.FLAT).admits("文化惠民", "TXSQ")).isTrue();
            assertThat(rule(MatchMode.FLAT).withEligibleCategories(null).admits(null, null)).isTrue();
        }

        @Test
        @DisplayName("when the rule lists categories then only those are admitted, and an unknown category is not")
        void categories() {
            MatchRule rule = rule(MatchMode.FLAT).withEligibleCategories(Set.of("便民维修", "助老助残"));
            assertThat(rule.admits("助老助残", "TXSQ")).isTrue();
            assertThat(rule.admits("文化惠民", "TXSQ")).isFalse();
            assertThat(rule.admits(null, "TXSQ")).isFalse();
        }

        @Test
        @DisplayName("when the rule lists funds and categories then a project must match both")
        void fundsAndCategories() {
            MatchRule rule = rule(MatchMode.FLAT).withEligibleCategories(Set.of("便民维修")).withEligibleFundCodes(Set.of("TXSQ"));
            assertThat(rule.admits("便民维修", "TXSQ")).isTrue();
            assertThat(rule.admits("便民维修", "HPSQ")).isFalse();
            assertThat(rule.admits("儿童关爱", "TXSQ")).isFalse();
        }
    }
}
