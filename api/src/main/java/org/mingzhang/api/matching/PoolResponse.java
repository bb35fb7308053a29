package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.matching.SettlementMode;

/**
 * A matching pool and its figures. {@code settled} is what projects keep of their settled matches (after
 * refunds took some back: {@code returned}); {@code reserved} the provisional matches of projects still
 * raising money, not yet owed; {@code available} what the pool's own fund still holds.
 */
@Schema(name = "MatchingPool")
public record PoolResponse(
        @Schema(example = "YG-2026") String code,
        @Schema(example = "县慈善总会2026年社区基金配捐") String name,
        @Schema(example = "YGCSZH") String sponsorFundCode,
        @Schema(description = "The SEED fund that holds the pool's money; the same code as the pool", example = "YG-2026")
        String poolFundCode,
        @Schema(example = "300000.00") String budget,
        @Schema(example = "12000.00") String settled,
        @Schema(example = "0.00") String returned,
        @Schema(example = "4500.00") String reserved,
        @Schema(example = "288000.00") String available,
        @Schema(allowableValues = {"OPEN", "CLOSED"}) String status,
        SettlementMode settlement,
        @Schema(example = "1") int ruleVersion,
        RuleResponse rule,
        List<PoolSignalsResponse> abuseSignals,
        @Schema(description = "Who created the pool", example = "李会计") String createdBy,
        @Schema(example = "2026-04-20T09:30:00+08:00") String createdAt,
        @Schema(nullable = true, example = "2027-01-05T17:00:00+08:00") String closedAt) {
}
