package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

/** What one transaction moves in one fund: the sum of its legs there. */
@Schema(name = "FundAmount")
public record FundAmountResponse(@Schema(example = "TXSQ") String fundCode, @Schema(example = "2400.00") String amount) {
}
