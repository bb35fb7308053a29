package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

/** The period to close, in China Standard Time; the books close through its last instant. */
@Schema(name = "ClosePeriodRequest")
public record ClosePeriodRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A year (2026), a month (2026-04) or a quarter (2026-Q2)",
                example = "2026-04") String period) {
}
