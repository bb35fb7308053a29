package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.api.Limits;

/** One line of a manual entry: exactly one of {@code debit} and {@code credit}. */
@Schema(name = "PostingRequest")
public record PostingRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.ACCOUNT_CODE_CHARS_MAX, example = "1002")
        String accountCode,
        @Schema(nullable = true, description = "Yuan, more than zero, at most two decimals; a string, never a number",
                example = "500.00", pattern = "^[0-9]{1,13}(\\.[0-9]{1,2})?$") String debit,
        @Schema(nullable = true, description = "Yuan, more than zero, at most two decimals; a string, never a number",
                pattern = "^[0-9]{1,13}(\\.[0-9]{1,2})?$") String credit,
        @Schema(nullable = true, description = "The fund of the account, when it is not the entry's own fund "
                + "(a transfer between two funds through their due-to/due-from accounts)") String fundCode) {
}
