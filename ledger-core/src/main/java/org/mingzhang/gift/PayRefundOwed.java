package org.mingzhang.gift;

import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.money.Money;
import org.mingzhang.user.Actor;

/**
 * Pay the donor what a refund left owed (settle 其他应付款 2209: Dr 2209 / Cr 1002): {@code amountFen} of it, or (null)
 * all of it. The fund pays from its own cash, never from what its projects hold.
 */
public record PayRefundOwed(String idempotencyKey, Actor by, long giftId, Long amountFen, String note) implements LedgerCommand<Gift> {

    public PayRefundOwed {
        LedgerLimits.requireKey(idempotencyKey);
        if (amountFen != null && (amountFen <= 0 || amountFen > Money.FEN_MAX)) {
            throw new IllegalArgumentException("a payment's amount is positive: " + amountFen);
        }
        if (note != null && (note.isBlank() || note.length() > RefundGift.REASON_LENGTH_MAX)) {
            throw new IllegalArgumentException("a payment's note has 1 to " + RefundGift.REASON_LENGTH_MAX + " characters");
        }
    }

    @Override
    public String requestHash() {
        return new Canonical().add("PayRefundOwed").add(giftId).add(amountFen == null ? "all" : amountFen.toString())
                .add(note == null ? "" : note).sha256();
    }
}
