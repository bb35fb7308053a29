package org.mingzhang.api.projects;

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
import io.micronaut.http.annotation.Put;
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
import java.util.ArrayList;
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
import org.mingzhang.api.funds.FundsController;
import org.mingzhang.api.ledger.Outcomes;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RecordKind;
import org.mingzhang.matching.Rate;
import org.mingzhang.money.Money;
import org.mingzhang.project.ChargeManagementFee;
import org.mingzhang.project.Closing;
import org.mingzhang.project.CompleteProject;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.DecidePlanChange;
import org.mingzhang.project.DisposeLeftover;
import org.mingzhang.project.EditProject;
import org.mingzhang.project.FeeCharge;
import org.mingzhang.project.LeftoverDisposal;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.PlanVersion;
import org.mingzhang.project.ProposePlanChange;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.User;

/**
 * Community-fund projects (项目): a plan is written, submitted, approved by someone else on the committee,
 * raises money and then runs. The core decides every move in the ledger's single writer; this edge reads
 * the request, names the field that is wrong, and shows the project and its audit trail.
 */
@Controller("/api/v1/projects")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Projects")
public final class ProjectsController {

    /** A refusal about the project named in the URL (it does not exist) is a 404, not a 422. */
    private static final Set<String> CODE_IN_PATH = Set.of("code");

    private final Ledger ledger;
    private final ProjectStore projects;
    private final ProjectViews views;
    /** What a request key kept with a project, a plan version or a leftover decision names, and how a repeat finds it. */
    private final RecordKind<Project> projectKind;
    private final RecordKind<PlanVersion> versionKind;
    private final RecordKind<LeftoverDisposal> leftoverKind;

    public ProjectsController(Ledger ledger, ProjectStore projects, ProjectViews views) {
        this.ledger = ledger;
        this.projects = projects;
        this.views = views;
        this.projectKind = new RecordKind<>("PROJECT", Project::code, projects::project);
        this.versionKind = new RecordKind<>("PLAN_VERSION", v -> v.projectId() + "/" + v.versionNo(), id -> {
            String[] ids = id.split("/");
            return projects.planVersions(Long.parseLong(ids[0])).stream()
                    .filter(v -> v.versionNo() == Integer.parseInt(ids[1])).findFirst();
        });
        this.leftoverKind = new RecordKind<>("LEFTOVER", l -> l.projectId() + "/" + l.seq(), id -> {
            String[] ids = id.split("/");
            return projects.leftovers(Long.parseLong(ids[0])).stream().filter(l -> l.seq() == Integer.parseInt(ids[1])).findFirst();
        });
    }

