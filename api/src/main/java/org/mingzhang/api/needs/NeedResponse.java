package org.mingzhang.api.needs;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.need.NeedStatus;

/** A residents' need: what was asked, by how many, and which project answered it. */
@Schema(name = "Need")
public record NeedResponse(
        @Schema(example = "17") long id,
        @Schema(example = "TXSQ") String fundCode,
        @Schema(example = "北侧土路硬化") String title,
        @Schema(example = "北侧土路雨天泥泞，老人出行不便") String description,
        @Schema(example = "3号楼居民") String raisedBy,
        @Schema(example = "12") int supporters,
        NeedStatus status,
        @Schema(nullable = true, description = "The project created from it (委员会接单); null until then",
                example = "TXSQ-2026-001") String answeredByProjectCode,
        @Schema(nullable = true, example = "2026-05-10T15:00:00+08:00") String answeredAt,
        @Schema(description = "The name of the user who recorded it", example = "陈主任") String createdBy,
        @Schema(example = "2026-05-02T10:00:00+08:00") String createdAt,
        @Schema(nullable = true, description = "The name of the user who withdrew it; null unless WITHDRAWN",
                example = "李委员") String withdrawnBy,
        @Schema(nullable = true, example = "2026-05-03T09:00:00+08:00") String withdrawnAt,
        @Schema(nullable = true, example = "居民已自行解决") String withdrawReason) {
}
