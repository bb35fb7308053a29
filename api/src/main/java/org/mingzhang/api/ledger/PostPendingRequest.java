package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/** Post a pending transfer, in full or in part; what is not posted is released. */
@Schema(name = "PostPendingRequest")
public record PostPendingRequest(
        @Schema(nullable = true, description = "At most the pending amount; default the whole of it", example = "250.00")
        String amount,
        @Schema(nullable = true, maxLength = Limits.MEMO_CHARS_MAX, description = "Default the pending transfer's memo")
        String memo) {
}
