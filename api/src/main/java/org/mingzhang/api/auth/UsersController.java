package org.mingzhang.api.auth;

import static org.mingzhang.user.Role.ACCOUNTANT;
import static org.mingzhang.user.Role.ADMIN;
import static org.mingzhang.user.Role.AUDITOR;
import static org.mingzhang.user.Role.COMMITTEE;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.Set;
import org.mingzhang.api.Limits;
import org.mingzhang.api.edge.IdempotencyKeys;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.ledger.Outcomes;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RequestKey;
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
    @Allowed(ADMIN)
    @Operation(operationId = "createUser", summary = "Create a user and their bearer token",
            description = "The answer carries the token once; only its SHA-256 is stored. A repeat with the same "
                    + "Idempotency-Key and body answers the same user, 201 with Idempotent-Replayed: true, but without the "
                    + "token (token null), which is not kept: a client that lost the first answer has the admin create "
                    + "another user.")
    @ApiResponse(responseCode = "201", description = "The user with their token (null on a replay)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedUserResponse.class)))
    @ApiResponse(responseCode = "400", description = "No name, no role or an unknown one; a bad Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<CreatedUserResponse> create(
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Body CreateUserRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
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
        if (idempotencyKey == null) {
            return HttpResponse.created(response(users.create(name, roles, Tokens.sha256Hex(token)), token));
        }
        // Users are made outside the ledger's single writer; the store keeps the caller's key with the user in one
        // database transaction, as the writer does for the records it makes.
        RequestKey key = IdempotencyKeys.requestKey(IdempotencyKeys.require(idempotencyKey), caller, http, request);
        Outcome<User> outcome = users.create(key, name, roles, Tokens.sha256Hex(token));
        User user = Outcomes.accepted(outcome, Set.of());
        boolean replayed = outcome instanceof Outcome.Accepted<User> a && a.replayed();
        return Outcomes.replayed(HttpResponse.created(response(user, replayed ? null : token)), outcome);
    }

    private static CreatedUserResponse response(User user, String token) {
        return new CreatedUserResponse(user.id(), user.name(), user.roles().stream().sorted().toList(), token);
    }

    @Get("/me")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getCaller", summary = "Who the server takes the caller for", description = "Useful to check a token.")
    public CallerResponse me(@RequestAttribute(AuthFilter.CALLER) User caller) {
        return CallerResponse.of(caller);
    }
}
