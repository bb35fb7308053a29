package org.mingzhang.matching;

import java.time.Instant;
import org.mingzhang.user.Actor;

/**
 * A matching pool (配捐池): a budget moved out of its sponsor's money into a seed fund of its own
 * ({@code poolFundId}, guarded so that it can never pay out more than it holds), and the rule that
 * decides each project's match. The rule is versioned; a settlement records the version it used.
 *
 * @param returnedToSponsorFen what went back to the sponsor when the pool closed
 */
public record MatchingPool(long id, String code, String name, long sponsorFundId, long poolFundId, long budgetFen,
                           SettlementMode settlement, boolean open, int ruleVersion, MatchRule rule, String idempotencyKey,
                           String requestHash, Actor createdBy, Instant createdAt, Instant closedAt,
                           String closeIdempotencyKey, String closeRequestHash, long returnedToSponsorFen) {

    public MatchingPool closed(Instant at, String key, String hash, long returnedFen) {
        return new MatchingPool(id, code, name, sponsorFundId, poolFundId, budgetFen, settlement, false, ruleVersion, rule,
                idempotencyKey, requestHash, createdBy, createdAt, at, key, hash, returnedFen);
    }
}
