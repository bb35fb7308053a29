package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A settled match worked out again from the project's gifts as they stand now, refunds left out, by the rule the
 * settlement used: the steps as in the settled figures, and {@code entitled}, what the project may keep (never more
 * than it was paid; pro rata, scaled as the settlement was). A refund took {@code settledAmount − entitled} back.
 */
@Schema(name = "RecomputedMatch")
public record RecomputedMatchResponse(
        @Schema(example = "26000.00") String received,
        @Schema(example = "1500.00") String removedByDonationCap,
        @Schema(example = "0.00") String removedByDonorCap,
        @Schema(example = "24500.00") String base,
        @Schema(nullable = true, description = "FLAT, with a base above zero: the tier the base reaches now") TierReachedResponse tier,
        @Schema(nullable = true, description = "MARGINAL: the bands of the base now") List<BandResponse> bands,
        @Schema(example = "4900.00") String computed,
        @Schema(example = "0.00") String removedByProjectCap,
        @Schema(example = "4900.00") String capped,
        @Schema(description = "What the project may keep of its settled match now", example = "4900.00") String entitled) {
}
