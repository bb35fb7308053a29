package org.mingzhang.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mingzhang.matching.MatchFixtures.CLOSES_AT;
import static org.mingzhang.matching.MatchFixtures.DURING;
import static org.mingzhang.matching.MatchFixtures.OPENS_AT;
import static org.mingzhang.matching.MatchFixtures.rule;
import static org.mingzhang.matching.MatchFixtures.yuan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The abuse signals flag exactly the gifts a reviewer should look at: several small gifts from one donor
 * within a day (split, 刷单), gifts a settled match counted and that were refunded afterwards (套捐), and
 * gifts from the project's own team. The signals never touch the amounts: the explanation with signals
 * attached matches the explanation without.
 */
class AbuseSignalsTest {

    private static final MatchRule CAPPED = rule(MatchMode.FLAT).withPerDonationCapFen(yuan("1000.00"));
    private static final Set<String> NO_TEAM = Set.of();

    private static MatchableGift at(String id, String amount, String donorKey, Duration after) {
        return MatchableGift.of(id, yuan(amount), donorKey, DURING.plus(after));
    }

    @Nested
    @DisplayName("when one donor gives several small gifts (SPLIT_GIFTS)")
    class Split {

        @Test
        @DisplayName("when three gifts at or below the per-donation cap arrive within 24 hours then all three are flagged")
        void threeWithinADay() {
            List<MatchableGift> gifts = List.of(at("a", "1000.00", "D", Duration.ZERO), at("b", "1000.00", "D", Duration.ofHours(12)),
                    at("c", "999.99", "D", Duration.ofHours(24)), at("other", "1000.00", "E", Duration.ofHours(1)));
            assertThat(AbuseSignals.detect(CAPPED, gifts, NO_TEAM, null)).isEqualTo(Map.of(
                    "a", Set.of(AbuseSignal.SPLIT_GIFTS), "b", Set.of(AbuseSignal.SPLIT_GIFTS), "c", Set.of(AbuseSignal.SPLIT_GIFTS)));
        }

        @Test
        @DisplayName("when the three gifts span a second more than 24 hours then nothing is flagged")
        void spreadOut() {
            List<MatchableGift> gifts = List.of(at("a", "100.00", "D", Duration.ZERO), at("b", "100.00", "D", Duration.ofHours(12)),
                    at("c", "100.00", "D", Duration.ofHours(24).plusSeconds(1)));
            assertThat(AbuseSignals.detect(CAPPED, gifts, NO_TEAM, null)).isEmpty();
        }

        @Test
        @DisplayName("when one of three gifts is above the cap then only two are small and nothing is flagged")
        void oneLarge() {
            List<MatchableGift> gifts = List.of(at("a", "1000.00", "D", Duration.ZERO), at("b", "1000.01", "D", Duration.ofHours(1)),
                    at("c", "1000.00", "D", Duration.ofHours(2)));
            assertThat(AbuseSignals.detect(CAPPED, gifts, NO_TEAM, null)).isEmpty();
        }

        @Test
        @DisplayName("when three donors give one gift each then nothing is flagged")
        void differentDonors() {
            List<MatchableGift> gifts = List.of(at("a", "10.00", "A", Duration.ZERO), at("b", "10.00", "B", Duration.ZERO),
                    at("c", "10.00", "C", Duration.ZERO));
            assertThat(AbuseSignals.detect(CAPPED, gifts, NO_TEAM, null)).isEmpty();
        }

        @Test
        @DisplayName("when there is no per-donation cap then gifts below a tenth of the top threshold (5,000.00) are small")
        void noCap() {
            // API.md's top threshold is 50,000.00, so a gift is small below 5,000.00.
            List<MatchableGift> small = List.of(at("a", "4999.99", "D", Duration.ZERO), at("b", "4999.99", "D", Duration.ofHours(1)),
                    at("c", "4999.99", "D", Duration.ofHours(2)));
            assertThat(AbuseSignals.detect(rule(MatchMode.FLAT), small, NO_TEAM, null)).containsOnlyKeys("a", "b", "c");
            List<MatchableGift> notSmall = List.of(at("a", "5000.00", "D", Duration.ZERO), at("b", "5000.00", "D", Duration.ofHours(1)),
                    at("c", "5000.00", "D", Duration.ofHours(2)));
            assertThat(AbuseSignals.detect(rule(MatchMode.FLAT), notSmall, NO_TEAM, null)).isEmpty();
        }

        @Test
        @DisplayName("when the rule has one tier and no cap then splitting gains nothing and nothing is flagged")
        void nothingToGame() {
            MatchRule single = MatchRule.of(MatchMode.FLAT, List.of(Tier.parse("0", "0.2")), OPENS_AT, CLOSES_AT);
            List<MatchableGift> gifts = List.of(at("a", "0.01", "D", Duration.ZERO), at("b", "0.01", "D", Duration.ZERO),
                    at("c", "0.01", "D", Duration.ZERO));
            assertThat(AbuseSignals.detect(single, gifts, NO_TEAM, null)).isEmpty();
        }

