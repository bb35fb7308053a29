package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;

/** One rate tier of a pool's rule: from {@code minRaised} of match base upwards, the rate is {@code rate}. */
@Schema(name = "TierRequest")
public record TierRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "10000.00",
                description = "Yuan, at most two decimals; the first tier's is 0.00, each next one higher") String minRaised,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0.20",
                description = "Between 0 and 1 with at most 4 decimals; never lower than the tier before") String rate) {
}
