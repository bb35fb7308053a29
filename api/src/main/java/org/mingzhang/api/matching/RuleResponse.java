package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.matching.MatchMode;

/** A pool's matching rule (配捐规则) as data: what decides each project's match. */
@Schema(name = "MatchRule")
public record RuleResponse(
        MatchMode mode,
        List<TierResponse> tiers,
        @Schema(nullable = true, example = "50000.00") String perProjectCap,
        @Schema(nullable = true, example = "1000.00") String perDonationCap,
        @Schema(nullable = true, example = "5000.00") String perDonorCap,
        @Schema(description = "Empty: every category") List<String> eligibleCategories,
        @Schema(description = "Empty: every fund") List<String> eligibleFunds,
        @Schema(example = "2026-05-01T00:00:00+08:00") String opensAt,
        @Schema(example = "2026-12-31T23:59:59+08:00") String closesAt,
        boolean inKindEligible) {
}
