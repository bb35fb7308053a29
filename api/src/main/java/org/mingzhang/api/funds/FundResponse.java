package org.mingzhang.api.funds;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.fund.FundLevel;

/**
 * A fund with its balances. The balances appear twice, as {@code balances} and at the top level, so
 * that both readings of "a fund with its balances" hold.
 */
@Schema(name = "Fund")
public record FundResponse(
        @Schema(example = "TXSQ") String code,
        @Schema(example = "天星社区基金") String name,
        FundLevel level,
        @Schema(nullable = true, example = "TXJD") String parentCode,
        boolean mustNotGoNegative,
        @Schema(nullable = true, description = "Postings dated at or before this time are refused",
                example = "2026-04-30T23:59:59.999999+08:00") String closedThrough,
        @Schema(example = "2026-05-01T10:00:00+08:00") String createdAt,
        FundBalancesResponse balances,
        @Schema(example = "500.00") String cash,
        @Schema(example = "0.00") String restricted,
        @Schema(example = "500.00") String unrestricted) {
}
