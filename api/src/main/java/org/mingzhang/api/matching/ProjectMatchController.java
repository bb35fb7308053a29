package org.mingzhang.api.matching;

import static org.mingzhang.user.Role.ACCOUNTANT;
import static org.mingzhang.user.Role.ADMIN;
import static org.mingzhang.user.Role.AUDITOR;
import static org.mingzhang.user.Role.COMMITTEE;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectStore;

/**
 * A project's match explained. It lives under {@code /api/v1/projects} beside {@code ProjectsController},
 * which Micronaut allows because routes are matched per method and path, not per controller; it is kept
 * here so that the projects edge does not depend on matching.
 */
@Controller("/api/v1/projects")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Matching pools")
public final class ProjectMatchController {

    private final MatchingReads reads;
    private final ProjectStore projects;
    private final MatchingViews views;

    public ProjectMatchController(MatchingReads reads, ProjectStore projects, MatchingViews views) {
        this.reads = reads;
        this.projects = projects;
        this.views = views;
    }

    @Get("/{code}/match")
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getProjectMatch", summary = "A project's match (配捐), step by step",
            description = "Which gifts counted, what each cap removed, the tier and rate (FLAT) or the bands (MARGINAL), the "
                    + "amount computed, what the per-project cap and the budget allowed, finalAmount and the rule version used. "
                    + "PROVISIONAL while the project raises money (against what the pool has left now), SETTLED afterwards.")
    @ApiResponse(responseCode = "404", description = "No such project, or the project names no matching pool (or one that "
            + "does not exist)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProjectMatchResponse match(String code) {
        return reads.explained(code).map(m -> views.of(code, m)).orElseThrow(() -> notFound(code));
    }

    /** Says which of the three reasons for "no match" holds, so that a client need not guess. */
    private RuntimeException notFound(String code) {
        Project project = projects.project(code).orElse(null);
        if (project == null) {
            return Problems.notFound("project-must-exist", "no project " + code);
        }
        if (project.plan().matchingPoolCode() == null) {
            return Problems.notFound("project-must-name-a-pool", "project " + code + " names no matching pool");
        }
        return Problems.notFound("pool-must-exist", "project " + code + " names matching pool "
                + project.plan().matchingPoolCode() + ", which does not exist");
    }
}
