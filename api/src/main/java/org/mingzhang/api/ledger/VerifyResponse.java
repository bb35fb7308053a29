package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

/** The result of recomputing the journal's hash chain from the first transaction to the last. */
@Schema(name = "ChainVerification")
public record VerifyResponse(
        @Schema(description = "Every hash and every link matches") boolean ok,
        @Schema(description = "Transactions checked", example = "2") long transactions,
        @Schema(description = "The hash of the last transaction") String headHash,
        @Schema(nullable = true, description = "The first transaction whose hash or link does not match")
        Long firstBrokenTransactionId) {
}
