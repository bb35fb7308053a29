package org.mingzhang.matching;

import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.user.Actor;

/** Open a matching pool: move {@code budgetFen} out of the sponsor fund's money into the pool's own books. */
public record CreatePool(String idempotencyKey, Actor by, String code, String name, String sponsorFundCode, long budgetFen,
                         SettlementMode settlement, MatchRule rule) implements LedgerCommand<MatchingPool> {

    @Override
    public String requestHash() {
        Canonical c = new Canonical().add("CreatePool").add(code).add(name).add(sponsorFundCode).add(budgetFen)
                .add(settlement.name()).add(rule.mode().name()).add(rule.tiers().size());
        rule.tiers().forEach(t -> c.add(t.minRaisedFen()).add(t.rateBasisPoints()));
        c.add(rule.perProjectCapFen()).add(rule.perDonationCapFen()).add(rule.perDonorCapFen()).add(rule.inKindEligible())
                .add(rule.opensAt()).add(rule.closesAt()).add(String.join("\u0001", new java.util.TreeSet<>(rule.eligibleCategories())))
                .add(String.join("\u0001", new java.util.TreeSet<>(rule.eligibleFundCodes())));
        return c.sha256();
    }
}
