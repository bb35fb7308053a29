package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a pool collected from a project's fund for match money a refund sent back after the project had spent it:
 * project's fund Dr 2901 / Cr 1002, pool Dr 1002 / Cr 1901 (a closed pool passes it on to its sponsor).
 */
@Schema(name = "PoolCollection")
public record CollectionResponse(
        @Schema(example = "YG-2026") String poolCode,
        @Schema(example = "TXSQ-2026-001") String projectCode,
        @Schema(example = "400.00") String amount,
        @Schema(description = "What the project's fund still owes the pool for it", example = "0.00") String stillOwed,
        @Schema(example = "61") long transactionId,
        @Schema(description = "The pool's figures afterwards") PoolResponse pool) {
}
