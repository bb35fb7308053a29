package org.mingzhang.api.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a transaction refers to outside the journal; each may be null. */
@Schema(name = "References")
public record ReferencesResponse(
        @Schema(nullable = true) String gift,
        @Schema(nullable = true) String disbursement,
        @Schema(nullable = true) String pool,
        @Schema(nullable = true, description = "The project whose money the transaction moves") String project) {
}
