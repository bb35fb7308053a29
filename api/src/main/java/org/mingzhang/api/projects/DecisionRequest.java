package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/** The committee's decision on a proposed plan version; a rejection says why. */
@Schema(name = "PlanDecisionRequest")
public record DecisionRequest(
        @Schema(nullable = true, maxLength = Limits.REASON_CHARS_MAX, example = "同意调整") String reason) {
}
