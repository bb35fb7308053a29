package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.project.ProjectStatus;

/** One entry of a project's audit trail: who moved it, when, from what to what, and why. */
@Schema(name = "ProjectEvent")
public record ProjectEventResponse(
        @Schema(description = "1 for the creation, then one more per change", example = "3") int seq,
        @Schema(example = "2026-04-21T15:00:00+08:00") String at,
        @Schema(description = "The name of the user who made the change", example = "张委员") String by,
        @Schema(description = "CREATE, or the transition made: SUBMIT, APPROVE, REJECT, CLOSE_FUNDRAISING, CANCEL",
                example = "APPROVE") String action,
        @Schema(nullable = true, description = "Null for the creation") ProjectStatus from,
        ProjectStatus to,
        @Schema(nullable = true, example = "预算与居民议事会决议一致") String reason) {
}
