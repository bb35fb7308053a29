package org.mingzhang.project;

import java.time.Instant;
import org.mingzhang.user.Actor;

/**
 * A payment against one budget line of a project (拨付): requested by an accountant, approved or rejected
 * by a committee member who is not the requester, then paid. Approval reserves the money with a pending
 * transfer ({@code reserveTransactionId}); payment posts it ({@code paymentTransactionId}).
 *
 * @param overrunApprovedFen how much of the amount lies beyond what its budget line had left, approved as
 *                           such by the committee (0 when the line covered it)
 * @param closedBy who rejected or cancelled it, with {@code closedAt} and {@code closeReason}
 * @param form cash paid from the bank, or goods issued from the project's inventory
 */
public record Disbursement(long id, long projectId, String budgetItem, long amountFen, String payee, String purpose,
                           String invoiceNo, String attachmentRef, DisbursementStatus status, Actor requestedBy,
                           Instant requestedAt, Actor decidedBy, Instant decidedAt, String decisionReason,
                           long overrunApprovedFen, Long reserveTransactionId, Actor paidBy, Instant paidAt,
                           Long paymentTransactionId, String payKey, Actor closedBy, Instant closedAt, String closeReason,
                           DisbursementForm form) {

    public static final int PAYEE_LENGTH_MAX = 200;
    public static final int PURPOSE_LENGTH_MAX = 500;
    public static final int INVOICE_NO_LENGTH_MAX = 100;
    public static final int ATTACHMENT_REF_LENGTH_MAX = 500;

    Disbursement approved(Actor by, Instant at, String reason, long overrunFen, long reserveId) {
        return new Disbursement(id, projectId, budgetItem, amountFen, payee, purpose, invoiceNo, attachmentRef,
                DisbursementStatus.APPROVED, requestedBy, requestedAt, by, at, reason, overrunFen, reserveId, null, null, null,
                null, null, null, null, form);
    }

    Disbursement paid(Actor by, Instant at, long paymentId, String key) {
        return new Disbursement(id, projectId, budgetItem, amountFen, payee, purpose, invoiceNo, attachmentRef,
                DisbursementStatus.PAID, requestedBy, requestedAt, decidedBy, decidedAt, decisionReason, overrunApprovedFen,
                reserveTransactionId, by, at, paymentId, key, null, null, null, form);
    }

    /** Rejected by the committee, or cancelled by the accountant; an approval's reservation is voided. */
    Disbursement closed(DisbursementStatus next, Actor by, Instant at, String reason) {
        boolean rejected = next == DisbursementStatus.REJECTED;
        return new Disbursement(id, projectId, budgetItem, amountFen, payee, purpose, invoiceNo, attachmentRef, next,
                requestedBy, requestedAt, rejected ? by : decidedBy, rejected ? at : decidedAt,
                rejected ? reason : decisionReason, overrunApprovedFen, reserveTransactionId, null, null, null, null, by, at,
                reason, form);
    }
}
