package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.mingzhang.matching.ExclusionReason;
import org.mingzhang.matching.MatchMode;

/**
 * A project's match (配捐) step by step, so that a committee member can check it with a pencil:
 * {@code received − removedByDonationCap − removedByDonorCap = base}; the tiers make {@code computed} of the
 * base (FLAT: the {@code tier} reached, its rate on the whole base; MARGINAL: each of the {@code bands} at its
 * own rate), rounded down to the fen; {@code computed − removedByProjectCap = capped}; {@code capped −
 * removedByBudget = finalAmount}; {@code finalAmount − returned = net}.
 *
 * <p>While the project raises money the figures are PROVISIONAL: what the gifts so far would give against
 * what the pool has left now (first come, first served: nothing is reserved). Once SETTLED they are the
 * settlement's, with the budget it met, and the tier or bands of the base it settled on.
 */
@Schema(name = "ProjectMatch")
public record ProjectMatchResponse(
        @Schema(example = "TXSQ-2026-001") String projectCode,
        @Schema(example = "YG-2026") String poolCode,
        @Schema(description = "The version of the pool's rule used", example = "1") int ruleVersion,
        @Schema(description = "Whether the pool's rule admits the project's category and fund; a project that is not "
                + "eligible is never settled, and its finalAmount is 0.00 whatever the rule would give") boolean eligible,
        @Schema(allowableValues = {"PROVISIONAL", "SETTLED"}) String status,
        MatchMode mode,
        @Schema(description = "The gifts that counted, before any cap", example = "32000.00") String received,
        @Schema(example = "1500.00") String removedByDonationCap,
        @Schema(example = "0.00") String removedByDonorCap,
        @Schema(description = "What the tiers apply to", example = "30500.00") String base,
        @Schema(nullable = true, description = "FLAT, with a base above zero: the tier reached") TierReachedResponse tier,
        @Schema(nullable = true, description = "MARGINAL: the bands from the first tier up to the one reached") List<BandResponse> bands,
        @Schema(example = "9150.00") String computed,
        @Schema(example = "0.00") String removedByProjectCap,
        @Schema(example = "9150.00") String capped,
        @Schema(description = "What the pool could still give when the match was computed", example = "288000.00")
        String budgetAvailable,
        @Schema(example = "0.00") String removedByBudget,
        @Schema(description = "The match the project keeps now: provisionally, while PROVISIONAL; once SETTLED, what the "
                + "settlement paid less what refunds took back (settledAmount − returned)", example = "9150.00")
        String finalAmount,
        @Schema(nullable = true, description = "SETTLED: what the settlement paid (capped − removedByBudget)",
                example = "9150.00") String settledAmount,
        @Schema(description = "What refunds after settlement took back to the pool", example = "0.00") String returned,
        @Schema(description = "The same as finalAmount (kept for clients written before it was)", example = "9150.00")
        String net,
        @Schema(nullable = true, description = "SETTLED: the match worked out again from the gifts as they stand now "
                + "(refunds left out), and what it entitles the project to keep") RecomputedMatchResponse recomputed,
        @Schema(description = "Every gift to the project, counted or not", example = "40") int giftsConsidered,
        @Schema(description = "The gifts that add nothing to the base, by reason (every reason listed, zero included)")
        Map<ExclusionReason, Integer> giftsExcluded,
        List<GiftSignalsResponse> abuseSignals,
        @Schema(nullable = true, example = "2026-06-01T09:00:00+08:00") String settledAt,
        @Schema(nullable = true, description = "The journal transaction that moved the match; null when it was zero",
                example = "118") Long transactionId) {
}
