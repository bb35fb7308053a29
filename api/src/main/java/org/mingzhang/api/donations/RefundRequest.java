package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why a gift is refunded, kept with the refund and in its transaction's memo; and how much, when not all of it. */
@Schema(name = "RefundRequest")
public record RefundRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = DonationLimits.REFUND_REASON_CHARS_MAX,
                example = "捐赠人重复转账，退回第二笔") String reason,
        @Schema(nullable = true, description = "How much to refund, in yuan with at most two decimals; absent: all of the "
                + "gift that has not been refunded yet", example = "400.00") String amount) {
}
