package org.mingzhang.fund;

import java.util.List;
import org.mingzhang.account.Account;
import org.mingzhang.account.AccountType;
import org.mingzhang.account.ChartTemplate;

/**
 * The three figures a fund is known by: cash (cash on hand and bank), restricted and unrestricted net
 * assets. Until the year is closed, income and expenses count in net assets: restricted income adds to
 * restricted net assets; unrestricted income adds to, and every expense takes from, unrestricted ones
 * (spending restricted money releases its restriction first, Dr 3102 / Cr 3101).
 */
public record FundBalances(long cashFen, long restrictedFen, long unrestrictedFen) {

    public static FundBalances of(List<Account> accounts) {
        long cash = 0;
        long restricted = 0;
        long unrestricted = 0;
        for (Account a : accounts) {
            long balance = a.balanceFen();
            if (a.code().equals(ChartTemplate.CASH) || a.code().equals(ChartTemplate.BANK)) {
                cash = Math.addExact(cash, balance);
            }
            if (a.type() == AccountType.NET_ASSETS || a.type() == AccountType.INCOME) {
                if (a.restricted()) {
                    restricted = Math.addExact(restricted, balance);
                } else {
                    unrestricted = Math.addExact(unrestricted, balance);
                }
            } else if (a.type() == AccountType.EXPENSE) {
                unrestricted = Math.subtractExact(unrestricted, balance);
            }
        }
        return new FundBalances(cash, restricted, unrestricted);
    }
}
