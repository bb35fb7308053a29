package org.mingzhang.api.ledger;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mingzhang.account.Account;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Ledger;

/**
 * Account and fund codes by id, for writing the journal's postings as clients name them. Codes and
 * names never change once a fund is opened, so they are cached; an unknown id (a fund opened since)
 * reloads the whole directory once.
 */
@Singleton
public final class AccountDirectory {

    private final Ledger ledger;
    private final Map<Long, AccountRef> accounts = new ConcurrentHashMap<>();
    private final Map<Long, String> fundCodes = new ConcurrentHashMap<>();

    public AccountDirectory(Ledger ledger) {
        this.ledger = ledger;
    }

    public AccountRef account(long accountId) {
        AccountRef ref = accounts.get(accountId);
        if (ref == null) {
            reload();
            ref = accounts.get(accountId);
        }
        if (ref == null) {
            throw new IllegalStateException("the journal names account " + accountId + ", which no fund has");
        }
        return ref;
    }

    public String fundCode(long fundId) {
        String code = fundCodes.get(fundId);
        if (code == null) {
            reload();
            code = fundCodes.get(fundId);
        }
        if (code == null) {
            throw new IllegalStateException("the journal names fund " + fundId + ", which does not exist");
        }
        return code;
    }

    /** Loads the funds opened since the last load, with their charts. */
    private synchronized void reload() {
        for (Fund fund : ledger.reads().funds()) {
            if (fundCodes.containsKey(fund.id())) {
                continue;
            }
            for (Account a : ledger.accounts(fund)) {
                accounts.put(a.id(), new AccountRef(a.id(), fund.code(), a.code(), a.name()));
            }
            // Published last, so that a fund whose code is known always has its accounts known too.
            fundCodes.put(fund.id(), fund.code());
        }
    }
}
