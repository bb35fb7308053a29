package org.mingzhang.api.matching;

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
import org.mingzhang.api.auth.Authenticator;
import org.mingzhang.api.edge.IdempotencyKeys;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Page;
import org.mingzhang.api.ledger.Outcomes;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.api.problem.RejectionProblems;
import org.mingzhang.api.projects.ProjectLimits;
import org.mingzhang.journal.KeyedCommand;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RecordKind;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.RequestKey;
import org.mingzhang.matching.ClosePool;
import org.mingzhang.matching.CollectFromFund;
import org.mingzhang.matching.CreatePool;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.MatchingPool;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.matching.MatchingStore;
import org.mingzhang.matching.PoolCollection;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.money.Money;
import org.mingzhang.user.User;

/**
 * Matching pools (配捐池): a sponsor's budget moved into a seed fund of its own, and the rule that matches
 * what projects raise. The core decides every move in the ledger's single writer; this edge reads the
 * request, names the field that is wrong, and shows the pool with its figures as committed.
 */
@Controller("/api/v1/matching-pools")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Matching pools")
public final class MatchingPoolsController {

    /** A refusal about the pool named in the URL (it does not exist) is a 404, not a 422. */
    private static final Set<String> CODE_IN_PATH = Set.of("code");

    private final Ledger ledger;
    private final MatchingReads reads;
    private final MatchingStore store;
    private final MatchingViews views;
    /** What a request key kept with a pool names, and how a repeat finds the pool again. */
    private final RecordKind<MatchingPool> poolKind;

    public MatchingPoolsController(Ledger ledger, MatchingReads reads, MatchingStore store, MatchingViews views) {
        this.ledger = ledger;
        this.reads = reads;
        this.store = store;
        this.views = views;
        this.poolKind = new RecordKind<>("POOL", MatchingPool::code, store::pool);
    }

    @Post
    @Allowed({ADMIN, ACCOUNTANT})
    @Operation(operationId = "createMatchingPool", summary = "Open a matching pool (配捐池): its budget leaves the sponsor fund now",
            description = "The budget moves from the sponsor's bank deposits into a SEED fund with the pool's code, as an "
                    + "internal transfer (no donation income, no receipt). The rule is data: 1 to " + MatchingLimits.TIERS_MAX
                    + " tiers from 0.00 with rising thresholds and rates that never fall; optional caps per project, donation "
                    + "and donor; eligible categories (at most " + MatchingLimits.ELIGIBLE_CATEGORIES_MAX + ") and funds (at most "
                    + MatchingLimits.ELIGIBLE_FUNDS_MAX + "); the window of received time, both ends included.")
    @ApiResponse(responseCode = "201", description = "The pool with its figures; Location names it. A replay answers the same, "
            + "with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid: a number for an amount, a rate with a fifth decimal, "
            + "tiers that do not rise, a window that closes before it opens, a missing header; every wrong field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "A pool or fund with this code exists, or the Idempotency-Key was used "
            + "for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The sponsor fund does not exist, is not a CITY or SEED fund, or lacks the "
            + "budget in the bank; an eligible fund does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<PoolResponse> create(
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body CreatePoolRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        String key = IdempotencyKeys.require(idempotencyKey);
        Input input = new Input();
        String code = input.code(request.code(), "code", MatchingLimits.CODE_CHARS_MAX);
        String name = input.text(request.name(), "name", MatchingLimits.NAME_CHARS_MAX);
        String sponsorFundCode = input.code(request.sponsorFundCode(), "sponsorFundCode", Limits.FUND_CODE_CHARS_MAX);
        long budgetFen = input.positiveAmount(request.budget(), "budget");
        MatchRule rule = PoolInput.rule(request, input);
        SettlementMode settlement = PoolInput.settlement(request.settlement(), input);
        input.validate();
        requireFunds(request.eligibleFunds());
        // The key is the caller's, kept with the pool by the writer's one path for keyed requests; the funding transaction
        // books under a journal key derived from it, so that another caller's key of the same text meets nothing there.
        RequestKey requestKey = IdempotencyKeys.requestKey(key, caller, http, request);
        Outcome<MatchingPool> outcome = ledger.execute(new KeyedCommand<>(requestKey, poolKind, new CreatePool(
                requestKey.journalKey(), Authenticator.actor(caller), code, name, sponsorFundCode, budgetFen, settlement, rule)));
        MatchingPool pool = Outcomes.accepted(outcome, Set.of());
        return Outcomes.replayed(HttpResponse.created(view(pool.code()), URI.create("/api/v1/matching-pools/" + pool.code())),
                outcome);
    }

