package org.mingzhang.api.matching;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.ledger.AccountDirectory;
import org.mingzhang.matching.Band;
import org.mingzhang.matching.ExclusionReason;
import org.mingzhang.matching.MatchCalculator;
import org.mingzhang.matching.MatchExplanation;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.MatchableGift;
import org.mingzhang.matching.MatchingPool;
import org.mingzhang.matching.PoolView;
import org.mingzhang.matching.ProjectMatch;
import org.mingzhang.matching.Rate;
import org.mingzhang.matching.Settlement;
import org.mingzhang.money.Money;

/** Builds the matching answers: codes instead of ids, money as yuan strings, rates as "0.30", times in China Standard Time. */
@Singleton
public final class MatchingViews {

    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";
    static final String PROVISIONAL = "PROVISIONAL";
    static final String SETTLED = "SETTLED";

    private final AccountDirectory directory;

    public MatchingViews(AccountDirectory directory) {
        this.directory = directory;
    }

    public PoolResponse of(PoolView view) {
        MatchingPool pool = view.pool();
        List<PoolSignalsResponse> signals = new ArrayList<>();
        view.signalsByProject().forEach((projectCode, byGift) -> byGift.forEach((giftId, set) ->
                signals.add(new PoolSignalsResponse(projectCode, giftId, List.copyOf(set)))));
        return new PoolResponse(pool.code(), pool.name(), directory.fundCode(pool.sponsorFundId()),
                directory.fundCode(pool.poolFundId()), Money.format(pool.budgetFen()), Money.format(view.settledFen()),
                Money.format(view.returnedFen()), Money.format(view.keptFen()), Money.format(view.reservedFen()),
                Money.format(view.availableFen()), Money.format(view.receivableFen()), Money.format(view.returnedToSponsorFen()),
                pool.open() ? OPEN : CLOSED, pool.settlement(), pool.ruleVersion(), of(pool.rule()), signals,
                pool.createdBy().name(), Times.format(pool.createdAt()), Times.format(pool.closedAt()));
    }

    RuleResponse of(MatchRule rule) {
        return new RuleResponse(rule.mode(),
                rule.tiers().stream().map(t -> new TierResponse(Money.format(t.minRaisedFen()), Rate.format(t.rateBasisPoints()))).toList(),
                optional(rule.perProjectCapFen()), optional(rule.perDonationCapFen()), optional(rule.perDonorCapFen()),
                List.copyOf(rule.eligibleCategories()), List.copyOf(rule.eligibleFundCodes()),
                Times.format(rule.opensAt()), Times.format(rule.closesAt()), rule.inKindEligible());
    }

    /**
     * A project's match. PROVISIONAL: the core's explanation as the gifts stand now, against what the pool
     * has left now. SETTLED: the figures the settlement recorded, with the tier or bands of the base it settled on; a
     * refund since then shows as {@code returned}, and beside the settled figures as the recomputed base, tier or bands
     * and entitlement; {@code finalAmount} is what the project keeps now.
     */
    public ProjectMatchResponse of(String projectCode, ProjectMatch match) {
        MatchingPool pool = match.pool();
        MatchExplanation e = match.explanation();
        Settlement s = match.settlement();
        List<GiftSignalsResponse> signals = new ArrayList<>();
        e.signalsByGiftId().forEach((giftId, set) -> signals.add(new GiftSignalsResponse(giftId, List.copyOf(set))));
        Map<ExclusionReason, Integer> excluded = e.excludedByReason();
        if (s == null) {
            // The calculator explains the match of a project the rule admits; one it does not admit is never settled.
            long finalFen = match.eligible() ? e.finalFen() : 0;
            return new ProjectMatchResponse(projectCode, pool.code(), pool.ruleVersion(), match.eligible(), PROVISIONAL, e.mode(),
                    Money.format(e.receivedFen()), Money.format(e.removedByDonationCapFen()), Money.format(e.removedByDonorCapFen()),
                    Money.format(e.baseFen()), tier(pool.rule(), e), bands(e), Money.format(e.computedFen()),
                    Money.format(e.removedByProjectCapFen()), Money.format(e.cappedFen()), Money.format(e.budgetAvailableFen()),
                    Money.format(e.removedByBudgetFen()), Money.format(finalFen), null, Money.format(0), Money.format(finalFen),
                    null, e.giftsConsidered(), excluded, signals, null, null);
        }
        // The rule has one version so far; should it gain more, the tiers of another version are not at hand here.
        MatchExplanation tiers = s.ruleVersion() == pool.ruleVersion() ? tiersOf(pool.rule(), s.baseFen()) : null;
        return new ProjectMatchResponse(projectCode, pool.code(), s.ruleVersion(), match.eligible(), SETTLED, pool.rule().mode(),
                Money.format(s.receivedFen()), Money.format(s.removedByDonationCapFen()), Money.format(s.removedByDonorCapFen()),
                Money.format(s.baseFen()), tiers == null ? null : tier(pool.rule(), tiers), tiers == null ? null : bands(tiers),
                Money.format(s.computedFen()), Money.format(s.removedByProjectCapFen()), Money.format(s.cappedFen()),
                Money.format(s.budgetAvailableFen()), Money.format(s.removedByBudgetFen()), Money.format(s.netFen()),
                Money.format(s.finalFen()), Money.format(s.returnedFen()), Money.format(s.netFen()), recomputed(pool, s, e),
                e.giftsConsidered(), excluded, signals, Times.format(s.settledAt()), s.transactionId());
    }

