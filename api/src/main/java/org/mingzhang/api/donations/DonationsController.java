package org.mingzhang.api.donations;

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
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.mingzhang.api.matching.MatchPreviewResponse;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.gift.Gift;
import org.mingzhang.matching.MatchedGift;
import org.mingzhang.matching.RecordGiftWithMatch;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.PayRefundOwed;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.user.User;

/** Gifts (捐赠): recording them one by one or from a CSV, reading them, refunding them. */
@Controller("/api/v1/donations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Donations")
public final class DonationsController {

    public static final String CSV = "text/csv";
    private static final Set<String> ID_IN_PATH = Set.of("id");
    private static final String CSV_EXAMPLE = "idempotencyKey,fundCode,projectCode,amount,channel,donorName,donorKind,"
            + "donorPhone,donorIdNumber,donorCreditCode,anonymous,publicNameConsent,receivedAt,note,inKindDescription,"
            + "inKindQuantity,inKindValuationBasis\n"
            + "bank-0001,TXSQ,TXSQ-2026-001,500.00,BANK_TRANSFER,张三明,PERSON,13800000000,,,false,false,"
            + "2026-05-01T10:00:00+08:00,,,,\n";

    private final Ledger ledger;
    private final GiftStore gifts;
    private final ProjectCodes projects;
    private final DonationViews views;
    private final DonationImport imports;

    DonationsController(Ledger ledger, GiftStore gifts, ProjectCodes projects, DonationViews views, DonationImport imports) {
        this.ledger = ledger;
        this.gifts = gifts;
        this.projects = projects;
        this.views = views;
        this.imports = imports;
    }

