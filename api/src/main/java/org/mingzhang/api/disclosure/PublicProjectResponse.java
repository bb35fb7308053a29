package org.mingzhang.api.disclosure;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.gift.Channel;
import org.mingzhang.project.DisbursementForm;
import org.mingzhang.project.ProjectStatus;

/**
 * A project as the public reads it (API.md, "Public"; issue 13): its plan, where its money came from and where it went,
 * and whether it has gone quiet. No person is named: payees, the team, the staff who wrote or approved anything and the
 * donors stay in the staff API; a use shows its purpose, budget line and what it handed over.
 */
@Schema(name = "PublicProject")
public record PublicProjectResponse(
        @Schema(example = "TXSQ-2026-001") String code,
        @Schema(description = "The project's title", example = "天星社区道路硬化") String name,
        @Schema(example = "便民维修") String category,
        @Schema(example = "小区北侧土路雨天泥泞，老人出行不便") String need,
        List<String> goals,
        FundRef fund,
        @Nullable @Schema(nullable = true, description = "The community the project serves: its fund's name when that is a "
                + "community fund (COMMUNITY), else null", example = "天星社区基金") String community,
        ProjectStatus status,
        @Schema(description = "The status in Chinese, as the page shows it", example = "实施中") String statusLabel,
        @Schema(description = "IN_PROGRESS with no paid disbursement, no issued document and no change of state for more "
                + "than 90 days before now (the service's clock)", example = "false") boolean stale,
        @Schema(description = "The latest of: its last paid disbursement, its last issued document, its last change of state",
                example = "2026-06-01T10:00:00+08:00") String lastActivity,
        Plan plan,
        Raised raised,
        @Schema(description = "Seed-fund match settled into the project, less what refunds sent back", example = "7200.00")
        String matched,
        @Nullable @Schema(nullable = true, description = "The matching pool (配捐) the project applied to", example = "YG-2026")
        String matchingPool,
        @Schema(description = "Leftover money moved in from other projects of the fund", example = "0.00") String transferredIn,
        @Schema(description = "Paid out, in cash and in goods issued", example = "30000.00") String disbursed,
        @Schema(description = "Management fees charged to the project's money", example = "0.00") String managementFees,
        @Schema(description = "Leftover money returned to the fund or moved to another project", example = "0.00")
        String leftoverOut,
        @Schema(description = "What may still be approved for payment", example = "6400.00") String available,
        @Schema(description = "Each paid disbursement, oldest first") List<Use> uses,
        @Schema(description = "Its plans and closing reports, oldest first") List<PublicDocumentLink> documents) {

    /** The fund whose books carry the project. */
    @Schema(name = "PublicFundRef")
    public record FundRef(@Schema(example = "TXSQ") String code, @Schema(example = "天星社区基金") String name) {
    }

    /** The budget as planned and what was paid against each line. */
    @Schema(name = "PublicProjectPlan")
    public record Plan(
            @Schema(description = "The fundraising target, equal to the budget's total", example = "50000.00") String budget,
            @Schema(example = "2026-05-01T00:00:00+08:00") String fundraisingOpensAt,
            @Schema(example = "2026-05-31T23:59:59+08:00") String fundraisingClosesAt,
            List<Line> lines) {
    }

    /** One budget line. */
    @Schema(name = "PublicBudgetLine")
    public record Line(@Schema(example = "路面硬化材料") String item,
                       @Schema(description = "As planned", example = "30000.00") String planned,
                       @Schema(description = "Paid against the line", example = "12000.00") String disbursed) {
    }

    /** What the project raised: the total, by channel, and how many gave. */
    @Schema(name = "PublicProjectRaised")
    public record Raised(
            @Schema(description = "Gifts received for the project, less what refunds gave back", example = "36000.00") String total,
            @Schema(description = "By channel, gifts that stand") List<ByChannel> byChannel,
            @Schema(description = "Donors with a gift that stands", example = "37") int donors,
            @Schema(description = "Gifts that stand (not refunded in whole)", example = "52") int gifts) {
    }

    /** What came in through one channel, all kinds of donor together. */
    @Schema(name = "PublicRaisedByChannel")
    public record ByChannel(Channel channel,
                            @Schema(example = "银行转账") String label,
                            @Schema(example = "12") int gifts,
                            @Schema(example = "3600.00") String amount) {
    }

    /** One paid disbursement, without its payee: what it was for and what it handed over. */
    @Schema(name = "PublicProjectUse")
    public record Use(
            @Schema(description = "The disbursement's id, as the trace answer names it", example = "12") long disbursementId,
            @Schema(description = "The day it was paid (China Standard Time)", format = "date", example = "2026-06-01") String date,
            @Schema(example = "采购水泥、沙石") String purpose,
            @Schema(example = "路面硬化材料") String budgetItem,
            @Schema(example = "12000.00") String amount,
            @Schema(description = "What it handed over: cash from the bank, or goods from the inventory (物资发放)")
            DisbursementForm category) {
    }
}
