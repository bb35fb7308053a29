package org.mingzhang.matching;

import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/** Open a matching pool: move {@code budgetFen} out of the sponsor fund's money into the pool's own books. */
public record CreatePool(String idempotencyKey, Actor by, String code, String name, String sponsorFundCode, long budgetFen,
                         SettlementMode settlement, MatchRule rule) implements LedgerCommand<MatchingPool> {

    /** The pool's own fund is named "配捐池 " + the pool's name, within the ledger's name limit. */
    public static final int NAME_LENGTH_MAX = LedgerLimits.NAME_LENGTH_MAX - 10;

    public CreatePool {
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireCode(code);
        LedgerLimits.requireCode(sponsorFundCode);
        LedgerLimits.requireAmount(budgetFen);
        if (name == null || name.isBlank() || name.length() > NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("a pool's name has 1 to " + NAME_LENGTH_MAX + " characters");
        }
    }

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
