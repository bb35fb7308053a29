package org.mingzhang.api.disbursements;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.project.DisbursementForm;
import org.mingzhang.project.DisbursementStatus;

/** A disbursement and every step it took: who asked, who decided, who paid, and the journal transactions. */
@Schema(name = "Disbursement")
public record DisbursementResponse(
        @Schema(example = "12") long id,
        @Schema(example = "TXSQ-2026-001") String projectCode,
        @Schema(example = "路面硬化材料") String budgetItem,
        @Schema(example = "12000.00") String amount,
        @Schema(example = "某建材有限公司") String payee,
        @Schema(example = "水泥 40 吨") String purpose,
        @Schema(nullable = true) String invoiceNo,
        @Schema(nullable = true) String attachmentRef,
        DisbursementStatus status,
        @Schema(example = "王会计") String requestedBy,
        String requestedAt,
        @Schema(nullable = true, description = "Who approved or rejected it") String decidedBy,
        @Schema(nullable = true) String decidedAt,
        @Schema(nullable = true) String decisionReason,
        @Schema(description = "The part beyond its budget line that the committee approved explicitly", example = "0.00")
        String overrunApproved,
        @Schema(nullable = true, description = "The pending transfer that reserves the money (Dr 5101 / Cr 1002)")
        Long reserveTransactionId,
        @Schema(nullable = true) String paidBy,
        @Schema(nullable = true) String paidAt,
        @Schema(nullable = true, description = "The transaction that posted the reservation") Long paymentTransactionId,
        @Schema(nullable = true, description = "Who rejected or cancelled it") String closedBy,
        @Schema(nullable = true) String closedAt,
        @Schema(nullable = true) String closeReason,
        @Schema(description = "CASH paid from the bank, or GOODS issued from the inventory") DisbursementForm form) {
}
