package org.mingzhang.api.trace;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The gift as the public sees it. */
@Schema(name = "TraceDonation")
public record TraceDonation(
        @Schema(example = "F001-2026-000012") String receiptNo,
        @Schema(format = "date", example = "2026-05-01", description = "When it was received, China Standard Time") String date,
        @Schema(example = "4000.00") String amount,
        @Schema(example = "0.00", description = "What was refunded to the donor") String refunded,
        @Schema(example = "张*明", description = "爱心人士 when anonymous; the name only with the donor's consent; else masked "
                + "(张*明) or 某企业 / 某单位") String donor,
        @Schema(example = "YQ-XFL") String fund,
        @Schema(example = "幸福里社区基金") String fundName,
        @Nullable @Schema(nullable = true, example = "P-2026-001") String project,
        @Nullable @Schema(nullable = true, example = "幸福里小区楼道照明改造") String projectName) {
}
