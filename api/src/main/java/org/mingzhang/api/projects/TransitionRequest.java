package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/** Why a project moves; kept in its audit trail. Required to reject or cancel, optional otherwise. */
@Schema(name = "ProjectTransitionRequest")
public record TransitionRequest(
        @Schema(nullable = true, maxLength = Limits.REASON_CHARS_MAX, example = "预算与居民议事会决议一致") String reason) {
}
