package org.mingzhang.api.donations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.api.problem.FieldError;

/**
 * One row's outcome.
 *
 * @param line the row as a spreadsheet numbers it: the header is line 1, the first gift line 2
 * @param errors for REFUSED and INVALID: each wrong column and why
 */
@Schema(name = "DonationImportRow")
public record ImportRowResult(
        @Schema(example = "2") int line,
        @Schema(nullable = true, example = "bank-2026-05-0001") String idempotencyKey,
        ImportRowStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, example = "1") Long id,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, example = "TXSQ-2026-000001") String receiptNo,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true) List<FieldError> errors) {
}
