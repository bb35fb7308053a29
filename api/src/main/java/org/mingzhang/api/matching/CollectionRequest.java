package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.projects.ProjectLimits;

/** Which project's debt to the pool a fund pays, and how much (absent: all of it). */
@Schema(name = "PoolCollectionRequest")
public record CollectionRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProjectLimits.CODE_CHARS_MAX, example = "TXSQ-2026-001")
        String projectCode,
        @Schema(nullable = true, description = "How much, in yuan; absent: all that the project's fund owes the pool for it",
                example = "400.00") String amount) {
}
