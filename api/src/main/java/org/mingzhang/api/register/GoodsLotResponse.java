package org.mingzhang.api.register;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Goods received as a gift that is not valued (an IN entry of the memorandum register), with what has been handed out
 * of them and what is left. Nothing here is in the books: no amount, no transaction.
 */
@Schema(name = "GoodsRegisterEntry")
public record GoodsLotResponse(
        @Schema(example = "7") long id,
        @Schema(example = "TXSQ") String fundCode,
        @Schema(nullable = true, example = "TXSQ-2026-001") String projectCode,
        @Schema(example = "旧衣物（冬装，成色不一）") String description,
        @Schema(description = "How many units came", example = "12") long quantity,
        @Schema(example = "袋") String unit,
        @Schema(example = "3号楼居民 刘阿姨") String donor,
        @Schema(example = "旧衣物无活跃市场，无发票，无法可靠计量其公允价值") String whyNotValued,
        @Schema(example = "2026-05-02T09:00:00+08:00") String occurredAt,
        @Schema(nullable = true, example = "存放于社区仓库 2 号架") String note,
        @Schema(example = "#7 王会计") String recordedBy,
        @Schema(example = "2026-05-02T09:10:00+08:00") String recordedAt,
        @Schema(description = "The sum of the issues' quantities", example = "5") long issuedQuantity,
        @Schema(description = "quantity − issuedQuantity: what may still be handed out", example = "7") long remainingQuantity,
        @Schema(description = "What was handed out of it, oldest first") List<GoodsIssueResponse> issues) {

    public GoodsLotResponse {
        issues = List.copyOf(issues);
    }
}
