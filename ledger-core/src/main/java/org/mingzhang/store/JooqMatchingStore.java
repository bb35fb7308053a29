package org.mingzhang.store;

import static org.mingzhang.store.JooqJournalStore.instant;
import static org.mingzhang.store.JooqJournalStore.odt;
import static org.mingzhang.store.jooq.Tables.GIFT;
import static org.mingzhang.store.jooq.Tables.MATCHING_POOL;
import static org.mingzhang.store.jooq.Tables.MATCHING_RULE;
import static org.mingzhang.store.jooq.Tables.MATCHING_RULE_SCOPE;
import static org.mingzhang.store.jooq.Tables.MATCHING_TIER;
import static org.mingzhang.store.jooq.Tables.MATCH_SETTLEMENT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.MatchableGift;
import org.mingzhang.matching.MatchingPool;
import org.mingzhang.matching.MatchingStore;
import org.mingzhang.matching.PoolSaved;
import org.mingzhang.matching.Settlement;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.SettlementSaved;
import org.mingzhang.matching.Tier;
import org.mingzhang.store.jooq.tables.records.MatchSettlementRecord;
import org.mingzhang.store.jooq.tables.records.MatchingPoolRecord;
import org.mingzhang.user.Actor;

/** Matching pools, their versioned rules and settled matches through jOOQ. */
final class JooqMatchingStore implements MatchingStore, RecordWriter {

    private final DSLContext reads;

    JooqMatchingStore(DSLContext reads) {
        this.reads = reads;
    }

    @Override
    public List<MatchingPool> pools() {
        return withRules(reads.selectFrom(MATCHING_POOL).orderBy(MATCHING_POOL.ID).fetch());
    }

    @Override
    public Optional<MatchingPool> pool(String code) {
        return withRules(reads.selectFrom(MATCHING_POOL).where(MATCHING_POOL.CODE.eq(code)).fetch()).stream().findFirst();
    }

    @Override
    public List<Settlement> settlements() {
        return reads.selectFrom(MATCH_SETTLEMENT).orderBy(MATCH_SETTLEMENT.ID).fetch(JooqMatchingStore::settlement);
    }

    @Override
    public Optional<Settlement> settlementOfProject(long projectId) {
        return reads.selectFrom(MATCH_SETTLEMENT).where(MATCH_SETTLEMENT.PROJECT_ID.eq(projectId))
                .fetchOptional(JooqMatchingStore::settlement);
    }

    @Override
    public List<MatchableGift> giftsOfProject(long projectId) {
        return projectGifts(GIFT.PROJECT_ID.eq(projectId)).stream().map(ProjectGift::gift).toList();
    }

    @Override
    public List<Settlement> settlementsOfPool(long poolId) {
        return reads.selectFrom(MATCH_SETTLEMENT).where(MATCH_SETTLEMENT.POOL_ID.eq(poolId)).orderBy(MATCH_SETTLEMENT.ID)
                .fetch(JooqMatchingStore::settlement);
    }

    @Override
    public List<ProjectGift> projectGifts() {
        return projectGifts(GIFT.PROJECT_ID.isNotNull());
    }

    private List<ProjectGift> projectGifts(org.jooq.Condition which) {
        return reads.selectFrom(GIFT).where(which).orderBy(GIFT.ID).fetch(g -> {
            Instant received = instant(g.getReceivedAt());
            Instant refunded = instant(g.getRefundedAt());
            // As the decider does: a refund recorded before a gift's (slightly future) receipt counts at the receipt.
            Instant refundedAt = refunded == null || !refunded.isBefore(received) ? refunded : received;
            // A gift refunded in part counts for what still stands of it; one refunded in whole, as refunded.
            long standing = refunded == null ? g.getAmountFen() - g.getRefundedFen() : g.getAmountFen();
            return new ProjectGift(g.getProjectId(), new MatchableGift(String.valueOf(g.getId()), standing, g.getDonorKey(),
                    g.getDonorName(), received, "IN_KIND".equals(g.getChannel()), refundedAt));
        });
    }

