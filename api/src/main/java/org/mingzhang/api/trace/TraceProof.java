package org.mingzhang.api.trace;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * That the gift is in the books the federation signed: its transaction's chain hash is leaf {@code leafIndex} of the
 * journal's RFC 6962 log, the audit path leads to the root that {@code checkpoint} signs, and {@code transaction} holds
 * what the chain hash covers, so that anyone recomputes it (and sees the gift's amount in its legs). Before the first
 * checkpoint that covers the gift, the leaf index, tree size, path and checkpoint are null.
 */
@Schema(name = "TraceProof")
public record TraceProof(
        @Schema(description = "The gift's transaction's chain hash (hex): the leaf's data") String transactionHash,
        @Nullable @Schema(nullable = true, example = "41") Long leafIndex,
        @Nullable @Schema(nullable = true, example = "120") Long treeSize,
        @Nullable @ArraySchema(schema = @Schema(description = "SHA-256, base64"), arraySchema = @Schema(nullable = true,
                description = "RFC 6962 audit path, lowest first")) List<String> inclusion,
        @Nullable @Schema(nullable = true, description = "The C2SP signed note of the checkpoint the path leads to")
        String checkpoint,
        ProofTransaction transaction) {
}
