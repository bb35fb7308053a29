package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;

/** One person of the execution team (执行团队) and what they do. */
@Schema(name = "TeamMemberRequest")
public record TeamMemberRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProjectLimits.PERSON_CHARS_MAX,
                example = "王主任") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProjectLimits.PERSON_CHARS_MAX,
                example = "项目负责人") String role) {
}
