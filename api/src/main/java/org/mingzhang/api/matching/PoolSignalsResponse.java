package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.matching.AbuseSignal;

/** A gift to one of the pool's projects that a person should look at; a signal never changes a match. */
@Schema(name = "PoolAbuseSignal")
public record PoolSignalsResponse(
        @Schema(example = "TXSQ-2026-001") String projectCode,
        @Schema(example = "17") String giftId,
        List<AbuseSignal> signals) {
}
