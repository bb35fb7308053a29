package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.project.PlanVersion;

/** One version of a project's plan: version 1 as first approved, then each change proposed after approval. */
@Schema(name = "PlanVersion")
public record PlanVersionResponse(
        @Schema(example = "2") int version,
        PlanVersion.Status status,
        @Schema(description = "Whether this is the version in force") boolean inForce,
        @Schema(example = "天星社区道路硬化") String title,
        @Schema(example = "便民维修") String category,
        String need,
        List<String> goals,
        @Schema(example = "50000.00") String targetAmount,
        List<Line> budget,
        String plan,
        List<TeamMemberResponse> team,
        String fundraisingOpensAt,
        String fundraisingClosesAt,
        @Schema(description = "The management fee (管理费) the version lets the federation charge", example = "0.05")
        String managementFeeRate,
        @Schema(example = "王会计") String proposedBy,
        String proposedAt,
        @Schema(nullable = true, description = "Why the change was proposed; null for version 1", example = "材料降价")
        String changeReason,
        @Schema(nullable = true, example = "李委员") String decidedBy,
        @Schema(nullable = true) String decidedAt,
        @Schema(nullable = true) String decisionReason) {

    /** A budget line as that version planned it. */
    @Schema(name = "PlanVersionLine")
    public record Line(int lineNo, String item, String amount, @Schema(nullable = true) String note) {
    }
}
