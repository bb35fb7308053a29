package org.mingzhang.api.needs;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why an open need is withdrawn; kept with the need. */
@Schema(name = "WithdrawNeedRequest")
public record WithdrawNeedRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NeedLimits.WITHDRAW_REASON_CHARS_MAX,
                example = "居民已自行解决") String reason) {
}
