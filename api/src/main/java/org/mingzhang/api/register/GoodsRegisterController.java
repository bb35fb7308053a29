package org.mingzhang.api.register;

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
import java.time.Instant;
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
import org.mingzhang.api.ledger.Outcomes;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.KeyedCommand;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RecordKind;
import org.mingzhang.journal.RequestKey;
import org.mingzhang.register.GoodsEntry;
import org.mingzhang.register.GoodsLot;
import org.mingzhang.register.GoodsRegisterStore;
import org.mingzhang.register.IssueUnvaluedGoods;
import org.mingzhang.register.RecordUnvaluedGoods;
import org.mingzhang.user.User;

/**
 * The memorandum register of unvalued goods (备查簿): under 《民间非营利组织会计制度》 a gift in kind whose value cannot be
 * measured reliably is not booked; the accountant writes it down here with what it is and how much came, and writes
 * down what is handed out of it. Nothing here touches the journal. The core decides every entry in the ledger's single
 * writer (durable once answered, idempotent by key); this edge reads the request and names the field that is wrong.
 */
@Controller("/api/v1/funds/{code}/goods-register")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Goods register (备查簿)")
public final class GoodsRegisterController {

    /**
     * Refusals about what the URL names (the fund, the entry) are 404s, not 422s. The core names the fund
     * {@code fundCode}; here it is the path's {@code code}.
     */
    private static final Set<String> IN_PATH = Set.of("fundCode", "id");
    private static final String ENTRY_MUST_EXIST = "goods-entry-must-exist";

    private final Ledger ledger;
    private final GoodsRegisterStore register;
    private final GoodsRegisterViews views;
    /** What a request key kept with an entry (IN or OUT) names, and how a repeat finds the entry again. */
    private final RecordKind<GoodsEntry> entryKind;

    public GoodsRegisterController(Ledger ledger, GoodsRegisterStore register, GoodsRegisterViews views) {
        this.ledger = ledger;
        this.register = register;
        this.views = views;
        // A fund records a few entries a month: a repeat reads them all and picks its own.
        this.entryKind = new RecordKind<>("GOODS_ENTRY", e -> String.valueOf(e.id()),
                id -> register.entries().stream().filter(e -> e.id() == Long.parseLong(id)).findFirst());
    }

