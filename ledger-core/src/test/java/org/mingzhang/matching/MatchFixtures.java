package org.mingzhang.matching;

import java.time.Instant;
import java.util.List;

/** The rule of API.md's example pool and a few helpers, so each scenario states only what it changes. */
final class MatchFixtures {

    static final Instant OPENS_AT = Instant.parse("2026-05-01T00:00:00+08:00");
    static final Instant CLOSES_AT = Instant.parse("2026-06-30T23:59:59+08:00");
    static final Instant DURING = Instant.parse("2026-05-10T10:00:00+08:00");

    /** API.md's tiers: 0 → 10%, 10,000.00 → 20%, 30,000.00 → 30%, 50,000.00 → 50%. */
    static final List<Tier> API_TIERS = List.of(
            Tier.parse("0.00", "0.10"), Tier.parse("10000.00", "0.20"),
            Tier.parse("30000.00", "0.30"), Tier.parse("50000.00", "0.50"));

    private MatchFixtures() {
    }

    static MatchRule rule(MatchMode mode) {
        return MatchRule.of(mode, API_TIERS, OPENS_AT, CLOSES_AT);
    }

    static long yuan(String text) {
        return org.mingzhang.money.Money.parse(text).fen();
    }

    static MatchableGift gift(String id, String amount, String donorKey) {
        return MatchableGift.of(id, yuan(amount), donorKey, DURING);
    }

    /** One gift of the given amount from its own donor, so no donor cap interferes. */
    static List<MatchableGift> base(String amount) {
        return List.of(gift("g1", amount, "donor-1"));
    }
}
