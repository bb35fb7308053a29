package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One band of a MARGINAL match: the base's money from {@code from} up to {@code to} (exclusive) and what
 * the band's rate makes of it. The bands add up to the computed match: the match is rounded down once,
 * on the exact sum, and the fen that keeps go to the bands that lost the largest fractions.
 */
@Schema(name = "MatchBand")
public record BandResponse(
        @Schema(example = "10000.00") String from,
        @Schema(nullable = true, description = "Where the next tier starts; null for the top tier", example = "30000.00")
        String to,
        @Schema(example = "0.20") String rate,
        @Schema(example = "5000.00") String amountInBand,
        @Schema(example = "1000.00") String matchInBand) {
}
