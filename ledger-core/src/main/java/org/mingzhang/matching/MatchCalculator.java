package org.mingzhang.matching;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed-fund match (配捐) as pure functions of a rule, a project's gifts and a budget. Guarantees: the
 * match is computed with integer arithmetic only and rounded DOWN to the fen, so the pool is never
 * overspent by rounding; it never exceeds the per-project cap nor the budget available; more base never
 * gives less match; and a MARGINAL match never exceeds the FLAT match of the same base.
 */
public final class MatchCalculator {

    private static final long BASIS = Rate.BASIS_POINTS_MAX;

    private MatchCalculator() {
    }

    /**
     * Explains one project's match. The steps, in order: leave out refunded gifts, then gifts received
     * outside {@code [opensAt, closesAt]}, then gifts in kind unless the rule counts them (a gift is counted
     * under the first reason that excludes it); cut each remaining gift to the per-donation cap; cut each
     * donor's total of those capped gifts to the per-donor cap (donation cap first, so a donor cannot use
     * one large gift to fill the donor cap); sum what is left into the base; apply the tiers (FLAT: the
     * highest tier whose threshold the base reached gives the rate for the whole base; MARGINAL: each
     * band {@code [min_i, min_i+1)} is matched at its own rate), rounding down once to the fen; cut to the
     * per-project cap; cut to the budget available.
     *
     * <p>Whether the project may be matched at all ({@link MatchRule#admits}) is the caller's check: this
     * method explains the match of a project the rule admits.
     *
     * @param gifts the project's gifts, each id once
     * @param budgetAvailableFen what the pool can still give this project; never negative
     * @throws IllegalArgumentException if the budget is negative or a gift id repeats
     * @throws ArithmeticException if the gifts add up to more than a {@code long} holds (the ledger refuses far less)
     */
    public static MatchExplanation explain(MatchRule rule, List<MatchableGift> gifts, long budgetAvailableFen) {
        if (budgetAvailableFen < 0) {
            throw new IllegalArgumentException("budget available must not be negative: " + budgetAvailableFen + " fen");
        }
        return explain(rule, explainBase(rule, gifts), budgetAvailableFen);
    }

    /** The base of these gifts under the rule: the first half of {@link #explain(MatchRule, List, long)}. */
    public static MatchBase explainBase(MatchRule rule, List<MatchableGift> gifts) {
        Set<String> seen = new HashSet<>();
        MatchBase.Tally tally = new MatchBase.Tally();
        // Insertion order keeps the donor sums independent of hashing, though the result does not depend on order.
        Map<String, Long> byDonorFen = new LinkedHashMap<>();
        for (MatchableGift gift : gifts) {
            if (!seen.add(gift.giftId())) {
                throw new IllegalArgumentException("gift " + gift.giftId() + " must be given once; counting it twice would match it twice");
            }
            MatchBase.Part part = MatchBase.Part.of(rule, gift);
            long before = byDonorFen.getOrDefault(gift.donorKey(), 0L);
            byDonorFen.put(gift.donorKey(), tally.apply(rule, part, before, 1));
        }
        return tally.base();
    }

    /**
     * Explains a match from its base ({@link MatchBase}: the gifts already counted and capped, as a running tally keeps
     * them): the tiers, the per-project cap and the budget. The same figures as {@link #explain(MatchRule, List, long)}
     * gives for the gifts the base was counted from.
     */
    public static MatchExplanation explain(MatchRule rule, MatchBase base, long budgetAvailableFen) {
        if (budgetAvailableFen < 0) {
            throw new IllegalArgumentException("budget available must not be negative: " + budgetAvailableFen + " fen");
        }
        long baseFen = base.baseFen();
        int tierIndex = tierReached(rule, baseFen);
        Integer rateBasisPoints = null;
        List<Band> bands = List.of();
        long computedFen;
        if (tierIndex < 0) {
            computedFen = 0;
        } else if (rule.mode() == MatchMode.FLAT) {
            rateBasisPoints = rule.tiers().get(tierIndex).rateBasisPoints();
            computedFen = flatFen(baseFen, rateBasisPoints);
        } else {
            bands = marginalBands(rule, baseFen, tierIndex);
            computedFen = 0;
            for (Band band : bands) {
                computedFen += band.matchInBandFen();
            }
        }
        long cappedFen = rule.perProjectCapFen() == null ? computedFen : Math.min(computedFen, rule.perProjectCapFen());
        long finalFen = Math.min(cappedFen, budgetAvailableFen);
        return new MatchExplanation(rule.mode(), base.giftsConsidered(), base.giftsExcluded(), base.excludedByReason(),
                base.receivedFen(), base.removedByDonationCapFen(), base.removedByDonorCapFen(), baseFen, tierIndex, rateBasisPoints, bands, computedFen, computedFen - cappedFen, cappedFen,
                budgetAvailableFen, cappedFen - finalFen, finalFen, Map.of());
    }

    /**
     * The tiers' match of a base, before any cap: rounded down to the fen, for either mode. This is the
     * number {@link #explain} calls {@code computedFen}.
     */
    public static long computeFen(MatchRule rule, long baseFen) {
        if (baseFen < 0) {
            throw new IllegalArgumentException("base must not be negative: " + baseFen + " fen");
        }
        int tierIndex = tierReached(rule, baseFen);
        if (tierIndex < 0) {
            return 0;
        }
        if (rule.mode() == MatchMode.FLAT) {
            return flatFen(baseFen, rule.tiers().get(tierIndex).rateBasisPoints());
        }
        long sum = 0;
        for (Band band : marginalBands(rule, baseFen, tierIndex)) {
            sum += band.matchInBandFen();
        }
        return sum;
    }