    @Post
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "recordUnvaluedGoods", summary = "Write goods received as a gift that cannot be valued reliably "
            + "into the fund's memorandum register (备查簿): an IN entry, booked nowhere",
            description = "For a gift in kind whose value cannot be measured reliably (无法可靠计量的受赠非现金资产), which "
                    + "《民间非营利组织会计制度》 keeps out of the books. A gift in kind that can be valued is a donation "
                    + "(POST /donations, channel IN_KIND) instead. quantity is a whole number of units, 1 to "
                    + GoodsRegisterLimits.QUANTITY_MAX + " (quantityMax). No journal transaction is written: the fund's "
                    + "trial balance and the journal do not change.")
    @ApiResponse(responseCode = "201", description = "The entry, with nothing handed out yet; Location names it. A replay "
            + "answers the entry as it now stands, with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GoodsLotResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid: a missing, blank or too long text, a quantity "
            + "that is not a whole number from 1 to " + GoodsRegisterLimits.QUANTITY_MAX + ", a time without an offset, no "
            + "Idempotency-Key; every wrong field is named with its value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request, or the project was "
            + "accepted and is closed for good",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The project does not exist or belongs to another fund "
            + "(goods-project-must-belong-to-fund), or occurredAt lies in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<GoodsLotResponse> record(
            @Parameter(description = "The fund's code") String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body RecordGoodsRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        String key = IdempotencyKeys.require(idempotencyKey);
        Input input = new Input();
        String projectCode = request.projectCode() == null ? null
                : input.code(request.projectCode(), "projectCode", GoodsRegisterLimits.PROJECT_CODE_CHARS_MAX);
        String description = input.text(request.description(), "description", GoodsRegisterLimits.DESCRIPTION_CHARS_MAX);
        long quantity = quantity(request.quantity(), input);
        String unit = input.text(request.unit(), "unit", GoodsRegisterLimits.UNIT_CHARS_MAX);
        String donor = input.text(request.donor(), "donor", GoodsRegisterLimits.NAME_CHARS_MAX);
        String whyNotValued = input.text(request.whyNotValued(), "whyNotValued", GoodsRegisterLimits.WHY_NOT_VALUED_CHARS_MAX);
        Instant occurredAt = Times.parseTime(request.occurredAt(), "occurredAt", input);
        String note = input.optionalNonBlank(request.note(), "note", GoodsRegisterLimits.NOTE_CHARS_MAX);
        input.validate();
        Fund fund = FundsController.find(ledger, code);
        // The key is the caller's, kept with the entry by the writer's one path for keyed requests; the entry itself carries
        // a key derived from it, in the ledger's own key space, so another caller's key of the same text meets nothing.
        RequestKey requestKey = IdempotencyKeys.requestKey(key, caller, http, request);
        Outcome<GoodsEntry> outcome = ledger.execute(new KeyedCommand<>(requestKey, entryKind, new RecordUnvaluedGoods(
                requestKey.journalKey(), Authenticator.actor(caller), fund.code(), projectCode, description, quantity, unit, donor,
                whyNotValued, occurredAt, note)));
        GoodsEntry entry = Outcomes.accepted(outcome, IN_PATH);
        return Outcomes.replayed(HttpResponse.created(views.of(lot(fund, entry.id())), location(fund, entry.id())), outcome);
    }

    @Post("/{id}/issue")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "issueUnvaluedGoods", summary = "Write down goods handed out of an entry of the memorandum "
            + "register: an OUT entry, booked nowhere",
            description = "The OUT entry draws on the IN entry in the path and keeps its description, unit and project. It "
                    + "hands out at most what is left of that entry, and no earlier than the entry received the goods. One "
                    + "entry is handed out at most " + GoodsRegisterLimits.ISSUES_PER_ENTRY_MAX + " times "
                    + "(issuesPerEntryMax). No journal transaction is written.")
    @ApiResponse(responseCode = "201", description = "The issue, with what the entry had left right after it; Location names "
            + "the entry. A replay answers the same, with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GoodsIssueResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid: a quantity that is not a whole number from 1 to "
            + GoodsRegisterLimits.QUANTITY_MAX + ", a missing, blank or too long recipient, a time without an offset, no "
            + "Idempotency-Key; every wrong field is named with its value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such fund, or the fund has no entry with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "More than is left of the entry (goods-issue-must-not-exceed-remaining, "
            + "naming quantity and what is left), the entry is itself an issue, occurredAt lies in the future or before the "
            + "goods arrived, or the entry has been handed out issuesPerEntryMax times",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<GoodsIssueResponse> issue(
            @Parameter(description = "The fund's code") String code,
            @Parameter(description = "The IN entry the goods are handed out of") long id,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body IssueGoodsRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        String key = IdempotencyKeys.require(idempotencyKey);
        Input input = new Input();
        long quantity = quantity(request.quantity(), input);
        String recipient = input.text(request.recipient(), "recipient", GoodsRegisterLimits.NAME_CHARS_MAX);
        Instant occurredAt = Times.parseTime(request.occurredAt(), "occurredAt", input);
        String note = input.optionalNonBlank(request.note(), "note", GoodsRegisterLimits.NOTE_CHARS_MAX);
        input.validate();
        Fund fund = FundsController.find(ledger, code);
        RequestKey requestKey = IdempotencyKeys.requestKey(key, caller, http, request);
        Outcome<GoodsEntry> outcome = ledger.execute(new KeyedCommand<>(requestKey, entryKind, new IssueUnvaluedGoods(
                requestKey.journalKey(), Authenticator.actor(caller), fund.code(), id, quantity, recipient, occurredAt, note)));
        GoodsEntry out = Outcomes.accepted(outcome, IN_PATH);
        GoodsLot lot = lot(fund, out.inEntryId());
        return Outcomes.replayed(HttpResponse.created(views.issue(lot, out), location(fund, lot.entry().id())), outcome);
    }

    private static long quantity(Long quantity, Input input) {
        if (quantity == null) {
            input.fail("quantity", "is required: a whole number from 1 to " + GoodsRegisterLimits.QUANTITY_MAX);
            return 0;
        }
        if (quantity < 1 || quantity > GoodsRegisterLimits.QUANTITY_MAX) {
            input.fail("quantity", "must be a whole number from 1 to " + GoodsRegisterLimits.QUANTITY_MAX + " (quantityMax): "
                    + quantity);
        }
        return quantity;
    }

    @Get
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listGoodsRegister", summary = "The fund's memorandum register of unvalued goods: each IN entry "
            + "in the order recorded, with what was handed out of it and what is left, a page at a time")
    @ApiResponse(responseCode = "400", description = "A limit out of range or a cursor that is not one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<GoodsLotResponse> list(
            @Parameter(description = "The fund's code") String code,
            @Nullable @QueryValue @Parameter(description = "Page size, 1 to " + Limits.PAGE_ITEMS_MAX + "; default "
                    + Limits.PAGE_ITEMS_DEFAULT) Integer limit,
            @Nullable @QueryValue @Parameter(description = "nextCursor of the previous page") String cursor) {
        Input input = new Input();
        int pageSize = input.limit(limit);
        long afterId = Page.afterId(cursor, input);
        input.validate();
        Fund fund = FundsController.find(ledger, code);
        List<GoodsLot> page = register.lots(fund.id(), afterId, pageSize);
        String next = page.size() == pageSize ? String.valueOf(page.get(page.size() - 1).entry().id()) : null;
        return new Page<>(page.stream().map(views::of).toList(), next);
    }

    @Get("/{id}")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getGoodsRegisterEntry", summary = "One IN entry of the fund's memorandum register, with what "
            + "was handed out of it and what is left")
    @ApiResponse(responseCode = "404", description = "No such fund, or the fund has no IN entry with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GoodsLotResponse get(@Parameter(description = "The fund's code") String code,
                                @Parameter(description = "The IN entry's id") long id) {
        return views.of(lot(FundsController.find(ledger, code), id));
    }

    /** The fund's IN entry with this id as committed, or a 404. */
    private GoodsLot lot(Fund fund, long id) {
        return register.lot(id).filter(lot -> lot.entry().fundId() == fund.id())
                .orElseThrow(() -> Problems.notFound(ENTRY_MUST_EXIST, "fund " + fund.code() + " has no goods register "
                        + "entry " + id + " that received goods"));
    }

    private static URI location(Fund fund, long entryId) {
        return URI.create("/api/v1/funds/" + fund.code() + "/goods-register/" + entryId);
    }
}
