package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/**
 * A change to an approved plan, proposed as its next version: the whole plan as it would read, and why.
 * The plan's code, fund and matching pool stay the project's.
 */
@Schema(name = "PlanChangeRequest")
public record PlanChangeRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.REASON_CHARS_MAX, example = "材料降价，人工增加")
        String reason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CreateProjectRequest plan) {
}
