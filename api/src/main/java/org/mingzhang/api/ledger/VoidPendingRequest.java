package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/** Release a pending transfer without posting anything. */
@Schema(name = "VoidPendingRequest")
public record VoidPendingRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.MEMO_CHARS_MAX,
                example = "supplier cancelled") String reason) {
}
