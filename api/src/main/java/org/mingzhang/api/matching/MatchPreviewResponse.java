package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A project's match in short, for answers about a gift: the pool, the base the gifts so far make and the
 * match it gives now. {@code GET /projects/{code}/match} has every step.
 */
@Schema(name = "MatchPreview")
public record MatchPreviewResponse(
        @Schema(example = "YG-2026") String poolCode,
        @Schema(allowableValues = {"PROVISIONAL", "SETTLED"}) String status,
        boolean eligible,
        @Schema(example = "30500.00") String base,
        @Schema(description = "The project's match as things stand: provisional until it settles", example = "9150.00")
        String provisionalMatch,
        @Schema(nullable = true, description = "FLAT: the rate of the tier reached; null for MARGINAL or a zero base",
                example = "0.30") String rate,
        @Schema(nullable = true, description = "MARGINAL: the bands; null for FLAT") List<BandResponse> bands) {
}
