package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.journal.Phase;
import org.mingzhang.journal.TransactionKind;

/** A journal transaction as recorded: immutable, balanced in each fund, chained by its hash. */
@Schema(name = "Transaction")
public record TransactionResponse(
        @Schema(example = "42") long id,
        TransactionKind kind,
        Phase phase,
        @Schema(description = "The fund of the transaction's first posting", example = "TXSQ") String fundCode,
        @Schema(example = "张三明 donation by bank transfer") String memo,
        @Schema(description = "When the money moved, as given or the time of recording", example = "2026-05-01T10:00:00+08:00")
        String occurredAt,
        @Schema(description = "When the ledger wrote it", example = "2026-05-01T10:00:03.123456+08:00") String recordedAt,
        @Schema(description = "Who wrote it", example = "#3 李会计") String recordedBy,
        @Schema(description = "What the transaction moves: the sum of its legs", example = "500.00") String amount,
        @Schema(nullable = true, description = "The transaction this one reverses") Long reversesId,
        @Schema(nullable = true, description = "The pending transfer this one posts or voids") Long pendingId,
        ReferencesResponse references,
        List<PostingResponse> postings,
        @Schema(description = "SHA-256 over this transaction and prevHash") String hash,
        @Schema(description = "The hash of the transaction before it in the journal") String prevHash) {
}
