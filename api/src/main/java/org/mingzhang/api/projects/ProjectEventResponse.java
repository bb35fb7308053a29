package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.project.ProjectStatus;

/** One entry of a project's audit trail: who did what to it, when, from what state to what, and why. */
@Schema(name = "ProjectEvent")
public record ProjectEventResponse(
        @Schema(description = "1 for the creation, then one more per change", example = "3") int seq,
        @Schema(example = "2026-04-21T15:00:00+08:00") String at,
        @Schema(description = "The name of the user who made the change", example = "张委员") String by,
        @Schema(description = "CREATE, EDIT, a transition (SUBMIT, APPROVE, REJECT, CLOSE_FUNDRAISING, COMPLETE, ACCEPT, "
                + "CANCEL), a plan version's step (PROPOSE_PLAN_V2, APPROVE_PLAN_V2, REJECT_PLAN_V2), a disbursement's step "
                + "(DISBURSEMENT_REQUESTED, _APPROVED, _REJECTED, _CANCELLED, _PAID) or a leftover decision "
                + "(LEFTOVER_RETURNED, LEFTOVER_OUT, LEFTOVER_IN)", example = "APPROVE") String action,
        @Schema(nullable = true, description = "Null for the creation") ProjectStatus from,
        ProjectStatus to,
        @Schema(nullable = true, example = "预算与居民议事会决议一致") String reason) {
}