    @Post
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "recordDonation", summary = "Record a gift of money or goods (捐赠), with its receipt number",
            description = "Books one balanced transaction: the channel's asset account (bank, cash, or inventory for "
                    + "IN_KIND) against donation income, restricted (410102) when projectCode is given, else unrestricted "
                    + "(410101). Numbers the receipt without gaps per fund and year of receivedAt, and draws a trace code "
                    + "for the public lookup.")
    @ApiResponse(responseCode = "201", description = "Recorded; Location names the gift. A replay answers the same, "
            + "with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DonationResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed: a number for an amount, a third decimal, an unknown channel "
            + "or donor kind, IN_KIND without inKind, a missing field or Idempotency-Key; every wrong field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Refused: unknown fund or project, a project of another fund or not "
            + "raising money, received outside its window, in the future or in a closed period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DonationResponse> record(
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body DonationRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Input input = new Input();
        RecordGift command = DonationInput.read(DonationDraft.of(request), key, Authenticator.actor(caller), false, input);
        input.validate();
        // Answered from the writer's result: the gift and its project's match right after it, nothing read back.
        Outcome<MatchedGift> outcome = ledger.execute(new RecordGiftWithMatch(command));
        MatchedGift answered = Outcomes.accepted(outcome, Set.of());
        return Outcomes.replayed(HttpResponse.created(views.of(answered), URI.create("/api/v1/donations/" + answered.gift().id())),
                outcome);
    }

    @Get("/{id}")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getDonation", summary = "One gift, with its donor's details (staff only)")
    @ApiResponse(responseCode = "404", description = "No such gift",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DonationResponse get(long id) {
        return gifts.gift(id).map(views::of).orElseThrow(() -> Problems.notFound("gift-must-exist", "no gift " + id));
    }

    @Get
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listDonations", summary = "Gifts in the order they were recorded, optionally of one fund, "
            + "one project or a donor")
    @ApiResponse(responseCode = "404", description = "No such fund or project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DonationResponse> list(
            @Nullable @QueryValue @Parameter(description = "Only gifts to this fund") String fundCode,
            @Nullable @QueryValue @Parameter(description = "Only gifts restricted to this project") String projectCode,
            @Nullable @QueryValue @Parameter(description = "Only donors whose name contains this text") String donor,
            @Nullable @QueryValue @Parameter(description = "Page size, 1 to " + Limits.PAGE_ITEMS_MAX + "; default "
                    + Limits.PAGE_ITEMS_DEFAULT) Integer limit,
            @Nullable @QueryValue @Parameter(description = "nextCursor of the previous page") String cursor) {
        Input input = new Input();
        String donorPart = donor == null ? null
                : input.text(donor, "donor", DonationLimits.DONOR_FIELD_CHARS_MAX);
        int pageSize = input.limit(limit);
        long afterId = Page.afterId(cursor, input);
        input.validate();
        Long fundId = fundCode == null ? null : FundsController.find(ledger, fundCode).id();
        Long projectId = projectCode == null ? null : projects.project(projectCode)
                .orElseThrow(() -> Problems.notFound("project-must-exist", "no project " + projectCode)).id();
        List<Gift> page = gifts.gifts(fundId, projectId, donorPart, afterId, pageSize);
        String next = page.size() == pageSize ? String.valueOf(page.get(page.size() - 1).id()) : null;
        Map<String, MatchPreviewResponse> previews = new HashMap<>();
        return new Page<>(page.stream().map(g -> views.inList(g, previews)).toList(), next);
    }

    @Post("/{id}/refund")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "refundDonation", summary = "Refund a gift, in whole or in part (退款)",
            description = "Gives back `amount` of the gift (absent: all of it not refunded yet), as its own journal "
                    + "transaction (the gift's stays). What the gift's money still holds goes back at once: for a restricted "
                    + "gift Dr 410102 (its year's income; 3102 once that year is closed) / Cr 1002 (1201 for goods); for an "
                    + "unrestricted one Dr 410101 (3101) from the fund's own money. What was already spent is owed to the "
                    + "donor: Dr 5201 管理费用 / Cr 2209 其他应付款 for a restricted gift, Dr 410101 / Cr 2209 for an "
                    + "unrestricted one; POST /donations/{id}/refund-payments pays it. The gift is REFUNDED once all of it "
                    + "has been refunded; its project's match is recomputed.")
    @ApiResponse(responseCode = "200", description = "The gift after the refund, with its refunds. A replay answers the "
            + "same, with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DonationResponse.class)))
    @ApiResponse(responseCode = "400", description = "No reason, or an amount that is not yuan with at most two decimals",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such gift",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Refunded in whole already, or the Idempotency-Key was used for another "
            + "request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Refused: more than is left of the gift to refund, its project was "
            + "accepted, its year is not closed yet, or the period is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DonationResponse> refund(
            long id,
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body RefundRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Input input = new Input();
        String reason = input.text(request.reason(), "reason", DonationLimits.REFUND_REASON_CHARS_MAX);
        Long amount = request.amount() == null ? null : input.positiveAmount(request.amount(), "amount");
        input.validate();
        Outcome<Gift> outcome = ledger.execute(new RefundGift(key, Authenticator.actor(caller), id, reason, amount));
        Gift gift = Outcomes.accepted(outcome, ID_IN_PATH);
        return Outcomes.replayed(HttpResponse.ok(views.of(gift)), outcome);
    }

    @Post("/{id}/refund-payments")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "payRefundOwed", summary = "Pay the donor what a refund left owed (支付应退款)",
            description = "Settles the payable a refund of spent money booked: Dr 2209 其他应付款 / Cr 1002, `amount` of it "
                    + "(absent: all of it), from the fund's own cash: never from what its projects hold.")
    @ApiResponse(responseCode = "200", description = "The gift after the payment, with its refunds. A replay answers the "
            + "same, with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DonationResponse.class)))
    @ApiResponse(responseCode = "400", description = "An amount that is not yuan with at most two decimals, or a note too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such gift",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Refused: the refunds of the gift owe less than that, or the fund's "
            + "own cash (beyond what its projects hold) does not cover it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DonationResponse> payRefundOwed(
            long id,
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @Body RefundPaymentRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Input input = new Input();
        Long amount = request.amount() == null ? null : input.positiveAmount(request.amount(), "amount");
        String note = input.optionalNonBlank(request.note(), "note", DonationLimits.REFUND_REASON_CHARS_MAX);
        input.validate();
        Outcome<Gift> outcome = ledger.execute(new PayRefundOwed(key, Authenticator.actor(caller), id, amount, note));
        Gift gift = Outcomes.accepted(outcome, ID_IN_PATH);
        return Outcomes.replayed(HttpResponse.ok(views.of(gift)), outcome);
    }

    @Post(value = "/import", consumes = CSV)
    @Allowed(ACCOUNTANT)
    @BodyBytesMax(value = DonationLimits.IMPORT_BYTES_MAX, name = "importBytesMax")
    @Operation(operationId = "importDonations", summary = "Record many gifts from a CSV, each row its own gift",
            description = "UTF-8 (a byte-order mark is allowed), comma-separated, RFC 4180 quoting, at most "
                    + DonationLimits.IMPORT_ROWS_MAX + " rows (importRowsMax) and " + DonationLimits.IMPORT_BYTES_MAX
                    + " bytes. The header names every column, in any order: idempotencyKey,fundCode,projectCode,amount,"
                    + "channel,donorName,donorKind,donorPhone,donorIdNumber,donorCreditCode,anonymous,publicNameConsent,"
                    + "receivedAt,note,inKindDescription,inKindQuantity,inKindValuationBasis. An empty cell is absent; "
                    + "booleans are true or false. Each row meets the rules of POST /donations, its idempotencyKey "
                    + "playing the header's part. Every row is checked before any is written; then a row that fails "
                    + "writes nothing and the others go on. Sending the same file again replays every booked row.")
    @ApiResponse(responseCode = "200", description = "Each row's outcome, by line (the header is line 1)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportResponse.class)))
    @ApiResponse(responseCode = "400", description = "The file as a whole: not UTF-8, not CSV, a column missing, unknown "
            + "or twice in the header, more than " + DonationLimits.IMPORT_ROWS_MAX + " rows; nothing is written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "More than " + DonationLimits.IMPORT_BYTES_MAX + " bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportResponse importCsv(
            @Body @Schema(type = "string", description = "The CSV file, UTF-8", example = CSV_EXAMPLE) InputStream csv,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        return imports.run(csv, caller);
    }

}