    @Override
    public void write(DSLContext dsl, BatchRecord record) {
        if (record instanceof PoolSaved saved) {
            writePool(dsl, saved);
        } else {
            writeSettlement(dsl, (SettlementSaved) record);
        }
    }

    private static void writePool(DSLContext dsl, PoolSaved saved) {
        MatchingPool p = saved.pool();
        if (!saved.created()) {
            dsl.update(MATCHING_POOL).set(MATCHING_POOL.IS_OPEN, p.open()).set(MATCHING_POOL.CLOSED_AT, odt(p.closedAt()))
                    .set(MATCHING_POOL.CLOSE_IDEMPOTENCY_KEY, p.closeIdempotencyKey())
                    .set(MATCHING_POOL.CLOSE_REQUEST_HASH, p.closeRequestHash())
                    .set(MATCHING_POOL.RETURNED_TO_SPONSOR_FEN, p.returnedToSponsorFen()).where(MATCHING_POOL.ID.eq(p.id())).execute();
            return;
        }
        dsl.insertInto(MATCHING_POOL).set(MATCHING_POOL.ID, p.id()).set(MATCHING_POOL.CODE, p.code()).set(MATCHING_POOL.NAME, p.name())
                .set(MATCHING_POOL.SPONSOR_FUND_ID, p.sponsorFundId()).set(MATCHING_POOL.POOL_FUND_ID, p.poolFundId())
                .set(MATCHING_POOL.BUDGET_FEN, p.budgetFen()).set(MATCHING_POOL.SETTLEMENT, p.settlement().name())
                .set(MATCHING_POOL.IS_OPEN, p.open()).set(MATCHING_POOL.RULE_VERSION, p.ruleVersion())
                .set(MATCHING_POOL.IDEMPOTENCY_KEY, p.idempotencyKey()).set(MATCHING_POOL.REQUEST_HASH, p.requestHash())
                .set(MATCHING_POOL.CREATED_BY_ID, p.createdBy().userId()).set(MATCHING_POOL.CREATED_BY_NAME, p.createdBy().name())
                .set(MATCHING_POOL.CREATED_AT, odt(p.createdAt())).set(MATCHING_POOL.CLOSED_AT, odt(p.closedAt())).execute();
        MatchRule r = p.rule();
        dsl.insertInto(MATCHING_RULE).set(MATCHING_RULE.POOL_ID, p.id()).set(MATCHING_RULE.VERSION, p.ruleVersion())
                .set(MATCHING_RULE.MODE, r.mode().name()).set(MATCHING_RULE.PER_PROJECT_CAP_FEN, r.perProjectCapFen())
                .set(MATCHING_RULE.PER_DONATION_CAP_FEN, r.perDonationCapFen()).set(MATCHING_RULE.PER_DONOR_CAP_FEN, r.perDonorCapFen())
                .set(MATCHING_RULE.IN_KIND_ELIGIBLE, r.inKindEligible()).set(MATCHING_RULE.OPENS_AT, odt(r.opensAt()))
                .set(MATCHING_RULE.CLOSES_AT, odt(r.closesAt())).execute();
        var tiers = dsl.insertInto(MATCHING_TIER, MATCHING_TIER.POOL_ID, MATCHING_TIER.VERSION, MATCHING_TIER.TIER_NO,
                MATCHING_TIER.MIN_RAISED_FEN, MATCHING_TIER.RATE_BP);
        for (int i = 0; i < r.tiers().size(); i++) {
            tiers = tiers.values(p.id(), p.ruleVersion(), i, r.tiers().get(i).minRaisedFen(), r.tiers().get(i).rateBasisPoints());
        }
        tiers.execute();
        for (String category : r.eligibleCategories()) {
            dsl.insertInto(MATCHING_RULE_SCOPE).values(p.id(), p.ruleVersion(), "CATEGORY", category).execute();
        }
        for (String fund : r.eligibleFundCodes()) {
            dsl.insertInto(MATCHING_RULE_SCOPE).values(p.id(), p.ruleVersion(), "FUND", fund).execute();
        }
    }

