package org.mingzhang.api.register;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.edge.Times;

/** Goods handed out of what one entry of the memorandum register (备查簿) received. */
@Schema(name = "IssueGoodsRequest")
public record IssueGoodsRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "" + GoodsRegisterLimits.QUANTITY_MAX,
                example = "5", description = "How many units were handed out, at most what is left of the entry; a whole "
                + "number in the entry's unit") Long quantity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = GoodsRegisterLimits.NAME_CHARS_MAX,
                example = "5号楼困难家庭 王某", description = "Who received them") String recipient,
        @Schema(nullable = true, example = Times.EXAMPLE, description = "When they were handed out; now when absent")
        String occurredAt,
        @Schema(nullable = true, maxLength = GoodsRegisterLimits.NOTE_CHARS_MAX, example = "冬季送温暖活动")
        String note) {
}
