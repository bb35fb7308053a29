package org.mingzhang.api.funds;

import jakarta.inject.Singleton;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.ledger.AccountDirectory;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundBalances;
import org.mingzhang.journal.Ledger;

/** Builds the fund answers from the ledger's committed state. */
@Singleton
public final class FundViews {

    private final Ledger ledger;
    private final AccountDirectory directory;

    public FundViews(Ledger ledger, AccountDirectory directory) {
        this.ledger = ledger;
        this.directory = directory;
    }

    public FundResponse of(Fund fund) {
        FundBalancesResponse balances = FundBalancesResponse.of(FundBalances.of(ledger.accounts(fund)));
        String parentCode = fund.parentId() == null ? null : directory.fundCode(fund.parentId());
        return new FundResponse(fund.code(), fund.name(), fund.level(), parentCode, fund.mustNotGoNegative(),
                Times.format(fund.closedThrough()), Times.format(fund.createdAt()), balances,
                balances.cash(), balances.restricted(), balances.unrestricted());
    }
}
