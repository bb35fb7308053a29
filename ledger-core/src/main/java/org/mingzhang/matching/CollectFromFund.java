package org.mingzhang.matching;

import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.money.Money;
import org.mingzhang.user.Actor;

/**
 * The pool collects what a project's fund owes it (match money a refund sent back after the project had spent it):
 * {@code amountFen} of it, or (null) all of it.
 */
public record CollectFromFund(String idempotencyKey, Actor by, String poolCode, String projectCode, Long amountFen)
        implements LedgerCommand<PoolCollection> {

    public CollectFromFund {
        LedgerLimits.requireKey(idempotencyKey);
        LedgerLimits.requireCode(poolCode);
        LedgerLimits.requireCode(projectCode);
        if (amountFen != null && (amountFen <= 0 || amountFen > Money.FEN_MAX)) {
            throw new IllegalArgumentException("a collection's amount is positive: " + amountFen);
        }
    }

    @Override
    public String requestHash() {
        return new Canonical().add("CollectFromFund").add(poolCode).add(projectCode).add(amountFen).sha256();
    }
}
