package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.api.Limits;

/** A manual journal entry (记账凭证): balanced debit and credit lines in one fund, or two linked funds. */
@Schema(name = "ManualEntryRequest")
public record ManualEntryRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "TXSQ") String fundCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.MEMO_CHARS_MAX,
                example = "张三明 donation by bank transfer") String memo,
        @Schema(nullable = true, description = "When the money moved, ISO-8601 with an offset; default now",
                example = "2026-05-01T10:00:00+08:00") String occurredAt,
        @ArraySchema(minItems = Limits.POSTINGS_PER_TRANSACTION_MIN, maxItems = Limits.POSTINGS_PER_TRANSACTION_MAX)
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PostingRequest> postings) {
}
