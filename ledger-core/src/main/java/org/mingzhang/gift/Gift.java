package org.mingzhang.gift;

import java.time.Instant;

/**
 * One gift (捐赠): booked as one balanced transaction, numbered by a receipt number that has no gaps
 * within its fund and year, and findable by the public through a trace code that cannot be guessed.
 *
 * @param projectId the project it is restricted to (限定性), or null for the fund's unrestricted money
 * @param receivedAt when the money or goods arrived (the transaction's event time)
 * @param status REFUNDED once the whole gift has been refunded; a gift refunded in part stays RECEIVED
 * @param refundTransactionId, refundedAt, refundReason the refund that completed it, once REFUNDED
 * @param refundedFen what has been refunded of it so far, in one refund or several
 * @param refundOwedFen of that, what the fund still owes the donor: a refund of money already spent is booked as an
 *     obligation (其他应付款 2209) and paid when the fund has the cash
 */
public record Gift(long id, String idempotencyKey, String requestHash, long fundId, Long projectId, long amountFen,
                   Channel channel, Donor donor, InKind inKind, Instant receivedAt, String note, String receiptNo,
                   String traceCode, long transactionId, GiftStatus status, Long refundTransactionId, Instant refundedAt,
                   String refundReason, String recordedBy, Instant recordedAt, long refundedFen, long refundOwedFen) {

    public Gift {
        if (refundedFen < 0 || refundedFen > amountFen || refundOwedFen < 0 || refundOwedFen > refundedFen) {
            throw new IllegalStateException("gift " + id + " of " + amountFen + " fen cannot have " + refundedFen
                    + " refunded and " + refundOwedFen + " owed");
        }
        if ((status == GiftStatus.REFUNDED) != (refundedFen == amountFen)) {
            throw new IllegalStateException("gift " + id + " is " + status + " with " + refundedFen + " of " + amountFen + " refunded");
        }
    }

    public boolean restricted() {
        return projectId != null;
    }

    /** What still stands of the gift, its amount less what was refunded: what it counts for, and what may be refunded. */
    public long standingFen() {
        return amountFen - refundedFen;
    }

    /** The gift after a refund of {@code amount}, of which {@code owed} is owed rather than paid back now. */
    public Gift refunded(long transactionId, Instant at, String reason, long amount, long owed) {
        long refunded = Math.addExact(refundedFen, amount);
        boolean whole = refunded == amountFen;
        return new Gift(id, idempotencyKey, requestHash, fundId, projectId, amountFen, channel, donor, inKind, receivedAt, note,
                receiptNo, traceCode, this.transactionId, whole ? GiftStatus.REFUNDED : GiftStatus.RECEIVED,
                whole ? Long.valueOf(transactionId) : null, whole ? at : null, whole ? reason : null, recordedBy, recordedAt,
                refunded, Math.addExact(refundOwedFen, owed));
    }

    /** The gift after the fund paid {@code amount} of what it owed the donor. */
    public Gift owedPaid(long amount) {
        return new Gift(id, idempotencyKey, requestHash, fundId, projectId, amountFen, channel, donor, inKind, receivedAt, note,
                receiptNo, traceCode, transactionId, status, refundTransactionId, refundedAt, refundReason, recordedBy, recordedAt,
                refundedFen, refundOwedFen - amount);
    }
}
