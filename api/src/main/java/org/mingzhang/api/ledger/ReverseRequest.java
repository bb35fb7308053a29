package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/** Why a transaction is reversed (冲销), and when; the reversal swaps every line of the original. */
@Schema(name = "ReverseRequest")
public record ReverseRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.REASON_CHARS_MAX,
                example = "entered twice") String reason,
        @Schema(nullable = true, description = "Default now; must fall in an open period",
                example = "2026-05-02T09:00:00+08:00") String occurredAt) {
}
