package org.mingzhang.account;

/**
 * One account of one fund's chart, with its totals at the moment the snapshot was taken.
 *
 * @param mustNotGoNegative the ledger refuses any posting that would leave {@link #availableFen()} below zero
 */
public record Account(long id, long fundId, String code, String name, AccountType type, boolean restricted,
                      boolean mustNotGoNegative, Balances balances) {

    public Side normalSide() {
        return type.normalSide();
    }

    public long balanceFen() {
        return balances.postedFen(normalSide());
    }

    public long availableFen() {
        return balances.availableFen(normalSide());
    }

    public Account withBalances(Balances next) {
        return new Account(id, fundId, code, name, type, restricted, mustNotGoNegative, next);
    }
}
