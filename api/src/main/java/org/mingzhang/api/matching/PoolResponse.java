package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.matching.SettlementMode;

/**
 * A matching pool and its figures, which reconcile with its budget: {@code budget = settled − returned + available +
 * receivable + returnedToSponsor}. {@code settled} is what settlements paid projects, {@code returned} what refunds
 * after settlement took back ({@code kept} = settled − returned is what projects keep), {@code available} what the
 * pool's own bank account holds, {@code receivable} what projects' funds still owe it for returned match money they had
 * spent, {@code returnedToSponsor} what went back to the sponsor at close. {@code reserved} is the provisional matches
 * of projects still raising money: not yet owed, and part of what is available.
 */
@Schema(name = "MatchingPool")
public record PoolResponse(
        @Schema(example = "YG-2026") String code,
        @Schema(example = "县慈善总会2026年社区基金配捐") String name,
        @Schema(example = "YGCSZH") String sponsorFundCode,
        @Schema(description = "The SEED fund that holds the pool's money; the same code as the pool", example = "YG-2026")
        String poolFundCode,
        @Schema(example = "300000.00") String budget,
        @Schema(description = "What settlements paid projects", example = "12000.00") String settled,
        @Schema(description = "What refunds after settlement took back from projects (paid back, or owed: receivable)",
                example = "0.00") String returned,
        @Schema(description = "What projects keep of their matches: settled − returned", example = "12000.00") String kept,
        @Schema(description = "Provisional matches of projects still raising money; not yet owed, part of available",
                example = "4500.00") String reserved,
        @Schema(description = "What the pool's own bank account (1002 of its fund) holds", example = "288000.00")
        String available,
        @Schema(description = "What projects' funds owe the pool for returned match money they had spent (1901); "
                + "POST /matching-pools/{code}/collections collects it", example = "0.00") String receivable,
        @Schema(description = "What went back to the sponsor when the pool closed", example = "0.00") String returnedToSponsor,
        @Schema(allowableValues = {"OPEN", "CLOSED"}) String status,
        SettlementMode settlement,
        @Schema(example = "1") int ruleVersion,
        RuleResponse rule,
        List<PoolSignalsResponse> abuseSignals,
        @Schema(description = "Who created the pool", example = "李会计") String createdBy,
        @Schema(example = "2026-04-20T09:30:00+08:00") String createdAt,
        @Schema(nullable = true, example = "2027-01-05T17:00:00+08:00") String closedAt) {
}
