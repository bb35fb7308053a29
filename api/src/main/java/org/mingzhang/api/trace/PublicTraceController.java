package org.mingzhang.api.trace;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.mingzhang.api.disclosure.PublicViews;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.attribution.Attributions;
import org.mingzhang.attribution.GiftFlow;
import org.mingzhang.attribution.Use;
import org.mingzhang.disclosure.PublicNames;
import org.mingzhang.fund.Fund;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.gift.TraceCodes;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionFields;
import org.mingzhang.money.Money;
import org.mingzhang.project.ProjectHeading;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.transparency.InclusionProof;
import org.mingzhang.transparency.TransparencyLog;

/**
 * A donor follows a gift by the trace code on their receipt, without a token: every figure comes from about ten indexed
 * reads (the gift by its code; its fund; its project's own row; its flow: the gift with its pool, its attribution units,
 * its uses; the project's documents, and its payments when it is in progress; its transaction with its legs; its leaf
 * and that leaf's block of leaves, the log's upper subtrees and latest checkpoint being kept in memory), never a pass
 * over a project's history, so the answer stays fast with millions of gifts in the books.
 */
@Controller("/api/v1/public/trace")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Public")
@SecurityRequirements
public final class PublicTraceController {

    private final GiftStore gifts;
    private final Attributions attributions;
    private final Ledger ledger;
    private final ProjectStore projects;
    private final PublicViews views;
    private final TransparencyLog log;

    public PublicTraceController(GiftStore gifts, Attributions attributions, Ledger ledger, ProjectStore projects,
                                 PublicViews views, TransparencyLog log) {
        this.gifts = gifts;
        this.attributions = attributions;
        this.ledger = ledger;
        this.projects = projects;
        this.views = views;
        this.log = log;
    }

    @Get("/{traceCode}")
    @Operation(operationId = "traceGift", summary = "Follow a gift by its trace code, with the proof that it is in the books",
            description = "The gift (donor named as the public may read it), its share of the match, its part of each of "
                    + "the project's payments in proportion to what it put in, what is unspent, the project's status and "
                    + "documents, and an RFC 6962 inclusion proof of its transaction against the latest signed checkpoint "
                    + "(docs/reference/verifying-a-trace.md). The code may be typed in any case, with or without dashes.")
    @ApiResponse(responseCode = "200", description = "The gift's trace",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TraceResponse.class)))
    @ApiResponse(responseCode = "400", description = "Not a trace code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No gift has this trace code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "Too many public calls from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TraceResponse trace(String traceCode) {
        String code = TraceCodes.normalized(traceCode).orElseThrow(() -> Problems.invalid("traceCode",
                "must be the 12-character code on the receipt, like 7K2M-9QXD-4HTA: " + traceCode));
        Gift gift = gifts.giftByTraceCode(code).orElseThrow(() -> Problems.notFound("trace-code-must-exist",
                "no gift has the trace code " + code + "; check it against the receipt"));
        Fund fund = ledger.reads().fund(gift.fundId()).orElseThrow(() -> new IllegalStateException(
                "gift " + gift.id() + " names fund " + gift.fundId() + ", which the ledger does not hold"));
        ProjectHeading project = gift.projectId() == null ? null : projects.heading(gift.projectId()).orElseThrow(() ->
                new IllegalStateException("gift " + gift.id() + " names project " + gift.projectId() + ", which does not exist"));
        GiftFlow flow = project == null ? null : attributions.giftFlow(gift.id()).orElse(null);
        PublicViews.Standing standing = project == null ? null : views.standing(project);

        TraceDonation donation = new TraceDonation(gift.receiptNo(), date(gift.receivedAt()), Money.format(gift.amountFen()),
                Money.format(gift.refundedFen()), PublicNames.of(gift.donor()), fund.code(), fund.name(),
                project == null ? null : project.code(), project == null ? null : project.title());
        TraceMatch match = flow == null ? new TraceMatch(Money.format(0), null, null)
                : new TraceMatch(Money.format(flow.matchShareFen()), flow.poolCode(), flow.poolName());
        List<TraceUse> uses = flow == null ? List.of() : flow.uses().stream().map(PublicTraceController::use).toList();
        // A gift to a fund (not to a project) is the fund's unrestricted money: what is left of it is not tracked gift by gift.
        long unspentFen = flow == null ? gift.standingFen() : flow.unspentFen();
        return new TraceResponse(gift.traceCode(), donation, match, uses, Money.format(unspentFen),
                standing == null ? null : standing.status().name(), standing != null && standing.stale(),
                standing == null ? List.of() : standing.documents(), proof(gift));
    }

    private static TraceUse use(Use u) {
        return new TraceUse(date(u.date()), u.kind().name(), u.projectCode(), u.purpose(), u.budgetItem(), Money.format(u.amountFen()),
                Money.format(u.fromGiftFen()), Money.format(u.fromMatchFen()), u.disbursementId(), u.toProjectCode());
    }

    private TraceProof proof(Gift gift) {
        Transaction t = ledger.reads().transaction(gift.transactionId()).orElseThrow(() -> new IllegalStateException(
                "gift " + gift.id() + " names transaction " + gift.transactionId() + ", which the journal does not hold"));
        InclusionProof inclusion = log.inclusion(t.id());
        // API.md: before the first checkpoint that covers the gift, its leaf is not shown either (there is nothing to prove it by).
        return new TraceProof(t.hash(), inclusion.covered() ? inclusion.leafIndex() : null,
                inclusion.covered() ? inclusion.checkpoint().size() : null,
                inclusion.covered() ? inclusion.path().stream().map(h -> Base64.getEncoder().encodeToString(h)).toList() : null,
                inclusion.covered() ? inclusion.checkpoint().note() : null, ProofTransaction.of(TransactionFields.of(t)));
    }

    private static String date(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, Times.CHINA).toString();
    }
}
