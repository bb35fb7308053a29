package org.mingzhang.api.needs;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.mingzhang.api.Limits;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.auth.AuthFilter;
import org.mingzhang.api.auth.Authenticator;
import org.mingzhang.api.edge.IdempotencyKeys;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Page;
import org.mingzhang.api.funds.FundsController;
import org.mingzhang.api.ledger.Outcomes;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RecordKind;
import org.mingzhang.need.Need;
import org.mingzhang.need.NeedStatus;
import org.mingzhang.need.NeedStore;
import org.mingzhang.need.RecordNeed;
import org.mingzhang.need.WithdrawNeed;
import org.mingzhang.user.User;

/**
 * Residents' needs (居民点单): the residents' committee records what residents asked of their fund; a
 * project created from a need (委员会接单) answers it, and the need then names that project. The core
 * decides every change in the ledger's single writer; this edge reads the request and names the field
 * that is wrong.
 */
@Controller("/api/v1/needs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Residents' needs")
public final class NeedsController {

    /** A refusal about the need named in the URL (it does not exist) is a 404, not a 422. */
    private static final Set<String> ID_IN_PATH = Set.of("id");

    private final Ledger ledger;
    private final NeedStore needs;
    private final NeedViews views;
    /** What a request key kept with a need names, and how a repeat finds the need again. */
    private final RecordKind<Need> kind;

    public NeedsController(Ledger ledger, NeedStore needs, NeedViews views) {
        this.ledger = ledger;
        this.needs = needs;
        this.views = views;
        this.kind = new RecordKind<>("NEED", n -> String.valueOf(n.id()), id -> needs.need(Long.parseLong(id)));
    }

    @Post
    @Allowed({ACCOUNTANT, COMMITTEE})
    @Operation(operationId = "recordNeed", summary = "Record a need residents raised (居民点单); it starts OPEN",
            description = "supporters is how many residents asked for it: 1 to " + NeedLimits.SUPPORTERS_MAX
                    + " (supportersMax), 1 when absent.")
    @ApiResponse(responseCode = "201", description = "The need, status OPEN; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeedResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid: a missing, blank or too long field, supporters "
            + "out of range or not a whole number; every wrong field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The fund does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<NeedResponse> record(
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Body RecordNeedRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Input input = new Input();
        String fundCode = input.code(request.fundCode(), "fundCode", Limits.FUND_CODE_CHARS_MAX);
        String title = input.text(request.title(), "title", NeedLimits.TITLE_CHARS_MAX);
        String description = input.text(request.description(), "description", NeedLimits.DESCRIPTION_CHARS_MAX);
        String raisedBy = input.text(request.raisedBy(), "raisedBy", NeedLimits.RAISED_BY_CHARS_MAX);
        int supporters = supporters(request.supporters(), input);
        input.validate();
        Outcome<Need> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, kind,
                new RecordNeed(Authenticator.actor(caller), fundCode, title, description, raisedBy, supporters)));
        Need need = Outcomes.accepted(outcome, Set.of());
        return Outcomes.replayed(HttpResponse.created(views.of(need), URI.create("/api/v1/needs/" + need.id())), outcome);
    }

    private static int supporters(Integer supporters, Input input) {
        if (supporters == null) {
            return NeedLimits.SUPPORTERS_DEFAULT;
        }
        if (supporters < 1 || supporters > NeedLimits.SUPPORTERS_MAX) {
            input.fail("supporters", "must be between 1 and " + NeedLimits.SUPPORTERS_MAX + " (supportersMax): " + supporters);
        }
        return supporters;
    }

    @Get
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listNeeds", summary = "Residents' needs in the order they were recorded, optionally of one "
            + "fund or in one state")
    @ApiResponse(responseCode = "400", description = "An unknown status, a limit out of range or a cursor that is not one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<NeedResponse> list(
            @Nullable @QueryValue @Parameter(description = "Only the needs of this fund") String fundCode,
            @Nullable @QueryValue @Parameter(description = "Only the needs in this state",
                    schema = @Schema(implementation = NeedStatus.class)) String status,
            @Nullable @QueryValue @Parameter(description = "Page size, 1 to " + Limits.PAGE_ITEMS_MAX + "; default "
                    + Limits.PAGE_ITEMS_DEFAULT) Integer limit,
            @Nullable @QueryValue @Parameter(description = "nextCursor of the previous page") String cursor) {
        Input input = new Input();
        NeedStatus wanted = status(status, input);
        int pageSize = input.limit(limit);
        long afterId = Page.afterId(cursor, input);
        input.validate();
        Long fundId = fundCode == null ? null : FundsController.find(ledger, fundCode).id();
        List<Need> page = needs.page(fundId, wanted, afterId, pageSize);
        String next = page.size() == pageSize ? String.valueOf(page.get(page.size() - 1).id()) : null;
        return new Page<>(page.stream().map(views::of).toList(), next);
    }

    private static NeedStatus status(String status, Input input) {
        return input.optionalOneOf(NeedStatus.class, status, "status");
    }

    @Get("/{id}")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getNeed", summary = "One residents' need, and the project that answered it if one has")
    @ApiResponse(responseCode = "404", description = "No such need",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NeedResponse get(long id) {
        return needs.need(id).map(views::of).orElseThrow(() -> Problems.notFound("need-must-exist", "no need " + id));
    }

    @Post("/{id}/withdraw")
    @Allowed({ACCOUNTANT, COMMITTEE})
    @Operation(operationId = "withdrawNeed", summary = "Withdraw an OPEN need, saying why: → WITHDRAWN",
            description = "A need a project has answered, or one withdrawn already, stays as it is.")
    @ApiResponse(responseCode = "200", description = "The need, WITHDRAWN, with who withdrew it, when and why",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeedResponse.class)))
    @ApiResponse(responseCode = "400", description = "No reason, or one longer than " + NeedLimits.WITHDRAW_REASON_CHARS_MAX
            + " characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such need",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The need is not OPEN; the detail names its state. Or the "
            + "Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<NeedResponse> withdraw(
            long id,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body WithdrawNeedRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Input input = new Input();
        String reason = input.text(request == null ? null : request.reason(), "reason", NeedLimits.WITHDRAW_REASON_CHARS_MAX);
        input.validate();
        Outcome<Need> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, kind,
                new WithdrawNeed(Authenticator.actor(caller), id, reason)));
        return Outcomes.replayed(HttpResponse.ok(views.of(Outcomes.accepted(outcome, ID_IN_PATH))), outcome);
    }
}
