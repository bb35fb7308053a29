package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.account.AccountType;

/** One account of a fund's chart with its current balance in its normal direction. */
@Schema(name = "Account")
public record AccountResponse(
        @Schema(example = "1002") String code,
        @Schema(example = "银行存款 Bank deposits") String name,
        AccountType type,
        @Schema(description = "Holds restricted money (限定性)") boolean restricted,
        @Schema(description = "The ledger refuses postings that would take 'available' below zero") boolean mustNotGoNegative,
        @Schema(description = "Posted balance: debits − credits for ASSET and EXPENSE, credits − debits otherwise",
                example = "500.00") String balance,
        @Schema(description = "The balance less pending transfers that would reduce it", example = "200.00") String available) {
}
