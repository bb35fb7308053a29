package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.api.Limits;

/** A project plan (《社区基金项目计划书》) for a fund; the budget lines must add up to the target amount. */
@Schema(name = "CreateProjectRequest")
public record CreateProjectRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProjectLimits.CODE_CHARS_MAX,
                example = "TXSQ-2026-001", description = "Unique; letters, digits, '-', '_' and '.'. Used in URLs.")
        String code,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.FUND_CODE_CHARS_MAX, example = "TXSQ",
                description = "The fund whose books carry the project's money") String fundCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProjectLimits.TITLE_CHARS_MAX,
                example = "天星社区道路硬化") String title,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProjectLimits.CATEGORY_CHARS_MAX,
                example = "便民维修", description = "Free text, not blank; matching pools name the categories they match")
        String category,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProjectLimits.NEED_CHARS_MAX,
                example = "小区北侧土路雨天泥泞，老人出行不便") String need,
        @ArraySchema(minItems = 1, maxItems = ProjectLimits.GOALS_MAX,
                schema = @Schema(maxLength = ProjectLimits.LINE_CHARS_MAX, example = "硬化道路300米"))
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        List<String> goals,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "50000.00",
                description = "Yuan, more than zero, at most two decimals; equal to the sum of the budget lines")
        String targetAmount,
        @ArraySchema(minItems = 1, maxItems = ProjectLimits.BUDGET_LINES_MAX)
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        List<BudgetLineRequest> budget,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProjectLimits.PLAN_CHARS_MAX,
                example = "五月募集，六月施工，七月验收") String plan,
        @ArraySchema(minItems = 1, maxItems = ProjectLimits.TEAM_MAX)
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        List<TeamMemberRequest> team,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO-8601 with an offset",
                example = "2026-05-01T00:00:00+08:00") String fundraisingOpensAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO-8601 with an offset; after fundraisingOpensAt",
                example = "2026-05-31T23:59:59+08:00") String fundraisingClosesAt,
        @Schema(nullable = true, maxLength = ProjectLimits.MATCHING_POOL_CODE_CHARS_MAX, example = "YG-2026",
                description = "The matching pool (配捐) the project applies to") String matchingPoolCode,
        @Schema(nullable = true, example = "7", description = "The residents' need (居民点单) the project answers: an OPEN "
                + "need of the same fund, which becomes ANSWERED by this project") Long needId,
        @Schema(nullable = true, example = "0.05", description = "The management fee (管理费) the federation may charge on the "
                + "money raised for the project, as a fraction with at most four decimals, at most 0.13; absent: none")
        String managementFeeRate) {
}
