package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.account.AccountType;

/** An account's net balance on its debit or its credit side; the other side is "0.00". */
@Schema(name = "TrialBalanceLine")
public record TrialBalanceLineResponse(
        @Schema(example = "1002") String code,
        @Schema(example = "银行存款 Bank deposits") String name,
        AccountType type,
        @Schema(example = "500.00") String debit,
        @Schema(example = "0.00") String credit) {
}
