package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

/** The year to close (期末结转), a calendar year in China Standard Time. */
@Schema(name = "YearEndCloseRequest")
public record YearEndCloseRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The year, which must have ended; years close in "
                + "order, each once", example = "2026") Integer year) {
}
