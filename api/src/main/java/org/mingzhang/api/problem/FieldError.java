package org.mingzhang.api.problem;

import io.swagger.v3.oas.annotations.media.Schema;

/** What is wrong with one field of a request, named as the client wrote it: {@code postings[0].debit}. */
@Schema(name = "FieldError")
public record FieldError(
        @Schema(example = "postings[0].debit", nullable = true,
                description = "null when the problem is with the body as a whole") String field,
        @Schema(example = "amount must have at most 2 decimals: 1.234") String message) {
}
