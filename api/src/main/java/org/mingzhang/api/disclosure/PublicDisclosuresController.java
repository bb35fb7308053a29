package org.mingzhang.api.disclosure;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mingzhang.api.Limits;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;

/**
 * The public disclosures of projects and funds (API.md, "Public"): sources, uses, balances and status as data, without
 * a token and without a person's name, phone or ID number. Rate-limited per client address like every public call
 * ({@code AuthFilter}, {@code RateLimits}).
 */
@Controller("/api/v1/public")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Public")
@SecurityRequirements
public final class PublicDisclosuresController {

    private final PublicViews views;

    public PublicDisclosuresController(PublicViews views) {
        this.views = views;
    }

    @Get("/projects/{code}")
    @Operation(operationId = "getPublicProject", summary = "A project's plan, sources, uses, documents and whether it has gone "
            + "quiet (in progress with nothing paid or reported for 90 days)")
    @ApiResponse(responseCode = "200", description = "The project as the public reads it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublicProjectResponse.class),
                    examples = @ExampleObject(name = "inProgress", value = PROJECT_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "The code is not a project code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such project, or one not yet approved (a draft is not public)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "This address called the public API too often; retry after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublicProjectResponse project(String code) {
        String checked = checked(code);
        return views.project(checked).orElseThrow(() -> Problems.notFound("project-must-exist", "no public project " + checked));
    }

    @Get("/funds/{code}")
    @Operation(operationId = "getPublicFund", summary = "A fund's balances, its donations and spending month by month, its "
            + "projects and its disclosures")
    @ApiResponse(responseCode = "200", description = "The fund as the public reads it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublicFundResponse.class),
                    examples = @ExampleObject(name = "communityFund", value = FUND_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "The code is not a fund code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "This address called the public API too often; retry after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublicFundResponse fund(String code) {
        String checked = checked(code);
        return views.fund(checked).orElseThrow(() -> Problems.notFound("fund-must-exist", "no fund " + checked));
    }

    /** A code as funds and projects are written: letters, digits, '-', '_' or '.', at most 32 characters; else a 400. */
    private static String checked(String code) {
        Input input = new Input();
        String checked = input.code(code, "code", Limits.FUND_CODE_CHARS_MAX);
        input.validate();
        return checked;
    }

    static final String PROJECT_EXAMPLE = """
            {"code": "TXSQ-2026-001", "name": "天星社区道路硬化", "category": "便民维修",
             "need": "小区北侧土路雨天泥泞，老人出行不便", "goals": ["硬化道路300米"],
             "fund": {"code": "TXSQ", "name": "天星社区基金"}, "community": "天星社区基金",
             "status": "IN_PROGRESS", "statusLabel": "实施中", "stale": false,
             "lastActivity": "2026-06-01T10:00:00+08:00",
             "plan": {"budget": "50000.00", "fundraisingOpensAt": "2026-05-01T00:00:00+08:00",
                      "fundraisingClosesAt": "2026-05-31T23:59:59+08:00",
                      "lines": [{"item": "路面硬化材料", "planned": "30000.00", "disbursed": "12000.00"},
                                {"item": "人工", "planned": "20000.00", "disbursed": "0.00"}]},
             "raised": {"total": "20000.00", "byChannel": [{"channel": "BANK_TRANSFER", "label": "银行转账", "gifts": 3,
                        "amount": "16000.00"}, {"channel": "WECHAT_PAY", "label": "微信支付", "gifts": 8, "amount": "4000.00"}],
                        "donors": 10, "gifts": 11},
             "matched": "4000.00", "matchingPool": "YG-2026", "transferredIn": "0.00", "disbursed": "12000.00",
             "managementFees": "0.00", "leftoverOut": "0.00", "available": "12000.00",
             "uses": [{"disbursementId": 12, "date": "2026-06-01", "purpose": "采购水泥、沙石", "budgetItem": "路面硬化材料",
                       "amount": "12000.00", "category": "CASH"}],
             "documents": [{"number": "MZP-7K3M-Q9TZ-4H1D-8WXA", "kind": "PLAN", "title": "社区基金项目计划书：天星社区道路硬化",
                            "issuedOn": "2026-05-02", "url": "/api/v1/public/documents/MZP-7K3M-Q9TZ-4H1D-8WXA/pdf"}]}
            """;

    static final String FUND_EXAMPLE = """
            {"code": "TXSQ", "name": "天星社区基金", "level": "COMMUNITY", "parentCode": "TXJD",
             "balances": {"cash": "12000.00", "restricted": "8000.00", "unrestricted": "4000.00"},
             "months": [{"month": "2026-05", "donations": "24000.00", "restrictedDonations": "20000.00",
                         "unrestrictedDonations": "4000.00", "spending": "0.00", "programmeCosts": "0.00",
                         "managementExpenses": "0.00", "fundraisingExpenses": "0.00"},
                        {"month": "2026-06", "donations": "0.00", "restrictedDonations": "0.00",
                         "unrestrictedDonations": "0.00", "spending": "12000.00", "programmeCosts": "12000.00",
                         "managementExpenses": "0.00", "fundraisingExpenses": "0.00"}],
             "projects": [{"code": "TXSQ-2026-001", "name": "天星社区道路硬化", "status": "IN_PROGRESS", "statusLabel": "实施中",
                           "stale": false, "budget": "50000.00", "raised": "20000.00", "matched": "4000.00",
                           "disbursed": "12000.00"}],
             "documents": [{"number": "MZD-2B7K-M4QX-9TZA-H1D8", "kind": "DISCLOSURE", "title": "社区基金公示：天星社区基金",
                            "issuedOn": "2026-07-01", "url": "/api/v1/public/documents/MZD-2B7K-M4QX-9TZA-H1D8/pdf"}]}
            """;
}
