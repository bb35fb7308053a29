package org.mingzhang.matching;

import java.time.Instant;
import org.mingzhang.money.Money;

/**
 * The calculator's view of one gift to a project: a positive amount of at most {@link Money#FEN_MAX}, a
 * donor key that is the same for every gift of the same donor, and a refund that, when there is one,
 * comes no earlier than the gift itself.
 *
 * @param amountFen what the gift brought in; for a gift in kind, its valuation
 * @param donorKey identifies the donor across gifts (the API's rule: the same {@code idNumber} or
 *     {@code creditCode}, else {@code phone}, else {@code name})
 * @param donorName the name the donor gave, as recorded; {@code null} when none was recorded
 * @param receivedAt when the money (or the goods) arrived; pledges are not gifts here
 * @param inKind whether the gift is goods or services at a valuation rather than money
 * @param refundedAt when the gift was refunded; {@code null} while it stands
 */
public record MatchableGift(String giftId, long amountFen, String donorKey, String donorName, Instant receivedAt, boolean inKind,
                            Instant refundedAt) {

    public MatchableGift {
        if (giftId == null || giftId.isEmpty()) {
            throw new IllegalArgumentException("giftId must not be empty: " + giftId);
        }
        if (amountFen <= 0 || amountFen > Money.FEN_MAX) {
            throw new IllegalArgumentException("gift " + giftId + " amount must be between 0.01 and " + Money.format(Money.FEN_MAX) + ": "
                    + amountFen + " fen");
        }
        // Without a key the donor cap could not be applied, so a caller must say who gave (an anonymous gift gets its own key).
        if (donorKey == null || donorKey.isEmpty()) {
            throw new IllegalArgumentException("gift " + giftId + " donorKey must not be empty: " + donorKey);
        }
        if (receivedAt == null) {
            throw new IllegalArgumentException("gift " + giftId + " receivedAt must be given");
        }
        if (refundedAt != null && refundedAt.isBefore(receivedAt)) {
            throw new IllegalArgumentException("gift " + giftId + " refundedAt must not be before receivedAt: " + refundedAt + " < " + receivedAt);
        }
    }

    /** A money gift that stands: not in kind, not refunded. */
    public static MatchableGift of(String giftId, long amountFen, String donorKey, Instant receivedAt) {
        return new MatchableGift(giftId, amountFen, donorKey, null, receivedAt, false, null);
    }

    public boolean refunded() {
        return refundedAt != null;
    }

    public MatchableGift withDonorName(String name) {
        return new MatchableGift(giftId, amountFen, donorKey, name, receivedAt, inKind, refundedAt);
    }

    public MatchableGift asInKind() {
        return new MatchableGift(giftId, amountFen, donorKey, donorName, receivedAt, true, refundedAt);
    }

    public MatchableGift refundedAt(Instant when) {
        return new MatchableGift(giftId, amountFen, donorKey, donorName, receivedAt, inKind, when);
    }
}
