package org.mingzhang.matching;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every step of one project's match, in fen, in the order the calculator takes them, so a committee
 * member can check it with a pencil: which gifts counted, what each cap removed, the tier and rate (or the
 * bands), the amount computed, and what the per-project cap and the budget allowed. An explanation that
 * exists adds up: {@code receivedFen - removedByDonationCapFen - removedByDonorCapFen == baseFen},
 * {@code computedFen - removedByProjectCapFen == cappedFen}, {@code cappedFen - removedByBudgetFen ==
 * finalFen}, every amount is non-negative and {@code finalFen <= budgetAvailableFen}; anything else throws
 * {@link IllegalStateException} on construction.
 *
 * @param giftsConsidered every gift the calculation was given
 * @param giftsExcluded the gifts among them that add nothing to the base; {@code excludedByReason} splits them by reason
 * @param excludedByReason how many gifts each reason excluded (every reason present, zero included)
 * @param receivedFen the sum of the gifts that were not excluded, before any cap
 * @param removedByDonationCapFen what the per-donation cap cut from single gifts, summed
 * @param removedByDonorCapFen what the per-donor cap then cut from each donor's (already capped) total, summed
 * @param baseFen what the tiers apply to
 * @param tierIndex the highest tier whose threshold the base reached; -1 when the base is zero
 * @param rateBasisPoints FLAT: the reached tier's rate, applied to the whole base; MARGINAL or a zero base: {@code null},
 *     because no single rate applies (see {@code bands})
 * @param bands MARGINAL: the bands from tier 0 up to the reached tier, the top one possibly holding nothing when the base
 *     sits exactly on its threshold; FLAT: empty
 * @param computedFen the tiers' result, rounded down to the fen (MARGINAL rounds once, on the exact sum of the bands)
 * @param removedByProjectCapFen what the per-project cap cut
 * @param budgetAvailableFen what the pool could still give when the match was computed
 * @param removedByBudgetFen what the budget could not cover
 * @param finalFen the match the project receives
 * @param signalsByGiftId abuse signals by gift; they never change an amount
 */
