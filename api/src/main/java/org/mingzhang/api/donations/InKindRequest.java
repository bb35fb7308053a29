package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods given (捐物): what, how much, and how the amount of the gift was set. */
@Schema(name = "InKindRequest")
public record InKindRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = DonationLimits.IN_KIND_FIELD_CHARS_MAX,
                example = "冬季棉被") String description,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = DonationLimits.IN_KIND_FIELD_CHARS_MAX,
                example = "50条") String quantity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = DonationLimits.IN_KIND_FIELD_CHARS_MAX,
                example = "发票价每条120元") String valuationBasis) {
}
