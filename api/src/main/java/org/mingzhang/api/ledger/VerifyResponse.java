package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The result of recomputing the journal's hash chain: from the last checkpoint by default, from the first transaction
 * when asked for in full.
 */
@Schema(name = "ChainVerification")
public record VerifyResponse(
        @Schema(description = "Every hash and link checked matches, and so does every checkpoint checked") boolean ok,
        @Schema(description = "Transactions in the chain up to its head: from a checkpoint, those it counts plus those "
                + "rehashed after it", example = "2") long transactions,
        @Schema(description = "The hash of the last transaction") String headHash,
        @Schema(nullable = true, description = "The first transaction whose hash or link does not match")
        Long firstBrokenTransactionId,
        @Schema(description = "True when the whole journal was rehashed from its first transaction (full=true); false "
                + "when the check started from the last checkpoint") boolean full,
        @Schema(nullable = true, description = "The first transaction rehashed: the journal's first, or the last "
                + "checkpoint's; null for an empty journal", example = "1") Long fromTransactionId,
        @Schema(description = "How many transactions' hashes were recomputed", example = "2") long transactionsRehashed,
        @Schema(description = "Checkpoints checked: every one when full, else the last one (0 before the first)",
                example = "0") long checkpoints,
        @Schema(nullable = true, description = "The transaction id of the first checkpoint that disagrees with the chain "
                + "(its transaction's hash, or the count of transactions up to it)")
        Long firstBrokenCheckpointId) {
}