    /**
     * Shares a pool's budget among projects that settle together ({@code PRO_RATA_AT_POOL_CLOSE}). If the
     * capped matches fit in the budget, every project gets its capped match. Otherwise each gets
     * {@code floor(capped_i × budget / sum)}, computed exactly, so the shares never add up to more than
     * the budget and no share exceeds its capped match. Rounding down leaves a remainder,
     * {@code budget − sum of shares}, always less than the number of projects with a positive match; it
     * stays in the pool and goes back to the sponsor with the rest of the unused budget when the pool
     * closes. It is not handed out by any tie-break, so no project is favoured by its position in the list.
     *
     * @param cappedFen each project's match after its per-project cap, in any order; the shares come back in the same order
     */
    public static List<Long> proRata(List<Long> cappedFen, long budgetAvailableFen) {
        if (budgetAvailableFen < 0) {
            throw new IllegalArgumentException("budget available must not be negative: " + budgetAvailableFen + " fen");
        }
        // BigInteger because capped × budget can pass 2^63 for large pools; the list is short, the cost is nothing.
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < cappedFen.size(); i++) {
            Long fen = cappedFen.get(i);
            if (fen == null || fen < 0) {
                throw new IllegalArgumentException("cappedFen[" + i + "] must not be negative: " + fen);
            }
            sum = sum.add(BigInteger.valueOf(fen));
        }
        BigInteger budget = BigInteger.valueOf(budgetAvailableFen);
        if (sum.compareTo(budget) <= 0) {
            return List.copyOf(cappedFen);
        }
        List<Long> shares = new ArrayList<>(cappedFen.size());
        for (long fen : cappedFen) {
            // BigInteger.divide truncates, which for non-negative numbers is rounding down.
            shares.add(BigInteger.valueOf(fen).multiply(budget).divide(sum).longValueExact());
        }
        return Collections.unmodifiableList(shares);
    }

    /** The first reason, in the documented order, that keeps a gift out of the base; {@code null} when it counts. */
    static ExclusionReason exclusion(MatchRule rule, MatchableGift gift) {
        if (gift.refunded()) {
            return ExclusionReason.REFUNDED;
        }
        if (!rule.inWindow(gift.receivedAt())) {
            return ExclusionReason.OUTSIDE_WINDOW;
        }
        if (gift.inKind() && !rule.inKindEligible()) {
            return ExclusionReason.IN_KIND_NOT_ELIGIBLE;
        }
        return null;
    }

    /** The highest tier whose threshold the base reached, or -1 for a zero base: no money, no tier. */
    private static int tierReached(MatchRule rule, long baseFen) {
        if (baseFen == 0) {
            return -1;
        }
        int reached = 0;
        List<Tier> tiers = rule.tiers();
        for (int i = 1; i < tiers.size() && tiers.get(i).minRaisedFen() <= baseFen; i++) {
            reached = i;
        }
        return reached;
    }

    private static long flatFen(long baseFen, int rateBasisPoints) {
        // Split so nothing overflows: base = q × 10000 + r, and base × bp / 10000 = q × bp + r × bp / 10000 exactly,
        // where q × bp ≤ base and r × bp < 10^8.
        long q = baseFen / BASIS;
        long r = baseFen % BASIS;
        return Math.addExact(Math.multiplyExact(q, rateBasisPoints), r * rateBasisPoints / BASIS);
    }

    /**
     * The bands from tier 0 up to the reached tier. The exact match is the sum of amount × rate over the
     * bands, divided by 10000 and rounded down once. Each band's product is split as in {@link #flatFen}
     * into whole fen and a fraction in 1/10000 fen; the fractions are summed (at most 20 × 10^4, no overflow)
     * and their whole fen handed to the bands that lost the largest fractions, ties to the higher band,
     * so that the bands add up to the match.
     */
    private static List<Band> marginalBands(MatchRule rule, long baseFen, int tierIndex) {
        List<Tier> tiers = rule.tiers();
        int count = tierIndex + 1;
        long[] amounts = new long[count];
        long[] wholeFen = new long[count];
        long[] fractions = new long[count];
        long fractionSum = 0;
        for (int i = 0; i < count; i++) {
            long from = tiers.get(i).minRaisedFen();
            long top = i + 1 < tiers.size() ? Math.min(baseFen, tiers.get(i + 1).minRaisedFen()) : baseFen;
            amounts[i] = top - from;
            int bp = tiers.get(i).rateBasisPoints();
            long r = amounts[i] % BASIS;
            wholeFen[i] = Math.addExact(Math.multiplyExact(amounts[i] / BASIS, bp), r * bp / BASIS);
            fractions[i] = r * bp % BASIS;
            fractionSum += fractions[i];
        }
        long extraFen = fractionSum / BASIS;
        boolean[] topUp = new boolean[count];
        // extraFen is less than the number of bands with a fraction, so every fen lands on a band that lost one.
        for (long k = 0; k < extraFen; k++) {
            int best = -1;
            for (int i = 0; i < count; i++) {
                if (!topUp[i] && (best < 0 || fractions[i] >= fractions[best])) {
                    best = i;
                }
            }
            topUp[best] = true;
        }
        List<Band> bands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Long to = i + 1 < tiers.size() ? tiers.get(i + 1).minRaisedFen() : null;
            bands.add(new Band(tiers.get(i).minRaisedFen(), to, tiers.get(i).rateBasisPoints(), amounts[i],
                    wholeFen[i] + (topUp[i] ? 1 : 0)));
        }
        return List.copyOf(bands);
    }
}
