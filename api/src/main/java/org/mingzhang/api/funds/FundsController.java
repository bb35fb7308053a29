package org.mingzhang.api.funds;

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
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.mingzhang.api.Limits;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.auth.AuthFilter;
import org.mingzhang.api.edge.IdempotencyKeys;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Page;
import org.mingzhang.api.ledger.Outcomes;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.CreateFund;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RecordKind;
import org.mingzhang.user.User;

/** Funds: each keeps its own books (独立核算) in the federation's tree. */
@Controller("/api/v1/funds")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Funds")
public final class FundsController {

    private final Ledger ledger;
    private final FundViews views;

    public FundsController(Ledger ledger, FundViews views) {
        this.ledger = ledger;
        this.views = views;
    }

    @Post
    @Allowed({ADMIN, ACCOUNTANT})
    @Operation(operationId = "createFund", summary = "Open a fund with the standard chart of accounts")
    @ApiResponse(responseCode = "201", description = "The fund, with zero balances",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FundResponse.class)))
    @ApiResponse(responseCode = "409", description = "A fund with this code exists, or the Idempotency-Key was used for "
            + "another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The parent does not exist, or the level does not fit under it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<FundResponse> create(
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Body CreateFundRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Input input = new Input();
        String code = input.code(request.code(), "code", Limits.FUND_CODE_CHARS_MAX);
        String name = input.text(request.name(), "name", Limits.FUND_NAME_CHARS_MAX);
        FundLevel level = input.required(request.level(), "level");
        String parentCode = request.parentCode() == null ? null
                : input.code(request.parentCode(), "parentCode", Limits.FUND_CODE_CHARS_MAX);
        input.validate();
        Outcome<Fund> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, kind(ledger),
                new CreateFund(code, name, level, parentCode, Boolean.TRUE.equals(request.mustNotGoNegative()))));
        Fund fund = Outcomes.accepted(outcome, Set.of());
        return Outcomes.replayed(HttpResponse.created(views.of(fund), URI.create("/api/v1/funds/" + fund.code())), outcome);
    }

    @Get
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listFunds", summary = "List funds by code, with their balances")
    public Page<FundResponse> list(@Nullable @QueryValue Integer limit,
                                   @Nullable @QueryValue @Schema(description = "The last fund code of the previous page")
                                   String cursor) {
        Input input = new Input();
        int pageSize = input.limit(limit);
        input.validate();
        List<Fund> funds = ledger.reads().funds().stream()
                .filter(f -> cursor == null || f.code().compareTo(cursor) > 0)
                .sorted(Comparator.comparing(Fund::code))
                .limit(pageSize)
                .toList();
        String next = funds.size() == pageSize ? funds.get(funds.size() - 1).code() : null;
        return new Page<>(funds.stream().map(views::of).toList(), next);
    }

    @Get("/{code}")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getFund", summary = "A fund with its balances: cash, restricted, unrestricted")
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FundResponse get(String code) {
        return views.of(find(ledger, code));
    }

    /** What a request key kept with a fund (opened, or its period closed) names, and how a repeat finds the fund again. */
    public static RecordKind<Fund> kind(Ledger ledger) {
        return new RecordKind<>("FUND", Fund::code, ledger::fund);
    }

    /** The fund named in a URL, or a 404. */
    public static Fund find(Ledger ledger, String code) {
        return ledger.fund(code).orElseThrow(() -> Problems.notFound("fund-must-exist", "no fund " + code));
    }
}
