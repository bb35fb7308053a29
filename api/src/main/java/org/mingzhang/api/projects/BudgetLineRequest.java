package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;

/** One line of a project's budget (预算); lines are numbered from 1 in the order given. */
@Schema(name = "BudgetLineRequest")
public record BudgetLineRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ProjectLimits.LINE_CHARS_MAX,
                example = "路面硬化材料") String item,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Yuan, more than zero, at most two decimals",
                example = "30000.00") String amount,
        @Schema(nullable = true, maxLength = ProjectLimits.LINE_CHARS_MAX, description = "A blank note is no note",
                example = "水泥、沙石") String note) {
}
