package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;

/** One line of a project's budget as planned, and what has been paid and reserved against it. */
@Schema(name = "BudgetLine")
public record BudgetLineResponse(
        @Schema(description = "From 1, in the order the plan gave the lines", example = "1") int lineNo,
        @Schema(example = "路面硬化材料") String item,
        @Schema(description = "As planned", example = "30000.00") String amount,
        @Schema(nullable = true, example = "水泥、沙石") String note,
        @Schema(description = "Paid against the line", example = "12000.00") String disbursed,
        @Schema(description = "Approved and not yet paid", example = "3000.00") String reserved,
        @Schema(description = "Overruns the committee approved explicitly on this line", example = "0.00")
        String overrunApproved,
        @Schema(description = "amount + overrunApproved − disbursed − reserved", example = "15000.00") String remaining,
        @Schema(description = "disbursed − amount: positive when spending went over the plan, negative under it",
                example = "-18000.00") String variance) {
}
