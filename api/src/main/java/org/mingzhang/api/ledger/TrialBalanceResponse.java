package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A trial balance (试算平衡表): every account's net balance; the totals are always equal. */
@Schema(name = "TrialBalance")
public record TrialBalanceResponse(
        @Schema(nullable = true, description = "Null for the trial balance of all funds", example = "TXSQ") String fundCode,
        @Schema(example = "2026-05-31T23:59:59.999999+08:00") String asOf,
        @Schema(description = "Whether the funds below this one are included") boolean consolidated,
        List<TrialBalanceLineResponse> accounts,
        @Schema(example = "500.00") String totalDebit,
        @Schema(example = "500.00") String totalCredit) {
}
