package org.mingzhang.api.register;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods handed out of one entry of the memorandum register (an OUT entry). */
@Schema(name = "GoodsIssue")
public record GoodsIssueResponse(
        @Schema(example = "9") long id,
        @Schema(description = "The entry that received the goods", example = "7") long inEntryId,
        @Schema(example = "TXSQ") String fundCode,
        @Schema(nullable = true, description = "The project of the entry drawn on", example = "TXSQ-2026-001")
        String projectCode,
        @Schema(description = "The entry's description", example = "旧衣物（冬装，成色不一）") String description,
        @Schema(example = "5") long quantity,
        @Schema(example = "袋") String unit,
        @Schema(example = "5号楼困难家庭 王某") String recipient,
        @Schema(description = "What was left of the entry right after this issue", example = "7") long remainingAfter,
        @Schema(example = "2026-05-03T10:00:00+08:00") String occurredAt,
        @Schema(nullable = true, example = "冬季送温暖活动") String note,
        @Schema(example = "#7 王会计") String recordedBy,
        @Schema(example = "2026-05-03T10:05:00+08:00") String recordedAt) {
}
