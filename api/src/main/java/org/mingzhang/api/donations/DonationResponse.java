package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.matching.MatchPreviewResponse;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.GiftStatus;

/**
 * A gift as staff see it, donor's personal data included (public pages show a masked donor instead).
 *
 * @param matchPreview the match of the gift's project as it stands now (the whole project's, this gift
 *                     included); null for an unrestricted gift or a project that names no matching pool
 */
@Schema(name = "Donation")
public record DonationResponse(
        @Schema(example = "1") long id,
        @Schema(example = "TXSQ-2026-000001", description = "Donation receipt number (捐赠票据号): no gaps per fund and year")
        String receiptNo,
        @Schema(example = "7K2M-9QXD-4HTA", description = "What the donor types into the public lookup") String traceCode,
        @Schema(example = "TXSQ") String fundCode,
        @Schema(nullable = true, example = "TXSQ-2026-001") String projectCode,
        @Schema(example = "500.00") String amount,
        @Schema(description = "Restricted to its project (限定性)") boolean restricted,
        GiftStatus status,
        Channel channel,
        @Schema(example = "2026-05-01T10:00:00+08:00") String receivedAt,
        DonorResponse donor,
        @Schema(nullable = true) InKindResponse inKind,
        @Schema(nullable = true) String note,
        @Schema(example = "17", description = "The journal transaction that booked it") long transactionId,
        @Schema(nullable = true, description = "The refund that completed it, once REFUNDED in whole") Long refundTransactionId,
        @Schema(nullable = true, description = "When it was refunded in whole") String refundedAt,
        @Schema(nullable = true, description = "Why the last refund, once REFUNDED in whole") String refundReason,
        @Schema(description = "What has been refunded of it, in one refund or several; a gift refunded in part stays "
                + "RECEIVED", example = "0.00") String refunded,
        @Schema(description = "Of what was refunded, what the fund still owes the donor (the money had been spent: "
                + "其他应付款 2209); POST /donations/{id}/refund-payments pays it", example = "0.00") String refundOwed,
        @Schema(nullable = true, description = "Every refund and payment of what a refund owed, oldest first; given in "
                + "answers about one gift, null in lists") java.util.List<RefundResponse> refunds,
        @Schema(example = "#7 王会计") String recordedBy,
        @Schema(example = "2026-05-01T10:03:12.123456+08:00") String recordedAt,
        @Schema(nullable = true, description = "The project's match (配捐) as it stands now, this gift included: "
                + "provisional until the project settles. Null for an unrestricted gift or a project without a pool. "
                + "GET /projects/{code}/match explains every step.")
        MatchPreviewResponse matchPreview) {
}
