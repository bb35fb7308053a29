package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

/** One account's posted balance over the transactions dated at or before {@code asOf}. */
@Schema(name = "AccountBalance")
public record AccountBalanceResponse(
        @Schema(example = "TXSQ") String fundCode,
        @Schema(example = "1002") String accountCode,
        @Schema(example = "500.00") String balance,
        @Schema(example = "2026-05-31T23:59:59.999999+08:00") String asOf) {
}