    @Post
    @Allowed({ACCOUNTANT, COMMITTEE})
    @Operation(operationId = "createProject", summary = "Write a project plan (社区基金项目计划书); it starts as a DRAFT",
            description = "The budget lines must add up to targetAmount. At most " + ProjectLimits.GOALS_MAX + " goals, "
                    + ProjectLimits.BUDGET_LINES_MAX + " budget lines and " + ProjectLimits.TEAM_MAX + " team members.")
    @ApiResponse(responseCode = "201", description = "The project, status DRAFT; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid: a missing or too long field, a third decimal, "
            + "a time without an offset, a window that closes before it opens; every wrong field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "A project with this code exists, or the Idempotency-Key was used for "
            + "another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The fund does not exist, the budget does not add up to the target, "
            + "or the need is unknown, of another fund, or no longer OPEN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> create(
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Body CreateProjectRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Input input = new Input();
        String code = input.code(request.code(), "code", ProjectLimits.CODE_CHARS_MAX);
        String fundCode = input.code(request.fundCode(), "fundCode", Limits.FUND_CODE_CHARS_MAX);
        ProjectPlan plan = PlanInput.read(request, input);
        input.validate();
        Outcome<Project> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, projectKind,
                new CreateProject(Authenticator.actor(caller), code, fundCode, plan, request.needId())));
        Project project = Outcomes.accepted(outcome, Set.of());
        return Outcomes.replayed(HttpResponse.created(views.of(project), URI.create("/api/v1/projects/" + project.code())),
                outcome);
    }

    @Get
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listProjects", summary = "List projects by code, optionally of one fund or in one state")
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ProjectResponse> list(
            @Nullable @QueryValue @Parameter(description = "Only the projects of this fund") String fundCode,
            @Nullable @QueryValue @Parameter(description = "Only the projects in this state",
                    schema = @Schema(implementation = ProjectStatus.class)) String status,
            @Nullable @QueryValue @Parameter(description = "Page size, 1 to " + Limits.PAGE_ITEMS_MAX + "; default "
                    + Limits.PAGE_ITEMS_DEFAULT) Integer limit,
            @Nullable @QueryValue @Parameter(description = "nextCursor of the previous page: the last project code on it")
            String cursor) {
        Input input = new Input();
        ProjectStatus wanted = status(status, input);
        int pageSize = input.limit(limit);
        input.validate();
        Long fundId = fundCode == null ? null : FundsController.find(ledger, fundCode).id();
        // Every project is read and filtered here; few funds run more than a few hundred projects. A query in
        // the store takes over when they do.
        List<Project> page = projects.projects().stream()
                .filter(p -> fundId == null || p.fundId() == fundId)
                .filter(p -> wanted == null || p.status() == wanted)
                .filter(p -> cursor == null || p.code().compareTo(cursor) > 0)
                .sorted(Comparator.comparing(Project::code))
                .limit(pageSize)
                .toList();
        String next = page.size() == pageSize ? page.get(page.size() - 1).code() : null;
        return new Page<>(page.stream().map(views::of).toList(), next);
    }

    private static ProjectStatus status(String status, Input input) {
        return input.optionalOneOf(ProjectStatus.class, status, "status");
    }

    @Get("/{code}")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getProject", summary = "A project: its plan, its state and who moved it there")
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProjectResponse get(String code) {
        return views.of(find(code));
    }

    @Get("/{code}/events")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listProjectEvents", summary = "A project's audit trail, oldest first",
            description = "Every change of state: who, when, from what to what, and why. The whole trail is one page.")
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ProjectEventResponse> events(String code) {
        // A project makes a handful of moves in its life, so its trail is never paged.
        return new Page<>(projects.events(find(code).id()).stream().map(views::of).toList(), null);
    }

    @Post("/{code}/submit")
    @Allowed({ACCOUNTANT, COMMITTEE})
    @Operation(operationId = "submitProject", summary = "Submit a DRAFT for the committee's approval: → SUBMITTED",
            description = "Whoever submits may not approve or reject it afterwards.")
    @ApiResponse(responseCode = "200", description = "The project, SUBMITTED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The project is not a DRAFT; the detail names its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> submit(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body TransitionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        return move(code, ProjectTransition.SUBMIT, request, false, caller, idempotencyKey, http);
    }

    @Post("/{code}/approve")
    @Allowed(COMMITTEE)
    @Operation(operationId = "approveProject", summary = "Approve a SUBMITTED plan: → FUNDRAISING",
            description = "Nobody approves a project they submitted, whatever roles they hold.")
    @ApiResponse(responseCode = "200", description = "The project, FUNDRAISING",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "403", description = "Not on the committee, or the caller submitted the project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The project is not SUBMITTED; the detail names its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> approve(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body TransitionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        return move(code, ProjectTransition.APPROVE, request, false, caller, idempotencyKey, http);
    }

    @Post("/{code}/reject")
    @Allowed(COMMITTEE)
    @Operation(operationId = "rejectProject", summary = "Reject a SUBMITTED plan, saying why: → REJECTED",
            description = "Nobody rejects a project they submitted, whatever roles they hold.")
    @ApiResponse(responseCode = "200", description = "The project, REJECTED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "400", description = "No reason, or a reason too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "Not on the committee, or the caller submitted the project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The project is not SUBMITTED; the detail names its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> reject(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body TransitionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        return move(code, ProjectTransition.REJECT, request, true, caller, idempotencyKey, http);
    }

    @Post("/{code}/close-fundraising")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "closeProjectFundraising", summary = "End a project's fundraising: → IN_PROGRESS")
    @ApiResponse(responseCode = "200", description = "The project, IN_PROGRESS",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The project is not FUNDRAISING; the detail names its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> closeFundraising(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body TransitionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        return move(code, ProjectTransition.CLOSE_FUNDRAISING, request, false, caller, idempotencyKey, http);
    }

    @Post("/{code}/cancel")
    @Allowed({ACCOUNTANT, COMMITTEE})
    @Operation(operationId = "cancelProject", summary = "Cancel a project before it runs, saying why: → CANCELLED",
            description = "From DRAFT, SUBMITTED or FUNDRAISING.")
    @ApiResponse(responseCode = "200", description = "The project, CANCELLED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "400", description = "No reason, or a reason too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The project already runs or has ended; the detail names its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> cancel(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body TransitionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        return move(code, ProjectTransition.CANCEL, request, true, caller, idempotencyKey, http);
    }

    @Put("/{code}")
    @Allowed({ACCOUNTANT, COMMITTEE})
    @Operation(operationId = "editProject", summary = "Rewrite a DRAFT's plan",
            description = "The same body as createProject; code, fundCode and needId, when given, must be the project's. "
                    + "From SUBMITTED on, the plan changes only by a new version (proposePlanVersion).")
    @ApiResponse(responseCode = "200", description = "The project with its new plan",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid; every wrong field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The project is no longer a DRAFT; the detail names its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The budget does not add up to the target",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProjectResponse edit(String code, @Body CreateProjectRequest request, @RequestAttribute(AuthFilter.CALLER) User caller) {
        Project project = find(code);
        Input input = new Input();
        ProjectPlan plan = samePlanOf(project, request, "", input);
        input.validate();
        return views.of(Outcomes.accepted(ledger.execute(new EditProject(Authenticator.actor(caller), code, plan)), CODE_IN_PATH));
    }

    /** Reads a plan for an existing project: its code, fund and need, when the body repeats them, must be the project's. */
    private ProjectPlan samePlanOf(Project project, CreateProjectRequest request, String prefix, Input input) {
        if (request == null) {
            input.fail(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "is required");
            return null;
        }
        if (request.code() != null && !request.code().equals(project.code())) {
            input.fail(prefix + "code", "must be the project's code " + project.code() + ": " + request.code());
        }
        String fundCode = views.fundCode(project);
        if (request.fundCode() != null && !request.fundCode().equals(fundCode)) {
            input.fail(prefix + "fundCode", "must be the project's fund " + fundCode + ": " + request.fundCode());
        }
        if (request.needId() != null && !request.needId().equals(project.needId())) {
            input.fail(prefix + "needId", "must be the need the project answers (" + project.needId() + "): " + request.needId());
        }
        return PlanInput.read(request, input, prefix);
    }

    @Get("/{code}/plan-versions")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "listPlanVersions", summary = "Every version of a project's plan, oldest first",
            description = "Version 1 is the plan as the committee first approved it; each change after approval is the "
                    + "next version, PROPOSED until the committee approves or rejects it. All are kept. One page.")
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PlanVersionResponse> planVersions(String code) {
        Project project = find(code);
        return new Page<>(projects.planVersions(project.id()).stream().map(v -> views.of(v, project)).toList(), null);
    }

    @Post("/{code}/plan-versions")
    @Allowed({ACCOUNTANT, COMMITTEE})
    @Operation(operationId = "proposePlanVersion", summary = "Propose a change to an approved plan as its next version",
            description = "While the project raises money or runs. The version in force stays until the committee approves "
                    + "the new one, and not by the person who proposed it. Lines that carry payments stay.")
    @ApiResponse(responseCode = "201", description = "The proposed version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanVersionResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid; every wrong field is named (plan.budget[0].amount)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Not FUNDRAISING or IN_PROGRESS, or another version waits for a decision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The budget does not add up, the matching pool changed, or a line "
            + "that carries payments was dropped",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<PlanVersionResponse> proposePlanVersion(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Body PlanChangeRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Project project = find(code);
        Input input = new Input();
        String reason = input.text(request.reason(), "reason", Limits.REASON_CHARS_MAX);
        ProjectPlan plan = samePlanOf(project, request.plan(), "plan.", input);
        input.validate();
        Outcome<PlanVersion> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, versionKind,
                new ProposePlanChange(Authenticator.actor(caller), code, plan, reason)));
        PlanVersion version = Outcomes.accepted(outcome, CODE_IN_PATH);
        return Outcomes.replayed(HttpResponse.created(views.of(version, find(code)),
                URI.create("/api/v1/projects/" + code + "/plan-versions")), outcome);
    }

    @Post("/{code}/plan-versions/{version}/approve")
    @Allowed(COMMITTEE)
    @Operation(operationId = "approvePlanVersion", summary = "Approve a proposed plan version: it comes into force",
            description = "Not by the person who proposed it.")
    @ApiResponse(responseCode = "200", description = "The version, APPROVED and in force",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanVersionResponse.class)))
    @ApiResponse(responseCode = "403", description = "Not on the committee, or the caller proposed the version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The version was decided already, or the project no longer runs",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<PlanVersionResponse> approvePlanVersion(
            String code,
            int version,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body DecisionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        return decideVersion(code, version, true, request, caller, idempotencyKey, http);
    }

    @Post("/{code}/plan-versions/{version}/reject")
    @Allowed(COMMITTEE)
    @Operation(operationId = "rejectPlanVersion", summary = "Reject a proposed plan version, saying why",
            description = "Not by the person who proposed it. The version in force stays.")
    @ApiResponse(responseCode = "200", description = "The version, REJECTED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanVersionResponse.class)))
    @ApiResponse(responseCode = "400", description = "No reason, or a reason too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "Not on the committee, or the caller proposed the version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The version was decided already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<PlanVersionResponse> rejectPlanVersion(
            String code,
            int version,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body DecisionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        return decideVersion(code, version, false, request, caller, idempotencyKey, http);
    }

    private HttpResponse<PlanVersionResponse> decideVersion(String code, int version, boolean approve, DecisionRequest request,
                                                            User caller, String idempotencyKey, HttpRequest<?> http) {
        Input input = new Input();
        String given = request == null ? null : request.reason();
        String reason = approve ? input.optionalNonBlank(given, "reason", Limits.REASON_CHARS_MAX)
                : input.text(given, "reason", Limits.REASON_CHARS_MAX);
        input.validate();
        Outcome<PlanVersion> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, versionKind,
                new DecidePlanChange(Authenticator.actor(caller), code, version, approve, reason)));
        PlanVersion decided = Outcomes.accepted(outcome, Set.of("code", "version"));
        return Outcomes.replayed(HttpResponse.ok(views.of(decided, find(code))), outcome);
    }

    @Post("/{code}/complete")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "completeProject", summary = "Record the results against each goal: IN_PROGRESS → COMPLETED",
            description = "goalOutcomes gives one outcome per goal of the plan in force, in its order. No disbursement may "
                    + "still be PENDING or APPROVED.")
    @ApiResponse(responseCode = "200", description = "The project, COMPLETED, with its closing results",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "400", description = "Missing or too long results or outcomes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Not IN_PROGRESS, or payments are still open; the detail says which",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Not one outcome per goal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> complete(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Body CompleteRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Input input = new Input();
        String results = input.text(request.results(), "results", Closing.RESULTS_LENGTH_MAX);
        List<String> outcomes = new ArrayList<>();
        if (request.goalOutcomes() == null || request.goalOutcomes().isEmpty()) {
            input.fail("goalOutcomes", "is required: one outcome per goal of the plan");
        } else if (request.goalOutcomes().size() > ProjectLimits.GOALS_MAX) {
            input.fail("goalOutcomes", "must have at most " + ProjectLimits.GOALS_MAX + " outcomes: it has "
                    + request.goalOutcomes().size());
        } else {
            for (int i = 0; i < request.goalOutcomes().size(); i++) {
                outcomes.add(input.text(request.goalOutcomes().get(i), "goalOutcomes[" + i + "]", Closing.OUTCOME_LENGTH_MAX));
            }
        }
        input.validate();
        org.mingzhang.user.Actor by = Authenticator.actor(caller);
        Outcome<Project> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, projectKind,
                new CompleteProject(by, code, new Closing(results, outcomes, by))));
        return Outcomes.replayed(HttpResponse.ok(views.of(Outcomes.accepted(outcome, CODE_IN_PATH))), outcome);
    }

    @Post("/{code}/leftover")
    @Allowed(COMMITTEE)
    @Operation(operationId = "disposeLeftover", summary = "Decide what becomes of a finished project's leftover money (结余)",
            description = "From COMPLETED (or CANCELLED). All of what is available either returns to the fund's "
                    + "unrestricted money (Dr 3102 / Cr 3101) or moves to another project of the same fund that raises money "
                    + "or runs; both are journal transactions that name the projects.")
    @ApiResponse(responseCode = "200", description = "The project, with the decision among its leftovers",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "400", description = "Unknown disposition, a missing target or reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Not COMPLETED or CANCELLED, nothing left, or the target does not run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The target is unknown, this project or of another fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> disposeLeftover(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Body LeftoverRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        Input input = new Input();
        LeftoverDisposition disposition = input.oneOf(LeftoverDisposition.class, request.disposition(), "disposition");
        String target = null;
        if (disposition == LeftoverDisposition.TRANSFER_TO_PROJECT) {
            target = input.code(request.targetProjectCode(), "targetProjectCode", ProjectLimits.CODE_CHARS_MAX);
        } else if (request.targetProjectCode() != null) {
            input.fail("targetProjectCode", "is given only to TRANSFER_TO_PROJECT: " + request.targetProjectCode());
        }
        String reason = input.text(request.reason(), "reason", Limits.REASON_CHARS_MAX);
        input.validate();
        Outcome<LeftoverDisposal> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request,
                leftoverKind, new DisposeLeftover(Authenticator.actor(caller), code, disposition, target, reason)));
        Outcomes.accepted(outcome, CODE_IN_PATH);
        return Outcomes.replayed(HttpResponse.ok(views.of(find(code))), outcome);
    }

    @Post("/{code}/management-fees")
    @Allowed(ACCOUNTANT)
    @Operation(operationId = "chargeManagementFee", summary = "Charge the management fee (管理费) the project's plan allows",
            description = "The plan's managementFeeRate on what the project raised (restricted gifts less refunds), less the "
                    + "fees charged before. Borne by the project's restricted cash, never by the seed fund's match: Dr 5201 "
                    + "管理费用 / Cr 1002, and the restriction on that much lifted (Dr 3102 / Cr 3101 for earlier years' "
                    + "money, then Dr 410102 / Cr 410101). While the project raises money, runs or awaits acceptance.")
    @ApiResponse(responseCode = "201", description = "Charged. A replay answers the same, with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeeChargeResponse.class)))
    @ApiResponse(responseCode = "400", description = "No Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The project is not raising money, running or completed; or the "
            + "Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Nothing is due (no rate, or the fees charged reach what it allows), the "
            + "project's unspent restricted cash does not cover it, or an earlier year is not closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<FeeChargeResponse> chargeManagementFee(
            String code,
            @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.DESCRIPTION) String idempotencyKey,
            @RequestAttribute(AuthFilter.CALLER) User caller) {
        String key = IdempotencyKeys.journalKey(idempotencyKey, caller);
        Outcome<FeeCharge> outcome = ledger.execute(new ChargeManagementFee(key, Authenticator.actor(caller), code));
        FeeCharge f = Outcomes.accepted(outcome, CODE_IN_PATH);
        FeeChargeResponse body = new FeeChargeResponse(f.project().code(), Rate.format(f.basisPoints()), Money.format(f.baseFen()),
                Money.format(f.project().plan().managementFeeOn(f.baseFen())), Money.format(f.chargedBeforeFen()),
                Money.format(f.amountFen()), Money.format(f.chargedTotalFen()), f.transactionId());
        return Outcomes.replayed(HttpResponse.created(body, URI.create("/api/v1/ledger/transactions/" + f.transactionId())), outcome);
    }

    @Post("/{code}/accept")
    @Allowed(COMMITTEE)
    @Operation(operationId = "acceptProject", summary = "Accept a COMPLETED project (结项验收): → ACCEPTED, closed for good",
            description = "Not by the person who completed it. Its leftover money must have been decided first, and a "
                    + "pro-rata matching pool must have settled. Nothing posts to the project afterwards.")
    @ApiResponse(responseCode = "200", description = "The project, ACCEPTED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "403", description = "Not on the committee, or the caller completed the project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "Not COMPLETED, money still left, or the match not settled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> accept(
            String code,
            @Nullable @Header(IdempotencyKeys.HEADER) @Parameter(description = IdempotencyKeys.OPTIONAL_DESCRIPTION)
            String idempotencyKey,
            @Nullable @Body TransitionRequest request,
            @RequestAttribute(AuthFilter.CALLER) User caller,
            HttpRequest<?> http) {
        return move(code, ProjectTransition.ACCEPT, request, false, caller, idempotencyKey, http);
    }

    private HttpResponse<ProjectResponse> move(String code, ProjectTransition transition, TransitionRequest request,
                                               boolean reasonRequired, User caller, String idempotencyKey, HttpRequest<?> http) {
        Input input = new Input();
        String given = request == null ? null : request.reason();
        String reason = reasonRequired ? input.text(given, "reason", Limits.REASON_CHARS_MAX)
                : input.optionalNonBlank(given, "reason", Limits.REASON_CHARS_MAX);
        input.validate();
        Outcome<Project> outcome = ledger.execute(IdempotencyKeys.keyed(idempotencyKey, caller, http, request, projectKind,
                new TransitionProject(Authenticator.actor(caller), code, transition, reason)));
        return Outcomes.replayed(HttpResponse.ok(views.of(Outcomes.accepted(outcome, CODE_IN_PATH))), outcome);
    }


    /** The project named in a URL, as committed, or a 404. */
    private Project find(String code) {
        return projects.project(code).orElseThrow(() -> Problems.notFound("project-must-exist", "no project " + code));
    }

}
