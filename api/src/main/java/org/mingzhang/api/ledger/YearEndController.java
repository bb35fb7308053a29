package org.mingzhang.api.ledger;

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
import java.net.URI;
import java.util.Set;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.auth.AuthFilter;
import org.mingzhang.api.auth.Authenticator;
import org.mingzhang.api.edge.IdempotencyKeys;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Page;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.funds.FundsController;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.transparency.CheckpointPublisher;
import org.mingzhang.closing.CloseYear;
import org.mingzhang.closing.ClosingStore;
import org.mingzhang.closing.YearClose;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RecordKind;
import org.mingzhang.user.User;

/**
 * The year-end close (期末结转) of a fund: its income and expenses booked into net assets as 《民间非营利组织会计制度》
 * prescribes, and the year locked. A year's restricted money is spent, refunded or moved in a later year only after
 * its close.
 */
@Controller("/api/v1/ledger/funds/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ledger")
public final class YearEndController {

    private final Ledger ledger;
    private final CheckpointPublisher checkpoints;
    private final ClosingStore closings;
    /** What a request key kept with a closed year names (fund id / year), and how a repeat finds the close again. */
    private final RecordKind<YearClose> kind;

    public YearEndController(Ledger ledger, ClosingStore closings, CheckpointPublisher checkpoints) {
        this.ledger = ledger;
        this.closings = closings;
        this.checkpoints = checkpoints;
        this.kind = new RecordKind<>("YEAR_CLOSE", c -> c.fundId() + "/" + c.year(), id -> closings.yearCloses().stream()
                .filter(c -> id.equals(c.fundId() + "/" + c.year())).findFirst());
    }

    @Post("/year-end-close")
    @Allowed({ADMIN, ACCOUNTANT})
    @Operation(operationId = "closeYear", summary = "Close a fund's year (期末结转) and lock it",
            description = "Books, dated at 23:59:59.999999 on 31 December (China Standard Time), restricted income into "
                    + "restricted net assets (Dr 410102 / Cr 3102), unrestricted income into unrestricted net assets "
                    + "(Dr 410101 / Cr 3101) and expenses into unrestricted net assets (Dr 3101 / Cr 5101, 5201, 5301): one "
                    + "entry per project whose money the year touched, so that each project's restricted money carries "
                    + "into the next year as its own, and one for the rest of the fund. Then the year is locked like a "
                    + "closed period. The year must have ended; years close in order, each once.")
    @ApiResponse(responseCode = "201", description = "The year is closed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = YearEndCloseResponse.class)))
    @ApiResponse(responseCode = "400", description = "A missing or impossible year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The year is closed already, or the Idempotency-Key was used for "
            + "another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The year has not ended, an earlier year with entries is not closed, "
            + "or a later period is closed already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<YearEndCloseResponse> close(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Body YearEndCloseRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Fund fund = FundsController.find(ledger, code);
        Input input = new Input();
        if (request.year() == null) {
            input.fail("year", "is required: the calendar year to close, like 2026");
        } else if (request.year() < CloseYear.YEAR_MIN || request.year() > CloseYear.YEAR_MAX) {
            input.fail("year", "must be a year from " + CloseYear.YEAR_MIN + " to " + CloseYear.YEAR_MAX + ": " + request.year());
        }
        input.validate();
        Outcome<YearClose> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, kind,
                new CloseYear(Authenticator.actor(caller), fund.code(), request.year())));
        YearClose closed = Outcomes.accepted(outcome, Set.of("fundCode"));
        checkpoints.afterClose(fund.code());
        return Outcomes.replayed(HttpResponse.created(view(fund, closed),
                URI.create("/api/v1/ledger/funds/" + fund.code() + "/year-end-closes")), outcome);
    }

    @Get("/year-end-closes")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listYearEndCloses", summary = "The fund's closed years, oldest first")
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<YearEndCloseResponse> list(String code) {
        Fund fund = FundsController.find(ledger, code);
        return new Page<>(closings.yearCloses().stream().filter(c -> c.fundId() == fund.id()).map(c -> view(fund, c)).toList(),
                null);
    }

    private static YearEndCloseResponse view(Fund fund, YearClose c) {
        return new YearEndCloseResponse(fund.code(), c.year(), Times.format(c.closedThrough()), c.transactionIds(),
                c.closedBy().name(), Times.format(c.closedAt()));
    }
}
