package org.mingzhang.api.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mingzhang.api.Limits;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Times;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.Rate;
import org.mingzhang.matching.RateFormatException;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.Tier;
import org.mingzhang.money.Money;
import org.mingzhang.money.MoneyFormatException;

/**
 * Reads a pool's rule from a request. It checks every invariant that {@link MatchRule} and {@link Tier}
 * assert, with the same words, and names the field that breaks it ({@code tiers[2].minRaised}), so that
 * user input answers 400 and never reaches the core's constructors in a shape that would throw.
 */
final class PoolInput {

    private PoolInput() {
    }

    /** The rule, or null after recording in {@code input} everything wrong with the request. */
    static MatchRule rule(CreatePoolRequest request, Input input) {
        MatchMode mode = mode(request.mode(), input);
        List<Tier> tiers = tiers(request.tiers(), input);
        Long perProjectCapFen = cap(request.perProjectCap(), "perProjectCap", input);
        Long perDonationCapFen = cap(request.perDonationCap(), "perDonationCap", input);
        Long perDonorCapFen = cap(request.perDonorCap(), "perDonorCap", input);
        Set<String> categories = categories(request.eligibleCategories(), input);
        Set<String> funds = funds(request.eligibleFunds(), input);
        Instant opensAt = windowEnd(request.opensAt(), "opensAt", input);
        Instant closesAt = windowEnd(request.closesAt(), "closesAt", input);
        if (opensAt != null && closesAt != null && closesAt.isBefore(opensAt)) {
            input.fail("closesAt", "must not be before opensAt (" + request.opensAt() + "): " + request.closesAt());
        }
        boolean inKindEligible = request.inKindEligible() != null && request.inKindEligible();
        if (!input.valid()) {
            return null;
        }
        return new MatchRule(mode, tiers, perProjectCapFen, perDonationCapFen, perDonorCapFen, inKindEligible, opensAt, closesAt,
                categories, funds);
    }

    static SettlementMode settlement(String text, Input input) {
        return input.oneOf(SettlementMode.class, text, "settlement");
    }

    private static MatchMode mode(String text, Input input) {
        return input.oneOf(MatchMode.class, text, "mode");
    }

    /**
     * The tiers, each read on its own first and then against the one before it: from 0.00, thresholds
     * strictly increasing, rates never falling (the more raised, the more matched).
     */
    private static List<Tier> tiers(List<TierRequest> requests, Input input) {
        List<Tier> tiers = new ArrayList<>();
        if (requests == null) {
            input.fail("tiers", "is required");
            return tiers;
        }
        if (requests.isEmpty() || requests.size() > MatchingLimits.TIERS_MAX) {
            input.fail("tiers", "must have 1 to " + MatchingLimits.TIERS_MAX + " tiers (tiersMax): it has " + requests.size());
            return tiers;
        }
        Long[] minRaisedFen = new Long[requests.size()];
        Integer[] rateBasisPoints = new Integer[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            String at = "tiers[" + i + "]";
            TierRequest tier = requests.get(i);
            if (tier == null) {
                input.fail(at, "is required");
                continue;
            }
            minRaisedFen[i] = amount(tier.minRaised(), at + ".minRaised", input);
            rateBasisPoints[i] = rate(tier.rate(), at + ".rate", input);
        }
        if (minRaisedFen[0] != null && minRaisedFen[0] != 0) {
            // Without a tier from zero, a base below the first threshold would have no rate at all.
            input.fail("tiers[0].minRaised", "must be 0.00: " + requests.get(0).minRaised());
        }
        for (int i = 1; i < requests.size(); i++) {
            if (minRaisedFen[i] != null && minRaisedFen[i - 1] != null && minRaisedFen[i] <= minRaisedFen[i - 1]) {
                input.fail("tiers[" + i + "].minRaised", "must be greater than tiers[" + (i - 1) + "].minRaised: "
                        + Money.format(minRaisedFen[i]) + " <= " + Money.format(minRaisedFen[i - 1]));
            }
            if (rateBasisPoints[i] != null && rateBasisPoints[i - 1] != null && rateBasisPoints[i] < rateBasisPoints[i - 1]) {
                input.fail("tiers[" + i + "].rate", "must not be lower than tiers[" + (i - 1) + "].rate: "
                        + Rate.format(rateBasisPoints[i]) + " < " + Rate.format(rateBasisPoints[i - 1]));
            }
        }
        for (int i = 0; i < requests.size() && input.valid(); i++) {
            tiers.add(new Tier(minRaisedFen[i], rateBasisPoints[i]));
        }
        return tiers;
    }

    /** An amount that may be zero (a threshold), or null after recording why it is not one. */
    private static Long amount(String text, String field, Input input) {
        if (text == null) {
            input.fail(field, "is required");
            return null;
        }
        try {
            return Money.parse(text).fen();
        } catch (MoneyFormatException e) {
            input.fail(field, e.getMessage());
            return null;
        }
    }

    private static Integer rate(String text, String field, Input input) {
        if (text == null) {
            input.fail(field, "is required");
            return null;
        }
        try {
            return Rate.parseRate(text);
        } catch (RateFormatException e) {
            input.fail(field, e.getMessage());
            return null;
        }
    }

    /** An optional cap: absent is no cap; present, it is a positive amount (a zero cap would switch matching off unseen). */
    private static Long cap(String text, String field, Input input) {
        if (text == null) {
            return null;
        }
        long fen = input.positiveAmount(text, field);
        return fen > 0 ? fen : null;
    }

    private static Set<String> categories(List<String> categories, Input input) {
        Set<String> read = new LinkedHashSet<>();
        if (categories == null) {
            return read;
        }
        if (categories.size() > MatchingLimits.ELIGIBLE_CATEGORIES_MAX) {
            input.fail("eligibleCategories", "must have at most " + MatchingLimits.ELIGIBLE_CATEGORIES_MAX
                    + " entries (eligibleCategoriesMax): it has " + categories.size());
            return read;
        }
        for (int i = 0; i < categories.size(); i++) {
            String category = input.text(categories.get(i), "eligibleCategories[" + i + "]", MatchingLimits.CATEGORY_CHARS_MAX);
            if (category != null) {
                read.add(category);
            }
        }
        return read;
    }

    private static Set<String> funds(List<String> funds, Input input) {
        Set<String> read = new LinkedHashSet<>();
        if (funds == null) {
            return read;
        }
        if (funds.size() > MatchingLimits.ELIGIBLE_FUNDS_MAX) {
            input.fail("eligibleFunds", "must have at most " + MatchingLimits.ELIGIBLE_FUNDS_MAX
                    + " entries (eligibleFundsMax): it has " + funds.size());
            return read;
        }
        for (int i = 0; i < funds.size(); i++) {
            String code = input.code(funds.get(i), "eligibleFunds[" + i + "]", Limits.FUND_CODE_CHARS_MAX);
            if (code != null) {
                read.add(code);
            }
        }
        return read;
    }

    /**
     * One end of the window: required, with an offset, in a four-digit year, cut to the precision storage
     * keeps so that the rule the writer holds and the one read back later are the same.
     */
    private static Instant windowEnd(String text, String field, Input input) {
        if (text == null) {
            input.fail(field, "is required");
            return null;
        }
        Instant at = Times.parseTime(text, field, input);
        if (at == null) {
            return null;
        }
        return at.truncatedTo(Times.STORED_PRECISION);
    }
}
