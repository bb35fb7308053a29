package org.mingzhang.api.ledger;

import static org.mingzhang.user.Role.ACCOUNTANT;
import static org.mingzhang.user.Role.ADMIN;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import java.time.Instant;
import java.util.Set;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.auth.AuthFilter;
import org.mingzhang.api.edge.IdempotencyKeys;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Periods;
import org.mingzhang.api.funds.FundResponse;
import org.mingzhang.api.funds.FundViews;
import org.mingzhang.api.funds.FundsController;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.transparency.CheckpointPublisher;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.ClosePeriod;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.user.User;

/** Closing a fund's books (结账): once closed, nothing may be dated inside the period. */
@Controller("/api/v1/ledger/funds/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ledger")
public final class PeriodsController {

    private final Ledger ledger;
    private final FundViews views;
    private final CheckpointPublisher checkpoints;

    public PeriodsController(Ledger ledger, FundViews views, CheckpointPublisher checkpoints) {
        this.ledger = ledger;
        this.views = views;
        this.checkpoints = checkpoints;
    }

    @Post("/close-period")
    @Allowed({ADMIN, ACCOUNTANT})
    @Operation(operationId = "closePeriod", summary = "Close the fund's books through the end of a period",
            description = "The period is a year, a month or a quarter in China Standard Time; it must have ended. "
                    + "Afterwards, postings dated inside it are refused with 422; corrections are booked in an open period.")
    @ApiResponse(responseCode = "200", description = "The fund, with its new closedThrough",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FundResponse.class)))
    @ApiResponse(responseCode = "422", description = "The period has not ended, or the books are closed through it already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<FundResponse> closePeriod(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Body ClosePeriodRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Fund fund = FundsController.find(ledger, code);
        Input input = new Input();
        Instant through = Periods.lastInstant(request.period(), "period", input);
        input.validate();
        Outcome<Fund> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request,
                FundsController.kind(ledger), new ClosePeriod(fund.code(), through)));
        Fund closed = Outcomes.accepted(outcome, Set.of("fundCode"));
        // Publishing is idempotent: for a replay whose books have not grown since, the latest checkpoint stands.
        checkpoints.afterClose(closed.code());
        return Outcomes.replayed(HttpResponse.ok(views.of(closed)), outcome);
    }
}
