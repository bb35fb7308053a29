package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

/** One debit or credit line of a transaction: the legs summed per account. One side is always "0.00". */
@Schema(name = "Posting")
public record PostingResponse(
        @Schema(example = "TXSQ") String fundCode,
        @Schema(example = "1002") String accountCode,
        @Schema(example = "银行存款 Bank deposits") String accountName,
        @Schema(example = "500.00") String debit,
        @Schema(example = "0.00") String credit) {
}
