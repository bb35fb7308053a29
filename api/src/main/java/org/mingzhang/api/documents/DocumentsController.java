package org.mingzhang.api.documents;

import static org.mingzhang.user.Role.ACCOUNTANT;
import static org.mingzhang.user.Role.ADMIN;
import static org.mingzhang.user.Role.AUDITOR;
import static org.mingzhang.user.Role.COMMITTEE;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.mingzhang.api.auth.Allowed;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.reports.CommitteeDocuments;

/**
 * The committee's documents as PDFs (API.md, "Reports"): the project plan, the closing report and a fund's disclosure.
 * Each answer is registered under the number printed on it, so the public can fetch the same bytes by that number.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Reports")
public final class DocumentsController {

    static final String PDF = "application/pdf";

    private final DocumentIssuer issuer;

    public DocumentsController(DocumentIssuer issuer) {
        this.issuer = issuer;
    }

    @Get(value = "/projects/{code}/plan.pdf", produces = PDF)
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getProjectPlanPdf", summary = "社区基金项目计划书: the project's plan in force, as a PDF to sign and seal")
    @ApiResponse(responseCode = "200", description = "The plan; the document number is in the Mingzhang-Document header",
            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<byte[]> plan(String code) {
        return pdf(issuer.plan(code).orElseThrow(() -> noProject(code)));
    }

    @Get(value = "/projects/{code}/closing-report.pdf", produces = PDF)
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getProjectClosingReportPdf",
            summary = "社区基金项目结项报告: goals against results, money in and out, spending by budget line, as a PDF")
    @ApiResponse(responseCode = "200", description = "The closing report (an interim one while the project runs)",
            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The project has not been approved to raise money, so it has no report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<byte[]> closingReport(String code) {
        return pdf(issuer.closingReport(code).orElseThrow(() -> noProject(code)));
    }

    @Get(value = "/funds/{code}/disclosure.pdf", produces = PDF)
    @Allowed({ADMIN, ACCOUNTANT, COMMITTEE, AUDITOR})
    @Operation(operationId = "getFundDisclosurePdf",
            summary = "公示: the fund's sources and uses of a period, balances and projects, for the notice board")
    @ApiResponse(responseCode = "200", description = "The disclosure",
            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<byte[]> disclosure(String code,
                                           @Nullable @QueryValue @Parameter(description = "The first day of the period "
                                                   + "(China Standard Time); default: 1 January of the year of `to`")
                                           String from,
                                           @Nullable @QueryValue @Parameter(description = "The last day of the period, "
                                                   + "included; default: the day the fund's data ends") String to) {
        Input input = new Input();
        LocalDate first = Times.parseDate(from, "from", input);
        LocalDate last = Times.parseDate(to, "to", input);
        input.validate();
        try {
            return pdf(issuer.disclosure(code, first, last)
                    .orElseThrow(() -> Problems.notFound("fund-must-exist", "no fund " + code)));
        } catch (CommitteeDocuments.PeriodRefusedException e) {
            // The period is too long or holds more gifts than a notice can list: the caller chooses a shorter one.
            throw Problems.invalid(e.field(), e.getMessage());
        }
    }

    static HttpResponse<byte[]> pdf(DocumentIssuer.Issued issued) {
        return HttpResponse.ok(issued.pdf()).contentType(PDF)
                .header("Mingzhang-Document", issued.document().number())
                .header("ETag", "\"" + issued.document().sha256() + "\"")
                .header("Content-Disposition", "inline; filename=\"" + issued.document().number() + ".pdf\"");
    }

    private static RuntimeException noProject(String code) {
        return Problems.notFound("project-must-exist", "no project " + code);
    }
}
