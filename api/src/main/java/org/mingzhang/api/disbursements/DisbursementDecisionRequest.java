package org.mingzhang.api.disbursements;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/**
 * A decision on a disbursement. Approving more than the budget line has left needs
 * {@code "approveOverrun": true} and a reason, both recorded; a rejection or cancellation says why.
 */
@Schema(name = "DisbursementDecisionRequest")
public record DisbursementDecisionRequest(
        @Schema(nullable = true, description = "Approve the part beyond the budget line explicitly (approve only)")
        Boolean approveOverrun,
        @Schema(nullable = true, maxLength = Limits.REASON_CHARS_MAX, example = "材料涨价，委员会同意超支") String reason) {
}
