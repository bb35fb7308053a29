package org.mingzhang.api.funds;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.fund.FundBalances;
import org.mingzhang.money.Money;

/** The three figures a fund is known by, in yuan. */
@Schema(name = "FundBalances")
public record FundBalancesResponse(
        @Schema(description = "Cash on hand and bank deposits", example = "500.00") String cash,
        @Schema(description = "Restricted net assets, including restricted income of the open year", example = "0.00")
        String restricted,
        @Schema(description = "Unrestricted net assets, including the open year's unrestricted income less expenses",
                example = "500.00") String unrestricted) {

    static FundBalancesResponse of(FundBalances b) {
        return new FundBalancesResponse(Money.format(b.cashFen()), Money.format(b.restrictedFen()),
                Money.format(b.unrestrictedFen()));
    }
}
