package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;

/** One rate tier of a pool's rule, as the pool was created with it. */
@Schema(name = "Tier")
public record TierResponse(@Schema(example = "10000.00") String minRaised, @Schema(example = "0.20") String rate) {
}
