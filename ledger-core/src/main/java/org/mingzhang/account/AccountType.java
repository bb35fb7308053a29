package org.mingzhang.account;

/** The five classes of the non-profit chart of accounts, each with the side on which it normally grows. */
public enum AccountType {
    ASSET(Side.DEBIT), LIABILITY(Side.CREDIT), NET_ASSETS(Side.CREDIT), INCOME(Side.CREDIT), EXPENSE(Side.DEBIT);

    private final Side normalSide;

    AccountType(Side normalSide) {
        this.normalSide = normalSide;
    }

    public Side normalSide() {
        return normalSide;
    }
}
