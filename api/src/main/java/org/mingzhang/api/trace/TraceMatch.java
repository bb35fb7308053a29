package org.mingzhang.api.trace;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The gift's share of the seed fund's match booked into its project. */
@Schema(name = "TraceMatch")
public record TraceMatch(
        @Schema(example = "800.00") String amount,
        @Nullable @Schema(nullable = true, example = "POOL-2026", description = "The matching pool; null when not matched") String pool,
        @Nullable @Schema(nullable = true, example = "2026年种子基金配捐") String poolName) {
}
