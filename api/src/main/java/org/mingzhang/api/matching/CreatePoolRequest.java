package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.api.Limits;

/** A matching pool (配捐池): its budget, taken from the sponsor fund, and the rule that matches projects' gifts. */
@Schema(name = "CreatePoolRequest")
public record CreatePoolRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MatchingLimits.CODE_CHARS_MAX, example = "YG-2026",
                description = "Unique among pools and funds: the pool's money sits in a SEED fund of this code. "
                        + "Letters, digits, '-', '_' and '.'.") String code,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MatchingLimits.NAME_CHARS_MAX,
                example = "县慈善总会2026年社区基金配捐") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.FUND_CODE_CHARS_MAX, example = "YGCSZH",
                description = "A CITY or SEED fund whose bank deposits cover the budget") String sponsorFundCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "300000.00",
                description = "Yuan, more than zero, at most two decimals; moved out of the sponsor fund now") String budget,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"FLAT", "MARGINAL"}, example = "FLAT",
                description = "FLAT: the tier reached by the total applies to the whole total; MARGINAL: each tier's rate "
                        + "applies to the money within its band") String mode,
        @ArraySchema(minItems = 1, maxItems = MatchingLimits.TIERS_MAX)
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        List<TierRequest> tiers,
        @Schema(nullable = true, example = "50000.00", description = "The most one project's match may be") String perProjectCap,
        @Schema(nullable = true, example = "1000.00", description = "The most one gift adds to the match base")
        String perDonationCap,
        @Schema(nullable = true, example = "5000.00", description = "The most one donor's gifts add to a project's match base")
        String perDonorCap,
        @ArraySchema(maxItems = MatchingLimits.ELIGIBLE_CATEGORIES_MAX,
                schema = @Schema(maxLength = MatchingLimits.CATEGORY_CHARS_MAX, example = "便民维修"))
        @Schema(nullable = true, description = "The project categories matched; absent or empty: every category")
        List<String> eligibleCategories,
        @ArraySchema(maxItems = MatchingLimits.ELIGIBLE_FUNDS_MAX,
                schema = @Schema(maxLength = Limits.FUND_CODE_CHARS_MAX, example = "TXSQ"))
        @Schema(nullable = true, description = "The funds whose projects are matched, each an existing fund; absent or "
                + "empty: every fund") List<String> eligibleFunds,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-05-01T00:00:00+08:00",
                description = "Gifts received from this time on count (inclusive); ISO-8601 with an offset") String opensAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-31T23:59:59+08:00",
                description = "Gifts received up to this time count (inclusive); not before opensAt") String closesAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"AT_PROJECT_CLOSE", "PRO_RATA_AT_POOL_CLOSE"},
                example = "AT_PROJECT_CLOSE") String settlement,
        @Schema(nullable = true, example = "false", description = "Whether gifts in kind count, at their valuation; "
                + "default false") Boolean inKindEligible) {
}
