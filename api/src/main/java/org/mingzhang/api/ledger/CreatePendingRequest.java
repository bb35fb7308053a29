package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/**
 * Reserve money: a transfer between two accounts of one fund that lowers what the credited account
 * has available, and moves nothing until it is posted.
 */
@Schema(name = "CreatePendingRequest")
public record CreatePendingRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "TXSQ") String fundCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5101") String debitAccountCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1002") String creditAccountCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "300.00") String amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.MEMO_CHARS_MAX,
                example = "elderly meal programme, May invoice") String memo,
        @Schema(nullable = true, example = "2026-05-01T10:00:00+08:00") String occurredAt) {
}
