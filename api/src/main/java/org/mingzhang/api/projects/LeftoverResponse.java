package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.project.LeftoverDisposition;

/** What became of a project's leftover money (结余), and the journal transaction that carried it out. */
@Schema(name = "Leftover")
public record LeftoverResponse(
        @Schema(example = "1") int seq,
        LeftoverDisposition disposition,
        @Schema(example = "320.50") String amount,
        @Schema(nullable = true, description = "The project that received it, for TRANSFER_TO_PROJECT",
                example = "TXSQ-2026-004") String targetProjectCode,
        @Schema(example = "57") long transactionId,
        @Schema(example = "李委员") String decidedBy,
        @Schema(example = "2026-08-01T10:00:00+08:00") String decidedAt,
        @Schema(example = "委员会决议：结余转入助老项目") String reason) {
}
