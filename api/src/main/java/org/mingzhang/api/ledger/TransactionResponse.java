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
        @Schema(description = "What the transaction moves in its fund (fundCode): the sum of its legs there, its debit total "
                + "(借方合计). A transaction between two funds moves the same money in each: see fundAmounts",
                example = "500.00") String amount,
        @Schema(description = "What the transaction moves in each fund it touches, never added across funds")
        List<FundAmountResponse> fundAmounts,
        @Schema(description = "Whether it counts in the balances: false for a pending reservation (PENDING: money held "
                + "back until it is posted or voided, nothing booked yet) and for a void (VOID_PENDING)", example = "true")
        boolean booked,
        @Schema(nullable = true, description = "The transaction this one reverses") Long reversesId,
        @Schema(nullable = true, description = "The pending transfer this one posts or voids") Long pendingId,
        ReferencesResponse references,
        List<PostingResponse> postings,
        @Schema(description = "SHA-256 over this transaction and prevHash") String hash,
        @Schema(description = "The hash of the transaction before it in the journal") String prevHash) {
}
