package org.mingzhang.api.funds;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;
import org.mingzhang.fund.FundLevel;

/** A new fund with its own books, under a parent or at the top of the tree. */
@Schema(name = "CreateFundRequest")
public record CreateFundRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.FUND_CODE_CHARS_MAX, example = "TXSQ",
                description = "Unique; letters, digits, '-', '_' and '.'. Used in URLs.") String code,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.FUND_NAME_CHARS_MAX,
                example = "天星社区基金") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "CITY at the top; STREET under a CITY; COMMUNITY under a STREET; SEED at the top or under a CITY")
        FundLevel level,
        @Schema(nullable = true, example = "TXJD") String parentCode,
        @Schema(nullable = true, defaultValue = "false",
                description = "Guard every account of the fund against going below zero (cash and bank always are).")
        Boolean mustNotGoNegative) {
}
