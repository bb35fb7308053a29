package org.mingzhang.gift;

import java.time.Instant;

/**
 * One step of giving a gift back, named by the journal transaction that booked it. A REFUND gives back
 * {@code amountFen}: {@code returnedFen} paid back now from the gift's own money, and {@code owedFen}, money already
 * spent, owed to the donor (Dr 5201 / Cr 2209 for a restricted gift, Dr 4101 / Cr 2209 for an unrestricted one). A
 * PAYMENT pays {@code amountFen} of what was owed (Dr 2209 / Cr 1002).
 */
public record GiftRefund(long transactionId, long giftId, Kind kind, String idempotencyKey, String requestHash, long amountFen,
                         long returnedFen, long owedFen, String reason, String recordedBy, Instant recordedAt) {

    public enum Kind { REFUND, PAYMENT }

    public GiftRefund {
        if (amountFen <= 0 || returnedFen < 0 || owedFen < 0 || returnedFen + owedFen != amountFen
                || (kind == Kind.PAYMENT && owedFen != 0)) {
            throw new IllegalArgumentException("a refund of " + amountFen + " fen returns " + returnedFen + " and owes " + owedFen);
        }
    }
}
