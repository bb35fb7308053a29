package org.mingzhang.gift;

import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.money.Money;
import org.mingzhang.user.Actor;

/**
 * Refund a gift, in whole or in part: {@code amountFen} of it, or (null) all that has not been refunded yet. What the
 * gift's money still holds goes back at once; what was already spent becomes an obligation to the donor.
 */
public record RefundGift(String idempotencyKey, Actor by, long giftId, String reason, Long amountFen) implements LedgerCommand<Gift> {

    /** The reversal's reason carries a short prefix naming the receipt, within the journal's own limit. */
    public static final int REASON_LENGTH_MAX = 300;

    public RefundGift {
        LedgerLimits.requireKey(idempotencyKey);
        if (reason == null || reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
            throw new IllegalArgumentException("a refund's reason has 1 to " + REASON_LENGTH_MAX + " characters");
        }
        if (amountFen != null && (amountFen <= 0 || amountFen > Money.FEN_MAX)) {
            throw new IllegalArgumentException("a refund's amount is positive: " + amountFen);
        }
    }

    /** The whole gift, or what is left of it. */
    public RefundGift(String idempotencyKey, Actor by, long giftId, String reason) {
        this(idempotencyKey, by, giftId, reason, null);
    }

    @Override
    public String requestHash() {
        return new Canonical().add("RefundGift").add(giftId).add(reason).add(amountFen == null ? "all" : amountFen.toString()).sha256();
    }
}
