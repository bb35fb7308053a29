package org.mingzhang.api.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.user.Role;

/** A user just created, with the only copy of their token that the server will ever show. */
@Schema(name = "CreatedUser")
public record CreatedUserResponse(
        @Schema(example = "3") long id,
        @Schema(example = "李会计") String name,
        List<Role> roles,
        @Schema(nullable = true, description = "The bearer token. Only its SHA-256 is stored: keep it now, it cannot be shown "
                + "again (a repeat of the request with its Idempotency-Key answers null).",
                example = "Vq1x3nK8h0Jq9pZr4mL2sT6uY8wA0bC2dE4fG6hI8jK") String token) {
}
