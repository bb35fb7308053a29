package org.mingzhang.api.trace;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/** One use of the gift's money: its part of a payment (or of a fee, a leftover returned or moved, a refund). */
@Schema(name = "TraceUse")
public record TraceUse(
        @Schema(format = "date", example = "2026-06-01") String date,
        @Schema(allowableValues = {"PAYMENT", "FEE", "LEFTOVER_RETURNED", "LEFTOVER_MOVED", "REFUND", "MATCH_RETURNED", "OTHER"})
        String kind,
        @Schema(example = "P-2026-001", description = "The project the money went out of") String project,
        @Schema(example = "采购LED感应灯具", description = "The payment's purpose, never its payee; for other outflows a label "
                + "(管理费, 结余退回, 结余转入 <project>, 退款, 配捐退回)") String purpose,
        @Nullable @Schema(nullable = true, example = "设备采购") String budgetItem,
        @Schema(example = "2400.00", description = "fromGift + fromMatch") String amount,
        @Schema(example = "2000.00") String fromGift,
        @Schema(example = "400.00") String fromMatch,
        @Nullable @Schema(nullable = true, example = "12") Long disbursementId,
        @Nullable @Schema(nullable = true, description = "Where leftover moved to") String toProject) {
}
