package org.mingzhang.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An error answer in the RFC 9457 shape ({@code application/problem+json}). It never carries a stack
 * trace, an exception's class or a message that was not written for the client.
 *
 * @param type a stable URI that names the kind of problem; clients branch on it
 * @param errors for a request that was refused for its content: which field and why
 */
@Schema(name = "Problem", description = "An RFC 9457 problem: every error the API returns has this shape.")
public record Problem(
        @Schema(example = "https://mingzhang.org/problems/transaction-must-balance") String type,
        @Schema(example = "Transaction must balance") String title,
        @Schema(example = "422") int status,
        @Schema(example = "debits 500.00 must equal credits 400.00 in fund TXSQ") String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://mingzhang.org/problems/";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }
}
