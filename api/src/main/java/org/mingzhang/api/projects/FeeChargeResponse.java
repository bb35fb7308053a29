package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A management fee charged to a project: {@code rate × raised = allowed}; {@code allowed − chargedBefore = amount}, booked
 * by {@code transactionId} (Dr 5201 / Cr 1002, with the restriction on that much of the project's money lifted).
 */
@Schema(name = "FeeCharge")
public record FeeChargeResponse(
        @Schema(example = "TXSQ-2026-001") String projectCode,
        @Schema(description = "The plan's management fee rate", example = "0.05") String rate,
        @Schema(description = "What the project raised when the fee was charged", example = "36000.00") String raised,
        @Schema(description = "rate × raised, rounded down to the fen", example = "1800.00") String allowed,
        @Schema(description = "Fees charged before this one", example = "0.00") String chargedBefore,
        @Schema(description = "This charge", example = "1800.00") String amount,
        @Schema(description = "chargedBefore + amount", example = "1800.00") String chargedTotal,
        @Schema(example = "57") long transactionId) {
}
