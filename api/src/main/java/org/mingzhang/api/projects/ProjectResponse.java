package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.project.ProjectStatus;

/** A project: its plan as written, where it stands, and who moved it there. */
@Schema(name = "Project")
public record ProjectResponse(
        @Schema(example = "TXSQ-2026-001") String code,
        @Schema(example = "TXSQ") String fundCode,
        @Schema(example = "天星社区道路硬化") String title,
        @Schema(example = "便民维修") String category,
        @Schema(example = "小区北侧土路雨天泥泞，老人出行不便") String need,
        List<String> goals,
        @Schema(description = "Equal to the sum of the budget lines", example = "50000.00") String targetAmount,
        List<BudgetLineResponse> budget,
        @Schema(example = "五月募集，六月施工，七月验收") String plan,
        List<TeamMemberResponse> team,
        @Schema(example = "2026-05-01T00:00:00+08:00") String fundraisingOpensAt,
        @Schema(example = "2026-05-31T23:59:59+08:00") String fundraisingClosesAt,
        @Schema(nullable = true, example = "YG-2026") String matchingPoolCode,
        ProjectStatus status,
        @Schema(description = "The name of the user who wrote the plan", example = "李会计") String createdBy,
        @Schema(nullable = true, description = "The name of the user who submitted it for approval; null until then",
                example = "李会计") String submittedBy,
        @Schema(example = "2026-04-20T09:30:00+08:00") String createdAt,
        @Schema(description = "When its state last changed", example = "2026-04-21T15:00:00+08:00") String updatedAt) {
}
