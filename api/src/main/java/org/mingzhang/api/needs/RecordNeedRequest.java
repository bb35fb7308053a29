package org.mingzhang.api.needs;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/** A need residents raised, as the residents' committee writes it down for a fund (居民点单). */
@Schema(name = "RecordNeedRequest")
public record RecordNeedRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.FUND_CODE_CHARS_MAX, example = "TXSQ",
                description = "The community fund the residents asked") String fundCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NeedLimits.TITLE_CHARS_MAX,
                example = "北侧土路硬化") String title,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NeedLimits.DESCRIPTION_CHARS_MAX,
                example = "北侧土路雨天泥泞，老人出行不便") String description,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NeedLimits.RAISED_BY_CHARS_MAX,
                example = "3号楼居民", description = "Who raised it, in the committee's words; not a user of the ledger")
        String raisedBy,
        @Schema(nullable = true, minimum = "1", maximum = "" + NeedLimits.SUPPORTERS_MAX,
                defaultValue = "" + NeedLimits.SUPPORTERS_DEFAULT, example = "12",
                description = "How many residents asked for it; a whole number") Integer supporters) {
}
