package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;
import org.mingzhang.gift.Channel;

/** A gift (捐赠) of money or goods into a fund, restricted to one of its projects when projectCode is given. */
@Schema(name = "DonationRequest")
public record DonationRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.FUND_CODE_CHARS_MAX, example = "TXSQ")
        String fundCode,
        @Schema(nullable = true, maxLength = DonationLimits.PROJECT_CODE_CHARS_MAX, example = "TXSQ-2026-001",
                description = "Absent: unrestricted money of the fund (非限定性). Present: restricted to this project "
                        + "(限定性), which must belong to the fund, be FUNDRAISING and have its window open at receivedAt.")
        String projectCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "500.00",
                description = "Yuan as a string, more than zero, at most two decimals; for IN_KIND the goods' valuation")
        String amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, implementation = Channel.class,
                description = "How it arrived; IN_KIND needs inKind") String channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DonorRequest donor,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-05-01T10:00:00+08:00",
                description = "When the money or goods arrived, ISO-8601 with an offset; not in the future, "
                        + "not in a closed period") String receivedAt,
        @Schema(nullable = true, maxLength = DonationLimits.NOTE_CHARS_MAX, example = "社区义卖") String note,
        @Schema(nullable = true, description = "Required when channel is IN_KIND, and only then") InKindRequest inKind) {
}