public record MatchExplanation(MatchMode mode, int giftsConsidered, int giftsExcluded, Map<ExclusionReason, Integer> excludedByReason,
                               long receivedFen, long removedByDonationCapFen, long removedByDonorCapFen, long baseFen, int tierIndex,
                               Integer rateBasisPoints, List<Band> bands, long computedFen, long removedByProjectCapFen, long cappedFen,
                               long budgetAvailableFen, long removedByBudgetFen, long finalFen,
                               Map<String, Set<AbuseSignal>> signalsByGiftId) {

    public MatchExplanation {
        if (mode == null) {
            throw new IllegalStateException("an explanation must name its mode");
        }
        excludedByReason = copyReasons(excludedByReason);
        bands = List.copyOf(bands);
        signalsByGiftId = copySignals(signalsByGiftId);

        requireNonNegative("giftsConsidered", giftsConsidered);
        requireNonNegative("giftsExcluded", giftsExcluded);
        long excludedSum = 0;
        for (int count : excludedByReason.values()) {
            requireNonNegative("excludedByReason", count);
            excludedSum += count;
        }
        if (excludedSum != giftsExcluded || giftsExcluded > giftsConsidered) {
            throw new IllegalStateException("giftsExcluded " + giftsExcluded + " must equal the reasons' counts " + excludedByReason
                    + " and not exceed giftsConsidered " + giftsConsidered);
        }
        requireNonNegative("receivedFen", receivedFen);
        requireNonNegative("removedByDonationCapFen", removedByDonationCapFen);
        requireNonNegative("removedByDonorCapFen", removedByDonorCapFen);
        requireNonNegative("baseFen", baseFen);
        requireNonNegative("computedFen", computedFen);
        requireNonNegative("removedByProjectCapFen", removedByProjectCapFen);
        requireNonNegative("cappedFen", cappedFen);
        requireNonNegative("budgetAvailableFen", budgetAvailableFen);
        requireNonNegative("removedByBudgetFen", removedByBudgetFen);
        requireNonNegative("finalFen", finalFen);
        if (Math.subtractExact(Math.subtractExact(receivedFen, removedByDonationCapFen), removedByDonorCapFen) != baseFen) {
            throw new IllegalStateException("received " + receivedFen + " - donation cap " + removedByDonationCapFen + " - donor cap "
                    + removedByDonorCapFen + " must equal base " + baseFen);
        }
        if (computedFen - removedByProjectCapFen != cappedFen) {
            throw new IllegalStateException("computed " + computedFen + " - project cap " + removedByProjectCapFen + " must equal capped " + cappedFen);
        }
        if (cappedFen - removedByBudgetFen != finalFen) {
            throw new IllegalStateException("capped " + cappedFen + " - budget " + removedByBudgetFen + " must equal final " + finalFen);
        }
        if (finalFen > budgetAvailableFen) {
            throw new IllegalStateException("final " + finalFen + " must not exceed the budget available " + budgetAvailableFen);
        }
        // With every rate at most 1, a match larger than its base would mean the arithmetic went wrong.
        if (computedFen > baseFen) {
            throw new IllegalStateException("computed " + computedFen + " must not exceed base " + baseFen);
        }
        if ((tierIndex == -1) != (baseFen == 0) || tierIndex < -1 || tierIndex >= MatchRule.TIERS_MAX) {
            throw new IllegalStateException("tierIndex must be -1 exactly when the base is zero: tier " + tierIndex + ", base " + baseFen);
        }
        if (mode == MatchMode.FLAT || baseFen == 0) {
            if (!bands.isEmpty() || (rateBasisPoints == null) != (baseFen == 0)) {
                throw new IllegalStateException("a FLAT explanation has one rate when the base is positive and no bands: rate "
                        + rateBasisPoints + ", " + bands.size() + " bands, base " + baseFen);
            }
        } else {
            requireBands(bands, tierIndex, baseFen, computedFen);
            if (rateBasisPoints != null) {
                throw new IllegalStateException("a MARGINAL explanation has no single rate: " + rateBasisPoints);
            }
        }
    }

    /** The gifts that add to the base. */
    public int giftsCounted() {
        return giftsConsidered - giftsExcluded;
    }

    /** The same explanation with these abuse signals attached; the amounts stay as they are. */
    public MatchExplanation withSignals(Map<String, Set<AbuseSignal>> signals) {
        return new MatchExplanation(mode, giftsConsidered, giftsExcluded, excludedByReason, receivedFen, removedByDonationCapFen,
                removedByDonorCapFen, baseFen, tierIndex, rateBasisPoints, bands, computedFen, removedByProjectCapFen, cappedFen,
                budgetAvailableFen, removedByBudgetFen, finalFen, signals);
    }

    private static void requireBands(List<Band> bands, int tierIndex, long baseFen, long computedFen) {
        if (bands.size() != tierIndex + 1) {
            throw new IllegalStateException("a MARGINAL explanation lists the bands up to the reached tier " + tierIndex + ": " + bands.size());
        }
        long amountSum = 0;
        long matchSum = 0;
        long expectedFrom = 0;
        for (Band band : bands) {
            if (band.fromFen() != expectedFrom) {
                throw new IllegalStateException("bands must follow each other without gap: " + bands);
            }
            expectedFrom = band.toFen() == null ? -1 : band.toFen();
            amountSum = Math.addExact(amountSum, band.amountInBandFen());
            matchSum = Math.addExact(matchSum, band.matchInBandFen());
        }
        if (amountSum != baseFen || matchSum != computedFen) {
            throw new IllegalStateException("the bands must hold the base " + baseFen + " and add up to the computed match " + computedFen
                    + ": " + amountSum + ", " + matchSum);
        }
    }

    private static Map<ExclusionReason, Integer> copyReasons(Map<ExclusionReason, Integer> counts) {
        // Every reason is present, zero included, so a reader (or a JSON client) never guesses what a missing key means.
        EnumMap<ExclusionReason, Integer> copy = new EnumMap<>(ExclusionReason.class);
        for (ExclusionReason reason : ExclusionReason.values()) {
            Integer count = counts == null ? null : counts.get(reason);
            copy.put(reason, count == null ? 0 : count);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, Set<AbuseSignal>> copySignals(Map<String, Set<AbuseSignal>> signals) {
        if (signals == null) {
            return Map.of();
        }
        Map<String, Set<AbuseSignal>> copy = new LinkedHashMap<>();
        signals.forEach((giftId, set) -> {
            if (giftId == null || set == null || set.isEmpty()) {
                throw new IllegalStateException("a signalled gift has an id and at least one signal: " + giftId + " " + set);
            }
            copy.put(giftId, Collections.unmodifiableSet(EnumSet.copyOf(set)));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalStateException(name + " must not be negative: " + value);
        }
    }
}
