package org.mingzhang.api.projects;

import static org.mingzhang.user.Role.ACCOUNTANT;
import static org.mingzhang.user.Role.ADMIN;
import static org.mingzhang.user.Role.AUDITOR;
import static org.mingzhang.user.Role.COMMITTEE;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.mingzhang.api.Limits;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.auth.AuthFilter;
import org.mingzhang.api.auth.Authenticator;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Page;
import org.mingzhang.api.funds.FundsController;
import org.mingzhang.api.ledger.Outcomes;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.journal.Ledger;
import org.mingzhang.project.CreateProject;
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

    public ProjectsController(Ledger ledger, ProjectStore projects, ProjectViews views) {
        this.ledger = ledger;
        this.projects = projects;
        this.views = views;
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
    @ApiResponse(responseCode = "409", description = "A project with this code exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The fund does not exist, or the budget does not add up to the target",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> create(@Body CreateProjectRequest request,
                                                @RequestAttribute(AuthFilter.CALLER) User caller) {
        Input input = new Input();
        String code = input.code(request.code(), "code", ProjectLimits.CODE_CHARS_MAX);
        String fundCode = input.code(request.fundCode(), "fundCode", Limits.FUND_CODE_CHARS_MAX);
        ProjectPlan plan = PlanInput.read(request, input);
        input.validate();
        Project project = Outcomes.accepted(ledger.execute(new CreateProject(Authenticator.actor(caller), code, fundCode, plan)), Set.of());
        return HttpResponse.created(views.of(project), URI.create("/api/v1/projects/" + project.code()));
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
        if (status == null) {
            return null;
        }
        try {
            return ProjectStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            input.fail("status", "must be one of " + Arrays.toString(ProjectStatus.values()) + ": " + status);
            return null;
        }
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
    public ProjectResponse submit(String code, @Nullable @Body TransitionRequest request,
                                  @RequestAttribute(AuthFilter.CALLER) User caller) {
        return move(code, ProjectTransition.SUBMIT, request, false, caller);
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
    public ProjectResponse approve(String code, @Nullable @Body TransitionRequest request,
                                   @RequestAttribute(AuthFilter.CALLER) User caller) {
        return move(code, ProjectTransition.APPROVE, request, false, caller);
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
    public ProjectResponse reject(String code, @Nullable @Body TransitionRequest request,
                                  @RequestAttribute(AuthFilter.CALLER) User caller) {
        return move(code, ProjectTransition.REJECT, request, true, caller);
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
    public ProjectResponse closeFundraising(String code, @Nullable @Body TransitionRequest request,
                                            @RequestAttribute(AuthFilter.CALLER) User caller) {
        return move(code, ProjectTransition.CLOSE_FUNDRAISING, request, false, caller);
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
    public ProjectResponse cancel(String code, @Nullable @Body TransitionRequest request,
                                  @RequestAttribute(AuthFilter.CALLER) User caller) {
        return move(code, ProjectTransition.CANCEL, request, true, caller);
    }

    private ProjectResponse move(String code, ProjectTransition transition, TransitionRequest request, boolean reasonRequired,
                                 User caller) {
        Input input = new Input();
        String given = request == null ? null : request.reason();
        String reason = reasonRequired ? input.text(given, "reason", Limits.REASON_CHARS_MAX)
                : blankToNull(input.optionalText(given, "reason", Limits.REASON_CHARS_MAX));
        input.validate();
        Project project = Outcomes.accepted(ledger.execute(new TransitionProject(Authenticator.actor(caller), code, transition, reason)),
                CODE_IN_PATH);
        return views.of(project);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The project named in a URL, as committed, or a 404. */
    private Project find(String code) {
        return projects.project(code).orElseThrow(() -> Problems.notFound("project-must-exist", "no project " + code));
    }

}