    /** The settled match worked out again from the gifts as they stand now (the explanation the reads computed). */
    private static RecomputedMatchResponse recomputed(MatchingPool pool, Settlement s, MatchExplanation now) {
        return new RecomputedMatchResponse(Money.format(now.receivedFen()), Money.format(now.removedByDonationCapFen()),
                Money.format(now.removedByDonorCapFen()), Money.format(now.baseFen()), tier(pool.rule(), now), bands(now),
                Money.format(now.computedFen()), Money.format(now.removedByProjectCapFen()), Money.format(now.cappedFen()),
                Money.format(s.entitledFen(pool.settlement(), now.cappedFen())));
    }

    /** The short form of {@link #of(String, ProjectMatch)}: what a settled project keeps, or what it would get now. */
    MatchPreviewResponse preview(String projectCode, ProjectMatch match) {
        ProjectMatchResponse full = of(projectCode, match);
        return new MatchPreviewResponse(full.poolCode(), full.status(), full.eligible(), full.base(), full.finalAmount(),
                full.tier() == null ? null : full.tier().rate(), full.bands());
    }

    private static TierReachedResponse tier(MatchRule rule, MatchExplanation e) {
        if (e.mode() != MatchMode.FLAT || e.tierIndex() < 0) {
            return null;
        }
        return new TierReachedResponse(e.tierIndex(), Money.format(rule.tiers().get(e.tierIndex()).minRaisedFen()),
                Rate.format(e.rateBasisPoints()));
    }

    private static List<BandResponse> bands(MatchExplanation e) {
        if (e.mode() != MatchMode.MARGINAL) {
            return null;
        }
        return e.bands().stream().map(MatchingViews::of).toList();
    }

    private static BandResponse of(Band b) {
        return new BandResponse(Money.format(b.fromFen()), b.toFen() == null ? null : Money.format(b.toFen()),
                Rate.format(b.rateBasisPoints()), Money.format(b.amountInBandFen()), Money.format(b.matchInBandFen()));
    }

    /**
     * The tier (FLAT) or bands (MARGINAL) that a base reaches under a rule, from the core's own calculator. A
     * settlement records its base but not its tier or bands, and the project's gifts may have changed since
     * (a refund), so they are worked out again from the settled base: one gift of exactly that amount,
     * inside the window, with the per-gift and per-donor caps left out because the base is already past them.
     */
    private static MatchExplanation tiersOf(MatchRule rule, long baseFen) {
        MatchRule uncapped = rule.withPerDonationCapFen(null).withPerDonorCapFen(null).withPerProjectCapFen(null);
        List<MatchableGift> base = baseFen == 0 ? List.of()
                : List.of(MatchableGift.of("settled-base", baseFen, "settled-base", rule.opensAt()));
        return MatchCalculator.explain(uncapped, base, Long.MAX_VALUE);
    }

    private static String optional(Long fen) {
        return fen == null ? null : Money.format(fen);
    }
}
