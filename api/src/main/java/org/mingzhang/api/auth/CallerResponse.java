package org.mingzhang.api.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.user.Role;

/** Who the server takes the caller for. */
@Schema(name = "Caller")
public record CallerResponse(@Schema(example = "3") long id, @Schema(example = "李会计") String name, List<Role> roles) {

    static CallerResponse of(org.mingzhang.user.User user) {
        return new CallerResponse(user.id(), user.name(), user.roles().stream().sorted().toList());
    }
}
