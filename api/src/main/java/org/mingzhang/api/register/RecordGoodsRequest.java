package org.mingzhang.api.register;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.edge.Times;

/** Goods received as a gift whose value cannot be measured reliably, for the fund's memorandum register (备查簿). */
@Schema(name = "RecordGoodsRequest")
public record RecordGoodsRequest(
        @Schema(nullable = true, maxLength = GoodsRegisterLimits.PROJECT_CODE_CHARS_MAX, example = "TXSQ-2026-001",
                description = "The project of this fund the goods were given for; absent for the fund as a whole")
        String projectCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = GoodsRegisterLimits.DESCRIPTION_CHARS_MAX,
                example = "旧衣物（冬装，成色不一）", description = "What the goods are") String description,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "" + GoodsRegisterLimits.QUANTITY_MAX,
                example = "12", description = "How many units came; a whole number") Long quantity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = GoodsRegisterLimits.UNIT_CHARS_MAX,
                example = "袋", description = "What one unit is") String unit,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = GoodsRegisterLimits.NAME_CHARS_MAX,
                example = "3号楼居民 刘阿姨", description = "Who gave them, as the accountant writes it down") String donor,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = GoodsRegisterLimits.WHY_NOT_VALUED_CHARS_MAX,
                example = "旧衣物无活跃市场，无发票，无法可靠计量其公允价值",
                description = "Why the value cannot be measured reliably: what keeps the gift out of the books")
        String whyNotValued,
        @Schema(nullable = true, example = Times.EXAMPLE, description = "When the goods arrived; now when absent")
        String occurredAt,
        @Schema(nullable = true, maxLength = GoodsRegisterLimits.NOTE_CHARS_MAX, example = "存放于社区仓库 2 号架")
        String note) {
}
