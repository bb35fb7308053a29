package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.gift.DonorKind;

/**
 * Who gave. Phone and ID number are kept for receipts and to tell donors apart; public pages never show
 * them. Identifiers are left out when there are none (an empty string is refused).
 */
@Schema(name = "DonorRequest")
public record DonorRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = DonationLimits.DONOR_FIELD_CHARS_MAX,
                example = "张三明") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, implementation = DonorKind.class) String kind,
        @Schema(nullable = true, maxLength = DonationLimits.DONOR_FIELD_CHARS_MAX, example = "13800000000",
                description = "Read with libphonenumber (mainland China when no +country code is given), kept in E.164")
        String phone,
        @Schema(nullable = true, maxLength = DonationLimits.DONOR_FIELD_CHARS_MAX, example = "370102199001011231",
                description = "18-character resident identity number with its check character (GB 11643)") String idNumber,
        @Schema(nullable = true, maxLength = DonationLimits.DONOR_FIELD_CHARS_MAX, example = "91370100MA3C00000E",
                description = "Unified social credit code (统一社会信用代码) with its check character (GB 32100); "
                        + "ENTERPRISE or ORGANIZATION only") String creditCode,
        @Schema(nullable = true, defaultValue = "false",
                description = "Gave anonymously: receipts and disclosures name no one") Boolean anonymous,
        @Schema(nullable = true, defaultValue = "false",
                description = "Agreed to be named in public; an enterprise's name shows only then") Boolean publicNameConsent) {
}
