package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a project holds now, reserved money included, split two ways: by restriction (the donors' restricted money,
 * the federation's designated money) and by asset (cash, goods in the fund's inventory). Each pair sums to the same.
 */
@Schema(name = "ProjectHoldings")
public record ProjectHoldingsResponse(
        @Schema(description = "Restricted money (限定性): this year's restricted income (410102) and restricted net assets "
                + "carried from closed years (3102); spent first", example = "30000.00") String restricted,
        @Schema(description = "Unrestricted money the federation designated for the project (310101), a seed pool's match; "
                + "spent after the restricted money", example = "6000.00") String designated,
        @Schema(description = "Cash (cash on hand and bank deposits) that belongs to the project", example = "35000.00")
        String cash,
        @Schema(description = "Goods in the fund's inventory (1201) that belong to the project, at their valuation",
                example = "1000.00") String goods) {
}
