package org.mingzhang.api.disclosure;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.project.ProjectStatus;

/**
 * A fund as the public reads it (API.md, "Public"; issue 13): its balances, its sources and uses month by month, its
 * public projects and its documents. Figures per month come from the period balances the writer keeps, not from a pass
 * over the journal.
 */
@Schema(name = "PublicFund")
public record PublicFundResponse(
        @Schema(example = "TXSQ") String code,
        @Schema(example = "天星社区基金") String name,
        FundLevel level,
        @Nullable @Schema(nullable = true, example = "TXJD") String parentCode,
        Balances balances,
        @Schema(description = "Month by month (China Standard Time), oldest first; months without a donation or an "
                + "expense are left out") List<Month> months,
        @Schema(description = "Its projects past approval, by code (drafts, submissions and rejected plans are not public)")
        List<ProjectRow> projects,
        @Schema(description = "Its disclosures (公示), oldest first") List<PublicDocumentLink> documents) {

    /** The fund's balances as the ledger reports them now. */
    @Schema(name = "PublicFundBalances")
    public record Balances(
            @Schema(description = "Cash on hand and bank deposits", example = "52000.00") String cash,
            @Schema(description = "Restricted net assets (限定性净资产), the open year's restricted income included",
                    example = "40000.00") String restricted,
            @Schema(description = "Unrestricted net assets (非限定性净资产), the open year's income less expenses included",
                    example = "12000.00") String unrestricted) {
    }

    /**
     * One month's sources and uses: the credits posted to the donation-income accounts (4101) and the debits posted to
     * the expense accounts (5101, 5201, 5301) in the month. Gross figures: a refund or a reversal shows as its own
     * posting in the balances, not as less income here, and the year-end close (which debits income and credits
     * expenses) does not enter them.
     */
    @Schema(name = "PublicFundMonth")
    public record Month(
            @Schema(example = "2026-05", pattern = "^[0-9]{4}-[0-9]{2}$") String month,
            @Schema(description = "restrictedDonations + unrestrictedDonations", example = "36000.00") String donations,
            @Schema(description = "Given to a project (410102)", example = "30000.00") String restrictedDonations,
            @Schema(description = "Given to the fund in general (410101)", example = "6000.00") String unrestrictedDonations,
            @Schema(description = "programmeCosts + managementExpenses + fundraisingExpenses", example = "12500.00") String spending,
            @Schema(description = "业务活动成本 (5101): paid to projects' purposes", example = "12000.00") String programmeCosts,
            @Schema(description = "管理费用 (5201)", example = "500.00") String managementExpenses,
            @Schema(description = "筹资费用 (5301)", example = "0.00") String fundraisingExpenses) {
    }

    /** One of the fund's public projects. */
    @Schema(name = "PublicFundProject")
    public record ProjectRow(
            @Schema(example = "TXSQ-2026-001") String code,
            @Schema(example = "天星社区道路硬化") String name,
            ProjectStatus status,
            @Schema(example = "实施中") String statusLabel,
            @Schema(description = "As on the project's own answer") boolean stale,
            @Schema(example = "50000.00") String budget,
            @Schema(example = "36000.00") String raised,
            @Schema(example = "7200.00") String matched,
            @Schema(example = "30000.00") String disbursed) {
    }
}
