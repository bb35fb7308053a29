package org.mingzhang.api.ledger;

import static org.mingzhang.user.Role.ACCOUNTANT;
import static org.mingzhang.user.Role.ADMIN;
import static org.mingzhang.user.Role.AUDITOR;
import static org.mingzhang.user.Role.COMMITTEE;

import io.micronaut.core.annotation.Nullable;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mingzhang.api.Limits;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.auth.AuthFilter;
import org.mingzhang.api.auth.Authenticator;
import org.mingzhang.api.edge.IdempotencyKeys;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Page;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.funds.FundsController;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Reverse;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.TransactionQuery;
import org.mingzhang.user.User;

/** The journal: manual entries, reversals, and reading what was booked. */
@Controller("/api/v1/ledger/transactions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ledger")
public final class TransactionsController {

    /** Set on the answer to a repeated request, so that a client can tell a replay from a first booking. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final Ledger ledger;
    private final TransactionViews views;

    public TransactionsController(Ledger ledger, TransactionViews views) {
        this.ledger = ledger;
        this.views = views;
    }

    @Post
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "postManualEntry", summary = "Book a manual journal entry",
            description = "Each posting has exactly one of debit and credit; debits must equal credits in each fund. "
                    + "At most " + Limits.POSTINGS_PER_TRANSACTION_MAX + " postings.")
    @ApiResponse(responseCode = "201", description = "Booked; Location names the transaction. A replay answers the same, "
            + "with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TransactionResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed: a number for an amount, a third decimal, a missing field or header",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Refused: unbalanced, unknown account, would overdraw, closed period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<TransactionResponse> post(
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body ManualEntryRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Input input = new Input();
        String fundCode = input.code(request.fundCode(), "fundCode", Limits.FUND_CODE_CHARS_MAX);
        String memo = input.text(request.memo(), "memo", Limits.MEMO_CHARS_MAX);
        Instant occurredAt = Times.parseTime(request.occurredAt(), "occurredAt", input);
        List<PostingLine> lines = lines(request.postings(), input);
        input.validate();
        Outcome<Transaction> outcome = ledger.execute(new PostEntry(key, Authenticator.recordedBy(caller),
                TransactionKind.MANUAL, fundCode, memo, occurredAt, References.NONE, lines));
        return created(outcome, Set.of(), views);
    }

    private static List<PostingLine> lines(List<PostingRequest> postings, Input input) {
        List<PostingLine> lines = new ArrayList<>();
        if (postings == null) {
            input.fail("postings", "is required");
            return lines;
        }
        if (postings.size() < Limits.POSTINGS_PER_TRANSACTION_MIN) {
            input.fail("postings", "must have at least " + Limits.POSTINGS_PER_TRANSACTION_MIN + " lines: it has " + postings.size());
        }
        if (postings.size() > Limits.POSTINGS_PER_TRANSACTION_MAX) {
            input.fail("postings", "must have at most " + Limits.POSTINGS_PER_TRANSACTION_MAX
                    + " lines (postingsPerTransactionMax): it has " + postings.size());
            return lines;
        }
        for (int i = 0; i < postings.size(); i++) {
            String at = "postings[" + i + "]";
            PostingRequest p = postings.get(i);
            if (p == null) {
                input.fail(at, "is required");
                continue;
            }
            String accountCode = input.code(p.accountCode(), at + ".accountCode", Limits.ACCOUNT_CODE_CHARS_MAX);
            String fundCode = p.fundCode() == null ? null : input.code(p.fundCode(), at + ".fundCode", Limits.FUND_CODE_CHARS_MAX);
            if ((p.debit() == null) == (p.credit() == null)) {
                input.fail(at, "must have exactly one of debit and credit");
                continue;
            }
            long debitFen = p.debit() == null ? 0 : input.positiveAmount(p.debit(), at + ".debit");
            long creditFen = p.credit() == null ? 0 : input.positiveAmount(p.credit(), at + ".credit");
            if (input.valid()) {
                lines.add(new PostingLine(fundCode, accountCode, debitFen, creditFen));
            }
        }
        return lines;
    }

    @Get
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listTransactions",
            summary = "Transactions in the order they were recorded, with postings, kind, references and hash")
    public Page<TransactionResponse> list(
            @Nullable @QueryValue @Parameter(description = "Only transactions that touch this fund") String fundCode,
            @Nullable @QueryValue @Parameter(description = "occurredAt at or after: a time with an offset, or a date") String from,
            @Nullable @QueryValue @Parameter(description = "occurredAt at or before: a time with an offset, or a date (through its end)") String to,
            @Nullable @QueryValue @Parameter(description = "Page size, 1 to " + Limits.PAGE_ITEMS_MAX + "; default "
                    + Limits.PAGE_ITEMS_DEFAULT) Integer limit,
            @Nullable @QueryValue @Parameter(description = "nextCursor of the previous page") String cursor) {
        Input input = new Input();
        Instant fromAt = Times.parseTimeOrDate(from, "from", false, input);
        Instant toAt = Times.parseTimeOrDate(to, "to", true, input);
        int pageSize = input.limit(limit);
        long afterId = Page.afterId(cursor, input);
        input.validate();
        Long fundId = fundCode == null ? null : FundsController.find(ledger, fundCode).id();
        List<Transaction> page = ledger.reads().transactions(new TransactionQuery(fundId, fromAt, toAt, afterId, pageSize));
        String next = page.size() == pageSize ? String.valueOf(page.get(page.size() - 1).id()) : null;
        return new Page<>(page.stream().map(views::of).toList(), next);
    }

    @Get("/{id}")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getTransaction", summary = "One transaction")
    @ApiResponse(responseCode = "404", description = "No such transaction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TransactionResponse get(long id) {
        return ledger.reads().transaction(id).map(views::of)
                .orElseThrow(() -> Problems.notFound("transaction-must-exist", "no transaction " + id));
    }

    @Post("/{id}/reverse")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "reverseTransaction", summary = "Reverse a posted transaction (冲销)",
            description = "Books a new transaction that swaps every line of the original, dated now unless occurredAt says "
                    + "otherwise; the original stays in the journal. A transaction is reversed at most once.")
    @ApiResponse(responseCode = "201", description = "The reversing transaction",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TransactionResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such transaction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Already reversed, or the Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<TransactionResponse> reverse(
            long id,
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body ReverseRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Input input = new Input();
        String reason = input.text(request.reason(), "reason", Limits.REASON_CHARS_MAX);
        Instant occurredAt = Times.parseTime(request.occurredAt(), "occurredAt", input);
        input.validate();
        Outcome<Transaction> outcome = ledger.execute(new Reverse(key, Authenticator.recordedBy(caller), id, reason, occurredAt));
        return created(outcome, Set.of("id"), views);
    }

    /**
     * 201 with the transaction and its Location, for a first booking and for a replay alike (a replay
     * answers exactly as the first time did, and says so in a header).
     */
    static HttpResponse<TransactionResponse> created(Outcome<Transaction> outcome, Set<String> pathFields,
                                                     TransactionViews views) {
        Transaction t = Outcomes.accepted(outcome, pathFields);
        return Outcomes.replayed(HttpResponse.created(views.of(t), URI.create("/api/v1/ledger/transactions/" + t.id())), outcome);
    }
}
