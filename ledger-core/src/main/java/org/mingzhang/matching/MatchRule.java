package org.mingzhang.matching;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mingzhang.money.Money;

/**
 * A pool's matching rule as data (配捐规则). A rule that exists is valid: 1 to {@link #TIERS_MAX} tiers, the
 * first from 0.00, thresholds strictly increasing and rates never decreasing (the more raised, the more
 * matched); every cap, when present, is a positive amount of at most {@link Money#FEN_MAX}; the window
 * does not close before it opens. Anything else is refused with an {@link IllegalArgumentException} whose
 * message names the field and the value.
 *
 * @param perProjectCapFen the most one project's match may be; {@code null} for no cap
 * @param perDonationCapFen the most one gift adds to the match base; {@code null} for no cap
 * @param perDonorCapFen the most one donor's gifts together add to a project's match base; {@code null} for no cap
 * @param inKindEligible whether gifts in kind (at their valuation) count towards the base
 * @param opensAt the first instant of the window of received time, inclusive
 * @param closesAt the last instant of the window of received time, inclusive
 * @param eligibleCategories the project categories the pool matches; empty matches every category
 * @param eligibleFundCodes the funds whose projects the pool matches; empty matches every fund
 */
public record MatchRule(MatchMode mode, List<Tier> tiers, Long perProjectCapFen, Long perDonationCapFen, Long perDonorCapFen,
                        boolean inKindEligible, Instant opensAt, Instant closesAt, Set<String> eligibleCategories,
                        Set<String> eligibleFundCodes) {

    /** Tiers per rule: more would be a table nobody checks by hand, and every tier becomes a band to explain. */
    public static final int TIERS_MAX = 20;
    public static final int ELIGIBLE_CATEGORIES_MAX = 100;
    public static final int ELIGIBLE_FUND_CODES_MAX = 1_000;
    /** A category as projects name it (the same limit as a project's category). */
    public static final int NAME_LENGTH_MAX = org.mingzhang.project.ProjectPlan.CATEGORY_LENGTH_MAX;

    public MatchRule {
        if (mode == null) {
            throw new IllegalArgumentException("mode must be FLAT or MARGINAL: null");
        }
        tiers = requireTiers(tiers);
        requireCap(perProjectCapFen, "perProjectCap");
        requireCap(perDonationCapFen, "perDonationCap");
        requireCap(perDonorCapFen, "perDonorCap");
        if (opensAt == null || closesAt == null) {
            throw new IllegalArgumentException("opensAt and closesAt must both be given: " + opensAt + " to " + closesAt);
        }
        if (closesAt.isBefore(opensAt)) {
            throw new IllegalArgumentException("closesAt must not be before opensAt: " + closesAt + " < " + opensAt);
        }
        eligibleCategories = requireNames(eligibleCategories, "eligibleCategories", ELIGIBLE_CATEGORIES_MAX, NAME_LENGTH_MAX);
        eligibleFundCodes = requireNames(eligibleFundCodes, "eligibleFundCodes", ELIGIBLE_FUND_CODES_MAX,
                org.mingzhang.journal.LedgerLimits.CODE_LENGTH_MAX);
    }

    /**
     * A rule with the given tiers and window and nothing else: no caps, gifts in kind not counted, every
     * category and fund eligible. The {@code with…} methods add the rest.
     */
    public static MatchRule of(MatchMode mode, List<Tier> tiers, Instant opensAt, Instant closesAt) {
        return new MatchRule(mode, tiers, null, null, null, false, opensAt, closesAt, Set.of(), Set.of());
    }

    /**
     * Whether a project of this category in this fund may be matched at all. A rule that names no category
     * (no fund) admits every category (fund); one that names some admits only those, and never a project
     * whose category (fund) is unknown.
     */
    public boolean admits(String category, String fundCode) {
        return (eligibleCategories.isEmpty() || (category != null && eligibleCategories.contains(category)))
                && (eligibleFundCodes.isEmpty() || (fundCode != null && eligibleFundCodes.contains(fundCode)));
    }

    /** Whether a gift received at this instant falls inside the window, both ends included. */
    public boolean inWindow(Instant receivedAt) {
        return !receivedAt.isBefore(opensAt) && !receivedAt.isAfter(closesAt);
    }

    /** The highest threshold: past it every further fen is matched at the top rate. */
    public long topThresholdFen() {
        return tiers.get(tiers.size() - 1).minRaisedFen();
    }

    public MatchRule withMode(MatchMode newMode) {
        return new MatchRule(newMode, tiers, perProjectCapFen, perDonationCapFen, perDonorCapFen, inKindEligible, opensAt, closesAt,
                eligibleCategories, eligibleFundCodes);
    }

    public MatchRule withPerProjectCapFen(Long capFen) {
        return new MatchRule(mode, tiers, capFen, perDonationCapFen, perDonorCapFen, inKindEligible, opensAt, closesAt,
                eligibleCategories, eligibleFundCodes);
    }

    public MatchRule withPerDonationCapFen(Long capFen) {
        return new MatchRule(mode, tiers, perProjectCapFen, capFen, perDonorCapFen, inKindEligible, opensAt, closesAt,
                eligibleCategories, eligibleFundCodes);
    }

    public MatchRule withPerDonorCapFen(Long capFen) {
        return new MatchRule(mode, tiers, perProjectCapFen, perDonationCapFen, capFen, inKindEligible, opensAt, closesAt,
                eligibleCategories, eligibleFundCodes);
    }

    public MatchRule withInKindEligible(boolean eligible) {
        return new MatchRule(mode, tiers, perProjectCapFen, perDonationCapFen, perDonorCapFen, eligible, opensAt, closesAt,
                eligibleCategories, eligibleFundCodes);
    }

    public MatchRule withEligibleCategories(Set<String> categories) {
        return new MatchRule(mode, tiers, perProjectCapFen, perDonationCapFen, perDonorCapFen, inKindEligible, opensAt, closesAt,
                categories, eligibleFundCodes);
    }

    public MatchRule withEligibleFundCodes(Set<String> fundCodes) {
        return new MatchRule(mode, tiers, perProjectCapFen, perDonationCapFen, perDonorCapFen, inKindEligible, opensAt, closesAt,
                eligibleCategories, fundCodes);
    }

    private static List<Tier> requireTiers(List<Tier> tiers) {
        if (tiers == null || tiers.isEmpty() || tiers.size() > TIERS_MAX) {
            throw new IllegalArgumentException("tiers must have 1 to " + TIERS_MAX + " tiers: " + (tiers == null ? 0 : tiers.size()));
        }
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i) == null) {
                throw new IllegalArgumentException("tiers[" + i + "] must not be null");
            }
        }
        Tier first = tiers.get(0);
        // Without a tier from zero, a base below the first threshold would have no rate at all.
        if (first.minRaisedFen() != 0) {
            throw new IllegalArgumentException("tiers[0].minRaised must be 0.00: " + Money.format(first.minRaisedFen()));
        }
        for (int i = 1; i < tiers.size(); i++) {
            Tier previous = tiers.get(i - 1);
            Tier tier = tiers.get(i);
            if (tier.minRaisedFen() <= previous.minRaisedFen()) {
                throw new IllegalArgumentException("tiers[" + i + "].minRaised must be greater than tiers[" + (i - 1) + "].minRaised: "
                        + Money.format(tier.minRaisedFen()) + " <= " + Money.format(previous.minRaisedFen()));
            }
            // A falling rate would make raising more give less (in FLAT mode), the opposite of the fund's promise.
            if (tier.rateBasisPoints() < previous.rateBasisPoints()) {
                throw new IllegalArgumentException("tiers[" + i + "].rate must not be lower than tiers[" + (i - 1) + "].rate: "
                        + Rate.format(tier.rateBasisPoints()) + " < " + Rate.format(previous.rateBasisPoints()));
            }
        }
        return List.copyOf(tiers);
    }

    private static void requireCap(Long capFen, String name) {
        // A zero cap would switch matching off in a way nobody reading the rule would guess; leave the pool out instead.
        if (capFen != null && (capFen <= 0 || capFen > Money.FEN_MAX)) {
            throw new IllegalArgumentException(name + " must be between 0.01 and " + Money.format(Money.FEN_MAX) + ": " + capFen + " fen");
        }
    }

    private static Set<String> requireNames(Collection<String> names, String field, int max, int lengthMax) {
        if (names == null) {
            return Set.of();
        }
        if (names.size() > max) {
            throw new IllegalArgumentException(field + " must have at most " + max + " entries: " + names.size());
        }
        // Kept in the caller's order, so the rule reads back as it was written.
        Set<String> copy = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(field + " must not hold an empty entry: " + names);
            }
            if (name.length() > lengthMax) {
                throw new IllegalArgumentException(field + " entries have at most " + lengthMax + " characters: " + name);
            }
            copy.add(name);
        }
        return Collections.unmodifiableSet(copy);
    }
}
