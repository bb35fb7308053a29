package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;

/** One line of a project's budget as planned. */
@Schema(name = "BudgetLine")
public record BudgetLineResponse(
        @Schema(description = "From 1, in the order the plan gave the lines", example = "1") int lineNo,
        @Schema(example = "路面硬化材料") String item,
        @Schema(example = "30000.00") String amount,
        @Schema(nullable = true, example = "水泥、沙石") String note) {
}
