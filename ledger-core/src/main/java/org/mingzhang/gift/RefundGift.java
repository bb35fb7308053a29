package org.mingzhang.gift;

import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/** Refund a gift: its transaction is reversed (never deleted) and the gift is marked refunded. */
public record RefundGift(String idempotencyKey, Actor by, long giftId, String reason) implements LedgerCommand<Gift> {

    /** The reversal's reason carries a short prefix naming the receipt, within the journal's own limit. */
    public static final int REASON_LENGTH_MAX = 300;

    public RefundGift {
        LedgerLimits.requireKey(idempotencyKey);
        if (reason == null || reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
            throw new IllegalArgumentException("a refund's reason has 1 to " + REASON_LENGTH_MAX + " characters");
        }
    }

    @Override
    public String requestHash() {
        return new Canonical().add("RefundGift").add(giftId).add(reason).sha256();
    }
}
