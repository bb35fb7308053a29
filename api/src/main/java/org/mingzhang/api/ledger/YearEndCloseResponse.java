package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A fund's closed year: its closing entries and the instant its books are locked through. */
@Schema(name = "YearEndClose")
public record YearEndCloseResponse(
        @Schema(example = "TXSQ") String fundCode,
        @Schema(example = "2026") int year,
        @Schema(description = "The closing entries' date, and the end of the locked period",
                example = "2026-12-31T23:59:59.999999+08:00") String closedThrough,
        @Schema(description = "The closing entries (kind YEAR_CLOSE): one per project whose money the year touched, one for "
                + "the rest of the fund; none when the year had no income or expense") List<Long> transactionIds,
        @Schema(example = "王会计") String closedBy,
        @Schema(example = "2027-01-05T10:00:00+08:00") String closedAt) {
}
