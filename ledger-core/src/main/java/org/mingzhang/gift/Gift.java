package org.mingzhang.gift;

import java.time.Instant;

/**
 * One gift (捐赠): booked as one balanced transaction, numbered by a receipt number that has no gaps
 * within its fund and year, and findable by the public through a trace code that cannot be guessed.
 *
 * @param projectId the project it is restricted to (限定性), or null for the fund's unrestricted money
 * @param receivedAt when the money or goods arrived (the transaction's event time)
 */
public record Gift(long id, String idempotencyKey, String requestHash, long fundId, Long projectId, long amountFen,
                   Channel channel, Donor donor, InKind inKind, Instant receivedAt, String note, String receiptNo,
                   String traceCode, long transactionId, GiftStatus status, Long refundTransactionId, Instant refundedAt,
                   String refundReason, String recordedBy, Instant recordedAt) {

    public boolean restricted() {
        return projectId != null;
    }

    public Gift refunded(long reversalId, Instant at, String reason) {
        return new Gift(id, idempotencyKey, requestHash, fundId, projectId, amountFen, channel, donor, inKind, receivedAt, note,
                receiptNo, traceCode, transactionId, GiftStatus.REFUNDED, reversalId, at, reason, recordedBy, recordedAt);
    }
}
