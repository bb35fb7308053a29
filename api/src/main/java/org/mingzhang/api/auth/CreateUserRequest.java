package org.mingzhang.api.auth;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.api.Limits;
import org.mingzhang.user.Role;

/** A new user: who, and which roles they hold. */
@Schema(name = "CreateUserRequest")
public record CreateUserRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.USER_NAME_CHARS_MAX, example = "李会计")
        String name,
        @ArraySchema(minItems = 1, schema = @Schema(implementation = Role.class))
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        List<Role> roles) {
}
