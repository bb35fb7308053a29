package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;

/** One person of a project's execution team. */
@Schema(name = "TeamMember")
public record TeamMemberResponse(
        @Schema(example = "王主任") String name,
        @Schema(example = "项目负责人") String role) {
}
