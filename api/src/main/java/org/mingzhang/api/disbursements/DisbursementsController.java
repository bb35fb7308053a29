package org.mingzhang.api.disbursements;

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
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.funds.FundsController;
import org.mingzhang.api.ledger.Outcomes;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RecordKind;
import org.mingzhang.money.Money;
import org.mingzhang.project.DecideDisbursement;
import org.mingzhang.project.DecideDisbursement.Decision;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisbursementForm;
import org.mingzhang.project.DisbursementStatus;
import org.mingzhang.project.PayDisbursement;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.project.RequestDisbursement;
import org.mingzhang.user.Actor;
import org.mingzhang.user.User;

/**
 * Payments against budget lines (拨付): requested by an accountant, approved or rejected by a committee
 * member who is not the requester (approval reserves the money), then paid with an Idempotency-Key
 * (payment posts the reservation and releases the restriction). The core decides every step in the
 * ledger's single writer and refuses, with nothing written, a payment beyond the project's money or, unless
 * the committee approved the overrun explicitly, beyond its budget line.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Disbursements")
public final class DisbursementsController {

    private static final Set<String> CODE_IN_PATH = Set.of("code");
    private static final Set<String> ID_IN_PATH = Set.of("id");

    private final Ledger ledger;
    private final ProjectStore projects;
    /** What a request key kept with a disbursement names, and how a repeat finds it again. */
    private final RecordKind<Disbursement> kind;

    public DisbursementsController(Ledger ledger, ProjectStore projects) {
        this.ledger = ledger;
        this.projects = projects;
        this.kind = new RecordKind<>("DISBURSEMENT", d -> String.valueOf(d.id()), id -> projects.disbursement(Long.parseLong(id)));
    }

    @Post("/projects/{code}/disbursements")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "requestDisbursement", summary = "Ask to pay against a budget line of a running project: PENDING",
            description = "The project must be IN_PROGRESS and hold at least the amount; the line is checked when the "
                    + "committee approves.")
    @ApiResponse(responseCode = "201", description = "The disbursement, PENDING",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisbursementResponse.class)))
    @ApiResponse(responseCode = "400", description = "A missing or too long field, a bad amount; every wrong field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The project is not IN_PROGRESS; the detail names its state. Or the "
            + "Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "No such budget line, or more than the project has available",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DisbursementResponse> request(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Body DisbursementRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Input input = new Input();
        String item = input.text(request.budgetItem(), "budgetItem", ProjectPlan.LINE_LENGTH_MAX);
        long amountFen = input.positiveAmount(request.amount(), "amount");
        String payee = input.text(request.payee(), "payee", Disbursement.PAYEE_LENGTH_MAX);
        String purpose = input.text(request.purpose(), "purpose", Disbursement.PURPOSE_LENGTH_MAX);
        String invoiceNo = input.optionalNonBlank(request.invoiceNo(), "invoiceNo", Disbursement.INVOICE_NO_LENGTH_MAX);
        String attachment = input.optionalNonBlank(request.attachmentRef(), "attachmentRef",
                Disbursement.ATTACHMENT_REF_LENGTH_MAX);
        DisbursementForm form = input.optionalOneOf(DisbursementForm.class, request.form(), "form");
        input.validate();
        Outcome<Disbursement> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, kind,
                new RequestDisbursement(Authenticator.actor(caller), code, item, amountFen, payee, purpose, invoiceNo, attachment,
                        form == null ? DisbursementForm.CASH : form)));
        Disbursement d = Outcomes.accepted(outcome, CODE_IN_PATH);
        return Outcomes.replayed(HttpResponse.created(view(d), URI.create("/api/v1/disbursements/" + d.id())), outcome);
    }

    @Get("/projects/{code}/disbursements")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listProjectDisbursements", summary = "A project's disbursements, oldest first (one page)")
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DisbursementResponse> list(String code) {
        Project project = projects.project(code).orElseThrow(() -> Problems.notFound("project-must-exist", "no project " + code));
        return new Page<>(projects.disbursements(project.id()).stream().map(this::view).toList(), null);
    }

    @Get("/disbursements")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listDisbursements", summary = "Disbursements of every project, oldest first, a page at a time",
            description = "status=PENDING is the committee's queue of requests waiting for a decision; APPROVED, the "
                    + "accountant's queue of payments to make.")
    @ApiResponse(responseCode = "400", description = "An unknown status, a bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DisbursementResponse> listAll(
            @Nullable @QueryValue @Parameter(description = "Only the disbursements in this state",
                    schema = @Schema(implementation = DisbursementStatus.class)) String status,
            @Nullable @QueryValue @Parameter(description = "Only those of this fund's projects") String fundCode,
            @Nullable @QueryValue @Parameter(description = "Page size, 1 to " + Limits.PAGE_ITEMS_MAX + "; default "
                    + Limits.PAGE_ITEMS_DEFAULT) Integer limit,
            @Nullable @QueryValue @Parameter(description = "nextCursor of the previous page") String cursor) {
        Input input = new Input();
        DisbursementStatus wanted = input.optionalOneOf(DisbursementStatus.class, status, "status");
        int pageSize = input.limit(limit);
        long afterId = Page.afterId(cursor, input);
        input.validate();
        Long fundId = fundCode == null ? null : FundsController.find(ledger, fundCode).id();
        // Read and filtered here, like the project list; a query in the store takes over when there are many.
        Map<Long, Project> byId = new HashMap<>();
        projects.projects().forEach(p -> byId.put(p.id(), p));
        List<Disbursement> page = projects.disbursements().stream()
                .filter(d -> d.id() > afterId)
                .filter(d -> wanted == null || d.status() == wanted)
                .filter(d -> fundId == null || byId.get(d.projectId()).fundId() == fundId)
                .limit(pageSize)
                .toList();
        String next = page.size() == pageSize ? String.valueOf(page.get(page.size() - 1).id()) : null;
        return new Page<>(page.stream().map(this::view).toList(), next);
    }

    @Get("/disbursements/{id}")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getDisbursement", summary = "A disbursement and every step it took")
    @ApiResponse(responseCode = "404", description = "No such disbursement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DisbursementResponse get(long id) {
        return view(find(id));
    }

    @Post("/disbursements/{id}/approve")
    @Allowed(COMMITTEE)
    @Operation(operationId = "approveDisbursement", summary = "Approve a PENDING disbursement: the money is reserved, APPROVED",
            description = "Not by the person who requested it. Refused when the project no longer holds the amount, or "
                    + "when it overruns its budget line unless approveOverrun is true with a reason (both recorded).")
    @ApiResponse(responseCode = "200", description = "The disbursement, APPROVED, with its reservation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisbursementResponse.class)))
    @ApiResponse(responseCode = "400", description = "approveOverrun without a reason, or a reason too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "Not on the committee, or the caller requested it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such disbursement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Not PENDING, or the project no longer runs; or the Idempotency-Key "
            + "was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Beyond the project's money, or beyond the budget line without an "
            + "explicitly approved overrun",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DisbursementResponse> approve(
            long id,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body DisbursementDecisionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Input input = new Input();
        boolean overrun = request != null && Boolean.TRUE.equals(request.approveOverrun());
        String given = request == null ? null : request.reason();
        String reason = overrun ? input.text(given, "reason", Limits.REASON_CHARS_MAX)
                : input.optionalNonBlank(given, "reason", Limits.REASON_CHARS_MAX);
        input.validate();
        return decide(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, kind,
                new DecideDisbursement(Authenticator.actor(caller), id, Decision.APPROVE, overrun, reason)));
    }

    @Post("/disbursements/{id}/reject")
    @Allowed(COMMITTEE)
    @Operation(operationId = "rejectDisbursement", summary = "Reject a PENDING or APPROVED disbursement, saying why",
            description = "Not by the person who requested it. An approval's reservation is voided.")
    @ApiResponse(responseCode = "200", description = "The disbursement, REJECTED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisbursementResponse.class)))
    @ApiResponse(responseCode = "400", description = "No reason, or a reason too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "Not on the committee, or the caller requested it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such disbursement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Paid, rejected or cancelled already; or the Idempotency-Key was used "
            + "for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DisbursementResponse> reject(
            long id,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body DisbursementDecisionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        return close(id, Decision.REJECT, idempotencyKey, request, caller, http);
    }

    @Post("/disbursements/{id}/cancel")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "cancelDisbursement", summary = "Withdraw a PENDING or APPROVED disbursement, saying why",
            description = "An approval's reservation is voided.")
    @ApiResponse(responseCode = "200", description = "The disbursement, CANCELLED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisbursementResponse.class)))
    @ApiResponse(responseCode = "400", description = "No reason, or a reason too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such disbursement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Paid, rejected or cancelled already; or the Idempotency-Key was used "
            + "for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DisbursementResponse> cancel(
            long id,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body DisbursementDecisionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        return close(id, Decision.CANCEL, idempotencyKey, request, caller, http);
    }

    @Post("/disbursements/{id}/pay")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "payDisbursement", summary = "Pay an APPROVED disbursement: PAID, booked",
            description = "Posts the reservation (Dr 5101 programme costs / Cr 1002 bank) and releases the restricted "
                    + "money spent (Dr 3102 / Cr 3101). The same Idempotency-Key again answers as the first time.")
    @ApiResponse(responseCode = "200", description = "The disbursement, PAID. A replay answers the same, with "
            + "Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisbursementResponse.class)))
    @ApiResponse(responseCode = "400", description = "No Idempotency-Key, or one that is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such disbursement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Not APPROVED (paid already with another key, say), the project no "
            + "longer runs, or the key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DisbursementResponse> pay(
            long id,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Outcome<Disbursement> outcome = ledger.execute(new PayDisbursement(Authenticator.actor(caller), id, key));
        return Outcomes.replayed(HttpResponse.ok(view(Outcomes.accepted(outcome, ID_IN_PATH))), outcome);
    }

    private HttpResponse<DisbursementResponse> close(long id, Decision decision, String idempotencyKey,
                                                     DisbursementDecisionRequest request, User caller, HttpRequest<?> http) {
        Input input = new Input();
        String reason = input.text(request == null ? null : request.reason(), "reason", Limits.REASON_CHARS_MAX);
        if (request != null && Boolean.TRUE.equals(request.approveOverrun())) {
            input.fail("approveOverrun", "belongs to an approval: true");
        }
        input.validate();
        return decide(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, kind,
                new DecideDisbursement(Authenticator.actor(caller), id, decision, false, reason)));
    }

    private HttpResponse<DisbursementResponse> decide(LedgerCommand<Disbursement> command) {
        Outcome<Disbursement> outcome = ledger.execute(command);
        return Outcomes.replayed(HttpResponse.ok(view(Outcomes.accepted(outcome, ID_IN_PATH))), outcome);
    }

    private Disbursement find(long id) {
        return projects.disbursement(id).orElseThrow(() -> Problems.notFound("disbursement-must-exist", "no disbursement " + id));
    }

    private DisbursementResponse view(Disbursement d) {
        String projectCode = projects.project(d.projectId()).map(Project::code).orElseThrow();
        return new DisbursementResponse(d.id(), projectCode, d.budgetItem(), Money.format(d.amountFen()), d.payee(), d.purpose(),
                d.invoiceNo(), d.attachmentRef(), d.status(), name(d.requestedBy()), Times.format(d.requestedAt()),
                name(d.decidedBy()), time(d.decidedAt()), d.decisionReason(), Money.format(d.overrunApprovedFen()),
                d.reserveTransactionId(), name(d.paidBy()), time(d.paidAt()), d.paymentTransactionId(), name(d.closedBy()),
                time(d.closedAt()), d.closeReason(), d.form());
    }

    private static String name(Actor actor) {
        return actor == null ? null : actor.name();
    }

    private static String time(Instant at) {
        return at == null ? null : Times.format(at);
    }

}
