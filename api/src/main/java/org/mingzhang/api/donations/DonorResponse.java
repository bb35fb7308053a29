package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.gift.DonorKind;

/** The donor as recorded, for staff only: public pages never show phone or ID numbers. */
@Schema(name = "Donor")
public record DonorResponse(
        @Schema(example = "张三明") String name,
        DonorKind kind,
        @Schema(nullable = true, example = "+8613800000000") String phone,
        @Schema(nullable = true) String idNumber,
        @Schema(nullable = true) String creditCode,
        boolean anonymous,
        boolean publicNameConsent) {
}
