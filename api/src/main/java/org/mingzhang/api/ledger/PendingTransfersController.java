package org.mingzhang.api.ledger;

import static org.mingzhang.user.Role.ACCOUNTANT;

import io.micronaut.core.annotation.Nullable;
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
import org.mingzhang.api.Limits;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.auth.AuthFilter;
import org.mingzhang.api.auth.Authenticator;
import org.mingzhang.api.edge.IdempotencyKeys;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.journal.CreatePending;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.PostPending;
import org.mingzhang.journal.References;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.VoidPending;
import org.mingzhang.user.User;

/**
 * Two-phase transfers: reserve money first (it stops being available), then post all or part of it,
 * or void it. Each step is a transaction of its own in the journal.
 */
@Controller("/api/v1/ledger/pending-transfers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ledger")
public final class PendingTransfersController {

    private static final Set<String> ID_IN_PATH = Set.of("id");

    private final Ledger ledger;
    private final TransactionViews views;

    public PendingTransfersController(Ledger ledger, TransactionViews views) {
        this.ledger = ledger;
        this.views = views;
    }

    @Post
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "createPendingTransfer", summary = "Reserve money for a transfer between two accounts of one fund")
    @ApiResponse(responseCode = "201", description = "The PENDING transaction",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TransactionResponse.class)))
    @ApiResponse(responseCode = "422", description = "Unknown fund or account, would overdraw, closed period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<TransactionResponse> create(
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body CreatePendingRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Input input = new Input();
        String fundCode = input.code(request.fundCode(), "fundCode", Limits.FUND_CODE_CHARS_MAX);
        String debit = input.code(request.debitAccountCode(), "debitAccountCode", Limits.ACCOUNT_CODE_CHARS_MAX);
        String credit = input.code(request.creditAccountCode(), "creditAccountCode", Limits.ACCOUNT_CODE_CHARS_MAX);
        long amountFen = input.positiveAmount(request.amount(), "amount");
        String memo = input.text(request.memo(), "memo", Limits.MEMO_CHARS_MAX);
        Instant occurredAt = Times.parseTime(request.occurredAt(), "occurredAt", input);
        input.validate();
        return TransactionsController.created(ledger.execute(new CreatePending(key, Authenticator.recordedBy(caller),
                TransactionKind.TRANSFER, fundCode, debit, credit, amountFen, memo, occurredAt, References.NONE)),
                Set.of(), views);
    }

    @Post("/{id}/post")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "postPendingTransfer", summary = "Post a pending transfer, in full or in part",
            description = "What is not posted is released.")
    @ApiResponse(responseCode = "201", description = "The POST_PENDING transaction",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TransactionResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such pending transfer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Already posted or voided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<TransactionResponse> post(
            long id,
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Nullable @Body PostPendingRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Input input = new Input();
        Long amountFen = request == null || request.amount() == null ? null : input.positiveAmount(request.amount(), "amount");
        String memo = request == null ? null : input.optionalText(request.memo(), "memo", Limits.MEMO_CHARS_MAX);
        input.validate();
        return TransactionsController.created(ledger.execute(new PostPending(key, Authenticator.recordedBy(caller), id,
                amountFen, memo)), ID_IN_PATH, views);
    }

    @Post("/{id}/void")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "voidPendingTransfer", summary = "Void a pending transfer: release the reservation, post nothing")
    @ApiResponse(responseCode = "201", description = "The VOID_PENDING transaction",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TransactionResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such pending transfer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Already posted or voided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<TransactionResponse> voidTransfer(
            long id,
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body VoidPendingRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Input input = new Input();
        // The core holds a void's reason to the reversal's limit, not the memo's.
        String reason = input.text(request.reason(), "reason", Limits.REASON_CHARS_MAX);
        input.validate();
        return TransactionsController.created(ledger.execute(new VoidPending(key, Authenticator.recordedBy(caller), id,
                reason)), ID_IN_PATH, views);
    }
}
