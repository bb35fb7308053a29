package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.gift.GiftRefund;

/**
 * One step of giving a gift back: a REFUND ({@code returned} paid back now from the gift's own money, {@code owed}
 * money already spent, booked as owed to the donor) or a PAYMENT of what was owed.
 */
@Schema(name = "Refund")
public record RefundResponse(
        @Schema(example = "REFUND") GiftRefund.Kind kind,
        @Schema(example = "1000.00") String amount,
        @Schema(description = "Paid back at once from the gift's own money (Cr 1002, or 1201 for goods)", example = "600.00")
        String returned,
        @Schema(description = "Already spent: owed to the donor (Cr 2209 其他应付款) until paid", example = "400.00") String owed,
        @Schema(example = "捐赠人要求退回") String reason,
        @Schema(description = "The journal transaction that booked it", example = "42") long transactionId,
        @Schema(example = "#7 王会计") String recordedBy,
        @Schema(example = "2026-08-01T10:00:00+08:00") String recordedAt) {
}