        @Test
        @DisplayName("when the small gifts lie outside the window then they never entered a match and are not flagged")
        void outsideWindow() {
            List<MatchableGift> gifts = List.of(MatchableGift.of("a", 100, "D", CLOSES_AT.plusSeconds(1)),
                    MatchableGift.of("b", 100, "D", CLOSES_AT.plusSeconds(2)), MatchableGift.of("c", 100, "D", CLOSES_AT.plusSeconds(3)));
            assertThat(AbuseSignals.detect(CAPPED, gifts, NO_TEAM, null)).isEmpty();
        }
    }

    @Nested
    @DisplayName("when a gift is refunded around settlement (REFUNDED_AFTER_SETTLEMENT)")
    class RefundedAfterSettlement {

        private final Instant settledAt = DURING.plus(Duration.ofDays(10));

        @Test
        @DisplayName("when a gift counted at settlement is refunded later then it is flagged")
        void after() {
            MatchableGift g = at("g", "5000.00", "D", Duration.ZERO).refundedAt(settledAt.plus(Duration.ofDays(1)));
            assertThat(AbuseSignals.detect(CAPPED, List.of(g), NO_TEAM, settledAt)).isEqualTo(Map.of("g", Set.of(AbuseSignal.REFUNDED_AFTER_SETTLEMENT)));
        }

        @Test
        @DisplayName("when the refund comes at the very instant of settlement then it is flagged, since the order is unknown")
        void sameInstant() {
            MatchableGift g = at("g", "5000.00", "D", Duration.ZERO).refundedAt(settledAt);
            assertThat(AbuseSignals.detect(CAPPED, List.of(g), NO_TEAM, settledAt)).containsOnlyKeys("g");
        }

        @Test
        @DisplayName("when the refund came before settlement, or the gift after it, or nothing settled, then nothing is flagged")
        void notAfter() {
            MatchableGift before = at("before", "5000.00", "D", Duration.ZERO).refundedAt(settledAt.minusSeconds(1));
            MatchableGift late = MatchableGift.of("late", 500_000, "E", settledAt.plusSeconds(1)).refundedAt(settledAt.plusSeconds(2));
            assertThat(AbuseSignals.detect(CAPPED, List.of(before, late), NO_TEAM, settledAt)).isEmpty();
            MatchableGift refunded = at("g", "5000.00", "D", Duration.ZERO).refundedAt(settledAt);
            assertThat(AbuseSignals.detect(CAPPED, List.of(refunded), NO_TEAM, null)).isEmpty();
        }
    }

    @Nested
    @DisplayName("when a donor is on the project's team (FROM_PROJECT_TEAM)")
    class Team {

        @Test
        @DisplayName("when the donor's name equals a team member's, spaces and full-width letters aside, then the gift is flagged")
        void sameName() {
            Set<String> team = Set.of("张三明", "Li Wei");
            List<MatchableGift> gifts = List.of(
                    at("spaced", "100.00", "A", Duration.ZERO).withDonorName("张 三明"),
                    at("wide", "100.00", "B", Duration.ZERO).withDonorName("ＬＩ　ＷＥＩ"),
                    at("stranger", "100.00", "C", Duration.ZERO).withDonorName("王五"),
                    at("nameless", "100.00", "E", Duration.ZERO));
            assertThat(AbuseSignals.detect(CAPPED, gifts, team, null)).isEqualTo(Map.of(
                    "spaced", Set.of(AbuseSignal.FROM_PROJECT_TEAM), "wide", Set.of(AbuseSignal.FROM_PROJECT_TEAM)));
        }

        @Test
        @DisplayName("when one gift shows several patterns then it carries every signal")
        void several() {
            Instant settledAt = DURING.plus(Duration.ofDays(1));
            List<MatchableGift> gifts = List.of(
                    at("a", "1000.00", "D", Duration.ZERO).withDonorName("张三明").refundedAt(settledAt),
                    at("b", "1000.00", "D", Duration.ofMinutes(1)).withDonorName("张三明"),
                    at("c", "1000.00", "D", Duration.ofMinutes(2)).withDonorName("张三明"));
            assertThat(AbuseSignals.detect(CAPPED, gifts, Set.of("张三明"), settledAt).get("a"))
                    .containsExactlyInAnyOrder(AbuseSignal.SPLIT_GIFTS, AbuseSignal.REFUNDED_AFTER_SETTLEMENT, AbuseSignal.FROM_PROJECT_TEAM);
        }
    }

    @Test
    @DisplayName("when signals are attached to an explanation then the amounts stay as they were")
    void signalsDoNotBlock() {
        List<MatchableGift> gifts = List.of(at("a", "1000.00", "D", Duration.ZERO), at("b", "1000.00", "D", Duration.ofMinutes(1)),
                at("c", "1000.00", "D", Duration.ofMinutes(2)));
        MatchExplanation plain = MatchCalculator.explain(CAPPED, gifts, Long.MAX_VALUE);
        MatchExplanation flagged = plain.withSignals(AbuseSignals.detect(CAPPED, gifts, NO_TEAM, null));
        assertThat(flagged.signalsByGiftId()).containsOnlyKeys("a", "b", "c");
        assertThat(flagged.finalFen()).isEqualTo(plain.finalFen()).isEqualTo(yuan("300.00"));
        assertThat(flagged.withSignals(Map.of())).isEqualTo(plain);
    }
}
