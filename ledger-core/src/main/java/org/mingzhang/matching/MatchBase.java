package org.mingzhang.matching;

import java.util.EnumMap;
import java.util.Map;

/**
 * The first half of a match, up to the base the tiers apply to: how many gifts were considered and excluded (by
 * reason), what the rest brought, and what the per-donation and per-donor caps cut. It is the part of
 * {@link MatchCalculator#explain} that depends on every gift; the rest depends on the base alone. Kept as a running
 * tally ({@link Tally}), it lets the writer and the reads know a project's match without a pass over its gifts.
 *
 * @param excludedByReason how many gifts each reason excluded (every reason present)
 */
public record MatchBase(int giftsConsidered, Map<ExclusionReason, Integer> excludedByReason, long receivedFen,
                        long removedByDonationCapFen, long removedByDonorCapFen, long baseFen) {

    public static final MatchBase EMPTY = new MatchBase(0, new EnumMap<>(ExclusionReason.class), 0, 0, 0, 0);

    public MatchBase {
        Map<ExclusionReason, Integer> all = new EnumMap<>(ExclusionReason.class);
        for (ExclusionReason r : ExclusionReason.values()) {
            all.put(r, excludedByReason.getOrDefault(r, 0));
        }
        excludedByReason = java.util.Collections.unmodifiableMap(all);
    }

    public int giftsExcluded() {
        return excludedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * What one gift adds to a project's base, under a rule: excluded for a reason, or counted for its amount after the
     * per-donation cap. A function of the gift and the rule alone, so a gift's part can be taken back exactly.
     */
    public record Part(ExclusionReason excludedBy, long receivedFen, long countedFen) {

        public static Part of(MatchRule rule, MatchableGift gift) {
            ExclusionReason reason = MatchCalculator.exclusion(rule, gift);
            if (reason != null) {
                return new Part(reason, 0, 0);
            }
            long counted = rule.perDonationCapFen() == null ? gift.amountFen() : Math.min(gift.amountFen(), rule.perDonationCapFen());
            return new Part(null, gift.amountFen(), counted);
        }
    }

    /**
     * A project's base kept up to date gift by gift. The per-donor cap needs each donor's counted sum: the caller keeps
     * those (the writer in projection rows read ahead per batch) and passes the donor's sum before the change.
     */
    public static final class Tally {
        private int giftsConsidered;
        private final Map<ExclusionReason, Integer> excluded = new EnumMap<>(ExclusionReason.class);
        private long receivedFen;
        private long removedByDonationCapFen;
        private long removedByDonorCapFen;
        private long baseFen;

        public Tally() {
        }

        public Tally(MatchBase from) {
            giftsConsidered = from.giftsConsidered();
            excluded.putAll(from.excludedByReason());
            receivedFen = from.receivedFen();
            removedByDonationCapFen = from.removedByDonationCapFen();
            removedByDonorCapFen = from.removedByDonorCapFen();
            baseFen = from.baseFen();
        }

        /**
         * Adds ({@code sign} 1) or takes back ({@code sign} -1) one gift's part.
         *
         * @param donorCountedFen the donor's counted sum in this project before the change
         * @return the donor's counted sum after it
         */
        public long apply(MatchRule rule, Part part, long donorCountedFen, int sign) {
            giftsConsidered += sign;
            if (part.excludedBy() != null) {
                excluded.merge(part.excludedBy(), sign, Integer::sum);
                return donorCountedFen;
            }
            receivedFen = Math.addExact(receivedFen, sign * part.receivedFen());
            removedByDonationCapFen += sign * (part.receivedFen() - part.countedFen());
            long after = Math.addExact(donorCountedFen, sign * part.countedFen());
            long before = donorCountedFen;
            long cap = rule.perDonorCapFen() == null ? Long.MAX_VALUE : rule.perDonorCapFen();
            baseFen += Math.min(after, cap) - Math.min(before, cap);
            removedByDonorCapFen += (after - Math.min(after, cap)) - (before - Math.min(before, cap));
            return after;
        }

        public MatchBase base() {
            return new MatchBase(giftsConsidered, excluded, receivedFen, removedByDonationCapFen, removedByDonorCapFen, baseFen);
        }
    }
}
