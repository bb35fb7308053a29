package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;

/** The highest tier a FLAT match's base reached: its rate applies to the whole base. */
@Schema(name = "TierReached")
public record TierReachedResponse(
        @Schema(description = "Its position in the rule's tiers, from 0", example = "1") int index,
        @Schema(example = "10000.00") String minRaised,
        @Schema(example = "0.20") String rate) {
}
