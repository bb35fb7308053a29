package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What became of each row of an import. {@code rows} = {@code created} + {@code replayed} +
 * {@code refused} + {@code invalid}; a row that was not created or replayed wrote nothing.
 */
@Schema(name = "DonationImport")
public record ImportResponse(
        @Schema(example = "500", description = "Data rows read (blank lines are skipped)") int rows,
        @Schema(example = "496") int created,
        @Schema(example = "0", description = "Rows whose idempotencyKey had booked the same gift before") int replayed,
        @Schema(example = "2", description = "Well-formed rows the ledger refused (unknown project, closed window...)")
        int refused,
        @Schema(example = "2", description = "Rows that broke a rule of the format (bad amount, unknown channel...)")
        int invalid,
        @ArraySchema(schema = @Schema(implementation = ImportRowResult.class),
                arraySchema = @Schema(description = "One per data row, in file order")) List<ImportRowResult> results) {
}
