package org.mingzhang.matching;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@link AbuseSignal patterns} in one project's gifts that a person should look at. Detection is
 * a pure function of its inputs and never blocks or changes a match; it only flags gifts.
 *
 * <p>Only gifts that could have entered a match are looked at: received inside the rule's window, and not
 * in kind unless the rule counts gifts in kind. Refunded gifts are looked at too, because a refund after
 * settlement does not undo the match it was counted in.
 */
public final class AbuseSignals {

    /** How many small gifts from one donor make a split. */
    public static final int SPLIT_GIFTS_MIN = 3;
    /** How close together (first to last, inclusive) those gifts must be. */
    public static final Duration SPLIT_WINDOW = Duration.ofHours(24);
    /** Without a per-donation cap, a gift is small when it is below the top threshold divided by this. */
    public static final long SMALL_GIFT_DIVISOR = 10;

    private AbuseSignals() {
    }

    /**
     * Flags each gift with the signals it shows; gifts that show none are absent from the answer.
     *
     * <ul>
     *   <li>{@link AbuseSignal#SPLIT_GIFTS}: one donor (the same {@code donorKey}) made at least
     *     {@link #SPLIT_GIFTS_MIN} small gifts whose received times lie within {@link #SPLIT_WINDOW} of each
     *     other (from the first to the last of them, both ends included); every gift in such a run is
     *     flagged. A gift is small when it is at or below the per-donation cap if the rule has one (splitting
     *     a large gift is how one dodges that cap); without a cap, when it is below one tenth of the top
     *     tier's threshold (many small gifts are how one fakes a crowd to reach a tier). A rule with a single
     *     tier and no per-donation cap has nothing to dodge, so it flags no split.</li>
     *   <li>{@link AbuseSignal#REFUNDED_AFTER_SETTLEMENT}: the project's match was settled at
     *     {@code settledAt}, the gift was received at or before it (so the settlement counted it) and was
     *     refunded at or after it. A refund at the very instant of settlement is flagged, since one cannot
     *     tell which came first.</li>
     *   <li>{@link AbuseSignal#FROM_PROJECT_TEAM}: the donor's name equals a team member's name once both
     *     are compared in Unicode NFKC form, without whitespace and in lower case, so that {@code "张 三"},
     *     {@code "张三"} and full-width Latin letters compare equal. A gift without a donor name is never
     *     flagged.</li>
     * </ul>
     *
     * @param gifts the project's gifts, each id once
     * @param teamNames the names of the project's execution team
     * @param settledAt when the project's match settled; {@code null} if it has not
     * @return gift id to its signals, in the order the gifts were given
     */
    public static Map<String, Set<AbuseSignal>> detect(MatchRule rule, List<MatchableGift> gifts, Set<String> teamNames,
                                                       Instant settledAt) {
        Map<String, EnumSet<AbuseSignal>> flags = new LinkedHashMap<>();
        List<MatchableGift> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MatchableGift gift : gifts) {
            if (!seen.add(gift.giftId())) {
                throw new IllegalArgumentException("gift " + gift.giftId() + " must be given once");
            }
            flags.put(gift.giftId(), EnumSet.noneOf(AbuseSignal.class));
            if (rule.inWindow(gift.receivedAt()) && (!gift.inKind() || rule.inKindEligible())) {
                candidates.add(gift);
            }
        }

        Set<String> team = new HashSet<>();
        for (String name : teamNames) {
            String normal = normalName(name);
            if (!normal.isEmpty()) {
                team.add(normal);
            }
        }
        Map<String, List<MatchableGift>> smallByDonor = new LinkedHashMap<>();
        for (MatchableGift gift : candidates) {
            if (settledAt != null && gift.refunded() && !gift.receivedAt().isAfter(settledAt) && !gift.refundedAt().isBefore(settledAt)) {
                flags.get(gift.giftId()).add(AbuseSignal.REFUNDED_AFTER_SETTLEMENT);
            }
            if (gift.donorName() != null && team.contains(normalName(gift.donorName()))) {
                flags.get(gift.giftId()).add(AbuseSignal.FROM_PROJECT_TEAM);
            }
            if (isSmall(rule, gift)) {
                smallByDonor.computeIfAbsent(gift.donorKey(), k -> new ArrayList<>()).add(gift);
            }
        }
        for (List<MatchableGift> small : smallByDonor.values()) {
            small.sort(Comparator.comparing(MatchableGift::receivedAt));
            // Any run of SPLIT_GIFTS_MIN consecutive gifts (by time) inside the window marks all of them; a longer
            // burst is covered by its overlapping runs.
            for (int i = 0; i + SPLIT_GIFTS_MIN - 1 < small.size(); i++) {
                MatchableGift first = small.get(i);
                MatchableGift last = small.get(i + SPLIT_GIFTS_MIN - 1);
                if (Duration.between(first.receivedAt(), last.receivedAt()).compareTo(SPLIT_WINDOW) <= 0) {
                    for (int j = i; j < i + SPLIT_GIFTS_MIN; j++) {
                        flags.get(small.get(j).giftId()).add(AbuseSignal.SPLIT_GIFTS);
                    }
                }
            }
        }

        Map<String, Set<AbuseSignal>> answer = new LinkedHashMap<>();
        flags.forEach((giftId, signals) -> {
            if (!signals.isEmpty()) {
                answer.put(giftId, Collections.unmodifiableSet(signals));
            }
        });
        return Collections.unmodifiableMap(answer);
    }

    private static boolean isSmall(MatchRule rule, MatchableGift gift) {
        if (rule.perDonationCapFen() != null) {
            return gift.amountFen() <= rule.perDonationCapFen();
        }
        // amount < top / 10 in exact terms is amount × 10 < top; amounts are at most FEN_MAX, so × 10 fits a long.
        return Math.multiplyExact(gift.amountFen(), SMALL_GIFT_DIVISOR) < rule.topThresholdFen();
    }

    private static String normalName(String name) {
        if (name == null) {
            return "";
        }
        String normal = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(normal.length());
        normal.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
