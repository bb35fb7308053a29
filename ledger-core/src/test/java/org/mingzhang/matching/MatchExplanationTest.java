package org.mingzhang.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An explanation cannot be built unless it adds up, so one read back from storage or assembled elsewhere
 * is checked again on the way in (the pair of the calculator's own arithmetic): each step subtracts exactly
 * what it says it removed, nothing is negative, and the final match never exceeds the budget available.
 */
class MatchExplanationTest {

    private static final Map<ExclusionReason, Integer> NONE = Map.of();

    /** A FLAT 10% match of a 100.00 base, 10.00, whole: every number agrees. */
    private static MatchExplanation flat(long received, long byDonation, long byDonor, long base, long computed, long byProject,
                                         long capped, long budget, long byBudget, long finalFen) {
        return new MatchExplanation(MatchMode.FLAT, 1, 0, NONE, received, byDonation, byDonor, base, base == 0 ? -1 : 0,
                base == 0 ? null : 1000, List.of(), computed, byProject, capped, budget, byBudget, finalFen, Map.of());
    }

    @Nested
    @DisplayName("when the numbers agree")
    class Agree {

        @Test
        @DisplayName("when every step subtracts what it removed then the explanation is built, and every reason is listed")
        void built() {
            MatchExplanation e = flat(12_000, 1_000, 1_000, 10_000, 1_000, 0, 1_000, 5_000, 0, 1_000);
            assertThat(e.finalFen()).isEqualTo(1_000);
            assertThat(e.excludedByReason()).containsOnlyKeys(ExclusionReason.values()).allSatisfy((reason, count) -> assertThat(count).isZero());
        }
    }

    @Nested
    @DisplayName("when the numbers do not agree")
    class Disagree {

        @Test
        @DisplayName("when received minus the caps is not the base then construction throws")
        void base() {
            assertThatThrownBy(() -> flat(12_000, 1_000, 1_000, 10_001, 1_000, 0, 1_000, 5_000, 0, 1_000))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("must equal base 10001");
        }

        @Test
        @DisplayName("when the project cap's removal does not lead to the capped amount then construction throws")
        void projectCap() {
            assertThatThrownBy(() -> flat(10_000, 0, 0, 10_000, 1_000, 100, 1_000, 5_000, 0, 1_000))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("must equal capped 1000");
        }

        @Test
        @DisplayName("when the final match exceeds the budget then construction throws: the pool is never overspent")
        void budget() {
            assertThatThrownBy(() -> flat(10_000, 0, 0, 10_000, 1_000, 0, 1_000, 999, 0, 1_000))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("must not exceed the budget available 999");
        }

        @Test
        @DisplayName("when an amount is negative then construction throws")
        void negative() {
            assertThatThrownBy(() -> flat(10_000, 0, 0, 10_000, 1_000, 0, 1_000, 5_000, -1, 1_001))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("removedByBudgetFen must not be negative: -1");
        }

        @Test
        @DisplayName("when the match is larger than its base then construction throws: no rate exceeds 1")
        void aboveBase() {
            assertThatThrownBy(() -> flat(100, 0, 0, 100, 101, 0, 101, 5_000, 0, 101))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("must not exceed base 100");
        }

        @Test
        @DisplayName("when MARGINAL bands do not add up to the computed match then construction throws")
        void bands() {
            List<Band> bands = List.of(new Band(0, 10_000L, 1000, 10_000, 1_000), new Band(10_000, null, 2000, 5_000, 999));
            assertThatThrownBy(() -> new MatchExplanation(MatchMode.MARGINAL, 1, 0, NONE, 15_000, 0, 0, 15_000, 1, null, bands, 2_000, 0,
                    2_000, 5_000, 0, 2_000, Map.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("add up to the computed match 2000");
        }

        @Test
        @DisplayName("when the excluded gifts do not match their reasons then construction throws")
        void exclusions() {
            assertThatThrownBy(() -> new MatchExplanation(MatchMode.FLAT, 3, 2, Map.of(ExclusionReason.REFUNDED, 1), 0, 0, 0, 0, -1, null,
                    List.of(), 0, 0, 0, 0, 0, 0, Map.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("giftsExcluded 2 must equal the reasons' counts");
        }
    }
}
