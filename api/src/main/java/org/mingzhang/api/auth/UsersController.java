package org.mingzhang.api.auth;

import static org.mingzhang.user.Role.ACCOUNTANT;
import static org.mingzhang.user.Role.ADMIN;
import static org.mingzhang.user.Role.AUDITOR;
import static org.mingzhang.user.Role.COMMITTEE;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.Set;
import org.mingzhang.api.Limits;
import org.mingzhang.api.edge.Input;
import org.mingzhang.user.Role;
import org.mingzhang.user.User;
import org.mingzhang.user.UserStore;

/** Users and their tokens. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
public final class UsersController {

    private final UserStore users;

    public UsersController(UserStore users) {
        this.users = users;
    }

    @Post("/users")
    @Status(HttpStatus.CREATED)
    @Allowed(ADMIN)
    @Operation(operationId = "createUser", summary = "Create a user and their bearer token",
            description = "The answer carries the token once; only its SHA-256 is stored.")
    public CreatedUserResponse create(@Body CreateUserRequest request) {
        Input input = new Input();
        String name = input.text(request.name(), "name", Limits.USER_NAME_CHARS_MAX);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (request.roles() == null || request.roles().isEmpty()) {
            input.fail("roles", "must name at least one of ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR");
        } else {
            for (int i = 0; i < request.roles().size(); i++) {
                Role role = input.required(request.roles().get(i), "roles[" + i + "]");
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        input.validate();
        String token = Tokens.generate();
        User user = users.create(name, roles, Tokens.sha256Hex(token));
        return new CreatedUserResponse(user.id(), user.name(), user.roles().stream().sorted().toList(), token);
    }

    @Get("/me")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getCaller", summary = "Who the server takes the caller for", description = "Useful to check a token.")
    public CallerResponse me(@RequestAttribute(AuthFilter.CALLER) User caller) {
        return CallerResponse.of(caller);
    }
}
