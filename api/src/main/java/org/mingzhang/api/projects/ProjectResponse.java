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
        @Schema(description = "The management fee (管理费) the plan lets the federation charge on what the project raised",
                example = "0.05") String managementFeeRate,
        ProjectStatus status,
        @Schema(description = "The name of the user who wrote the plan", example = "李会计") String createdBy,
        @Schema(nullable = true, description = "The name of the user who submitted it for approval; null until then",
                example = "李会计") String submittedBy,
        @Schema(example = "2026-04-20T09:30:00+08:00") String createdAt,
        @Schema(description = "When its state last changed", example = "2026-04-21T15:00:00+08:00") String updatedAt,
        @Schema(description = "The plan version in force: 1 as first approved, one more per approved change", example = "1")
        int planVersion,
        @Schema(nullable = true, description = "The residents' need (居民点单) the project answers", example = "7") Long needId,
        @Schema(description = "Gifts received for the project, less what refunds gave back from its money", example = "36000.00")
        String raised,
        @Schema(description = "Refunds of the project's gifts whose money it had already spent: owed to the donors by the "
                + "fund (Dr 5201 / Cr 2209), not taken from the project", example = "0.00") String refundedFromFund,
        @Schema(description = "Seed-fund match settled into the project, less what refunds sent back", example = "7200.00")
        String matched,
        @Schema(description = "Leftover money moved in from other projects of the fund", example = "0.00") String transferredIn,
        @Schema(description = "Match money a refund sent back after the project had spent it: owed to the pool by the "
                + "project's fund from its own unrestricted money (2901), not by the project", example = "0.00") String owedToPool,
        @Schema(description = "raised + matched + transferredIn", example = "43200.00") String received,
        @Schema(description = "Paid out (posted programme costs), in cash and in goods issued", example = "30000.00") String disbursed,
        @Schema(description = "Of what was disbursed, goods issued from the inventory (物资发放)", example = "0.00")
        String goodsIssued,
        @Schema(description = "Management fees charged to the project's restricted money (Dr 5201 / Cr 1002)",
                example = "1800.00") String managementFees,
        @Schema(description = "Approved and not yet paid", example = "5000.00") String reserved,
        @Schema(description = "Leftover money returned to the fund or moved to another project", example = "0.00")
        String leftoverOut,
        @Schema(description = "received − leftoverOut − disbursed − managementFees − reserved: what may still be approved",
                example = "6400.00")
        String available,
        @Schema(description = "What the project holds now (available and reserved), by restriction and by asset")
        ProjectHoldingsResponse holdings,
        @Schema(description = "raised + matched + transferredIn − targetAmount", example = "-6800.00") String fundingVariance,
        @Schema(description = "disbursed − targetAmount", example = "-20000.00") String spendingVariance,
        @Schema(nullable = true, description = "Null until the project is COMPLETED") ClosingResponse closing,
        List<LeftoverResponse> leftovers,
        @Schema(description = "Restricted gifts to the project by channel and donor kind (the sources of `raised`)")
        List<RaisedBySourceResponse> raisedBy,
        @Schema(description = "Donors with a gift to the project that stands (a donor is the same donor by ID number, "
                + "credit code, phone or name, as matching counts them)", example = "37") int donors) {
}
