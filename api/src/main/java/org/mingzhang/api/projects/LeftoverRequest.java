package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/** The committee's decision about a project's leftover money. */
@Schema(name = "LeftoverRequest")
public record LeftoverRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"RETURN_TO_FUND", "TRANSFER_TO_PROJECT"})
        String disposition,
        @Schema(nullable = true, description = "Required for TRANSFER_TO_PROJECT: a project of the same fund that raises "
                + "money or runs", example = "TXSQ-2026-004") String targetProjectCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.REASON_CHARS_MAX,
                example = "委员会决议：结余转入助老项目") String reason) {
}