    private static void writeSettlement(DSLContext dsl, SettlementSaved saved) {
        Settlement s = saved.settlement();
        if (!saved.created()) {
            dsl.update(MATCH_SETTLEMENT).set(MATCH_SETTLEMENT.RETURNED_FEN, s.returnedFen()).where(MATCH_SETTLEMENT.ID.eq(s.id())).execute();
            return;
        }
        MatchSettlementRecord row = new MatchSettlementRecord(s.id(), s.poolId(), s.projectId(), s.ruleVersion(), s.receivedFen(),
                s.removedByDonationCapFen(), s.removedByDonorCapFen(), s.baseFen(), s.computedFen(), s.removedByProjectCapFen(),
                s.cappedFen(), s.budgetAvailableFen(), s.removedByBudgetFen(), s.finalFen(), s.returnedFen(), s.transactionId(),
                odt(s.settledAt()));
        dsl.insertInto(MATCH_SETTLEMENT).set(row).execute();
    }

    private List<MatchingPool> withRules(List<MatchingPoolRecord> rows) {
        List<MatchingPool> pools = new ArrayList<>();
        for (MatchingPoolRecord p : rows) {
            var rule = reads.selectFrom(MATCHING_RULE).where(MATCHING_RULE.POOL_ID.eq(p.getId()))
                    .and(MATCHING_RULE.VERSION.eq(p.getRuleVersion())).fetchSingle();
            List<Tier> tiers = reads.selectFrom(MATCHING_TIER).where(MATCHING_TIER.POOL_ID.eq(p.getId()))
                    .and(MATCHING_TIER.VERSION.eq(p.getRuleVersion())).orderBy(MATCHING_TIER.TIER_NO)
                    .fetch(t -> new Tier(t.getMinRaisedFen(), t.getRateBp()));
            Map<String, Set<String>> scope = new HashMap<>(Map.of("CATEGORY", new HashSet<>(), "FUND", new HashSet<>()));
            reads.selectFrom(MATCHING_RULE_SCOPE).where(MATCHING_RULE_SCOPE.POOL_ID.eq(p.getId()))
                    .and(MATCHING_RULE_SCOPE.VERSION.eq(p.getRuleVersion()))
                    .forEach(s -> scope.get(s.getKind()).add(s.getScopeValue()));
            MatchRule r = new MatchRule(MatchMode.valueOf(rule.getMode()), tiers, rule.getPerProjectCapFen(), rule.getPerDonationCapFen(),
                    rule.getPerDonorCapFen(), rule.getInKindEligible(), instant(rule.getOpensAt()), instant(rule.getClosesAt()),
                    scope.get("CATEGORY"), scope.get("FUND"));
            pools.add(new MatchingPool(p.getId(), p.getCode(), p.getName(), p.getSponsorFundId(), p.getPoolFundId(), p.getBudgetFen(),
                    SettlementMode.valueOf(p.getSettlement()), p.getIsOpen(), p.getRuleVersion(), r, p.getIdempotencyKey(),
                    p.getRequestHash(), new Actor(p.getCreatedById(), p.getCreatedByName()), instant(p.getCreatedAt()),
                    instant(p.getClosedAt()), p.getCloseIdempotencyKey(), p.getCloseRequestHash(), p.getReturnedToSponsorFen()));
        }
        return pools;
    }

    private static Settlement settlement(MatchSettlementRecord r) {
        return new Settlement(r.getId(), r.getPoolId(), r.getProjectId(), r.getRuleVersion(), r.getReceivedFen(),
                r.getRemovedByDonationCapFen(), r.getRemovedByDonorCapFen(), r.getBaseFen(), r.getComputedFen(),
                r.getRemovedByProjectCapFen(), r.getCappedFen(), r.getBudgetAvailableFen(), r.getRemovedByBudgetFen(),
                r.getFinalFen(), r.getReturnedFen(), r.getTransactionId(), instant(r.getSettledAt()));
    }
}