    /**
     * Every fund the rule names exists: a misspelt code would make the pool match nothing from that fund,
     * silently. Funds are never removed, so what exists now exists when the writer decides.
     */
    private void requireFunds(List<String> codes) {
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            if (ledger.fund(codes.get(i)).isEmpty()) {
                throw RejectionProblems.of(new Outcome.Rejected<>(Rejection.FUND_MUST_EXIST, "no fund " + codes.get(i),
                        "eligibleFunds[" + i + "]"), Set.of());
            }
        }
    }

    @Get
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listMatchingPools", summary = "List matching pools by code, with their figures")
    public Page<PoolResponse> list(
            @Nullable @QueryValue @Parameter(description = "Page size, 1 to " + Limits.PAGE_ITEMS_MAX + "; default "
                    + Limits.PAGE_ITEMS_DEFAULT) Integer limit,
            @Nullable @QueryValue @Parameter(description = "nextCursor of the previous page: the last pool code on it") String cursor) {
        Input input = new Input();
        int pageSize = input.limit(limit);
        input.validate();
        // Pools are few (a federation opens a handful a year); they are read and paged here, and only the page's
        // figures are worked out.
        List<String> page = store.pools().stream()
                .map(MatchingPool::code)
                .filter(code -> cursor == null || code.compareTo(cursor) > 0)
                .sorted(Comparator.naturalOrder())
                .limit(pageSize)
                .toList();
        String next = page.size() == pageSize ? page.get(page.size() - 1) : null;
        return new Page<>(page.stream().map(this::view).toList(), next);
    }

    @Get("/{code}")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getMatchingPool", summary = "A matching pool: budget, settled, returned, reserved, available, "
            + "its rule and the gifts worth a second look")
    @ApiResponse(responseCode = "404", description = "No such pool",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PoolResponse get(String code) {
        return view(code);
    }

    @Post("/{code}/close")
    @Allowed({ADMIN, ACCOUNTANT})
    @Operation(operationId = "closeMatchingPool", summary = "Close a pool: settle it if it settles pro rata, and return what is "
            + "left to the sponsor",
            description = "A PRO_RATA_AT_POOL_CLOSE pool first settles every eligible project, scaled down in proportion if "
                    + "their matches exceed what the pool holds; its projects' fundraising must have closed. Whatever the pool "
                    + "still holds then goes back to the sponsor fund. A closed pool settles nothing more.")
    @ApiResponse(responseCode = "200", description = "The pool, CLOSED. A replay answers the same, with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolResponse.class)))
    @ApiResponse(responseCode = "400", description = "No Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such pool",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The pool is closed already, or (pro rata) some of its projects still "
            + "raise money; the detail names them",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<PoolResponse> close(
            String code,
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Outcome<MatchingPool> outcome = ledger.execute(new ClosePool(key, Authenticator.actor(caller), code));
        MatchingPool pool = Outcomes.accepted(outcome, CODE_IN_PATH);
        return Outcomes.replayed(HttpResponse.ok(view(pool.code())), outcome);
    }

    @Post("/{code}/collections")
    @Allowed({ADMIN, ACCOUNTANT})
    @Operation(operationId = "collectForMatchingPool", summary = "Collect what a project's fund owes the pool (收回配捐欠款)",
            description = "A refund after settlement sends match money back to the pool; what the project had already spent "
                    + "its fund owes the pool (2901 there, 1901 receivable in the pool's fund). This pays it: project's fund "
                    + "Dr 2901 / Cr 1002, pool Dr 1002 / Cr 1901, from the fund's own cash, never from what its projects "
                    + "hold. A closed pool passes what it collects on to its sponsor.")
    @ApiResponse(responseCode = "201", description = "Collected. A replay answers the same, with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CollectionResponse.class)))
    @ApiResponse(responseCode = "400", description = "No projectCode, an amount that is not yuan, or no Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such pool",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "No such project, the fund owes the pool less than that for it, or its "
            + "own cash does not cover it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<CollectionResponse> collect(
            String code,
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body CollectionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Input input = new Input();
        String project = input.code(request.projectCode(), "projectCode", ProjectLimits.CODE_CHARS_MAX);
        Long amount = request.amount() == null ? null : input.positiveAmount(request.amount(), "amount");
        input.validate();
        Outcome<PoolCollection> outcome = ledger.execute(new CollectFromFund(key, Authenticator.actor(caller), code, project, amount));
        PoolCollection c = Outcomes.accepted(outcome, CODE_IN_PATH);
        CollectionResponse body = new CollectionResponse(c.pool().code(), c.project().code(), Money.format(c.amountFen()),
                Money.format(c.stillOwedFen()), c.transactionId(), view(c.pool().code()));
        return Outcomes.replayed(HttpResponse.created(body, URI.create("/api/v1/ledger/transactions/" + c.transactionId())), outcome);
    }

    /** The pool with its figures as committed, or a 404. */
    private PoolResponse view(String code) {
        return reads.pool(code).map(views::of)
                .orElseThrow(() -> Problems.notFound("pool-must-exist", "no matching pool " + code));
    }


}
