package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why a gift is refunded; kept with the gift and in the reversing transaction's memo. */
@Schema(name = "RefundRequest")
public record RefundRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = DonationLimits.REFUND_REASON_CHARS_MAX,
                example = "捐赠人重复转账，退回第二笔") String reason) {
}
