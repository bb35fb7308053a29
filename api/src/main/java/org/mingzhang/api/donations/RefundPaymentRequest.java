package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;

/** Paying a donor what a refund left owed (其他应付款): how much (absent: all of it) and a note for the memo. */
@Schema(name = "RefundPaymentRequest")
public record RefundPaymentRequest(
        @Schema(nullable = true, description = "How much to pay, in yuan; absent: all that the refunds of this gift owe",
                example = "400.00") String amount,
        @Schema(nullable = true, maxLength = DonationLimits.REFUND_REASON_CHARS_MAX, example = "已转账退还捐赠人")
        String note) {
}
