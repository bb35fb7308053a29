package org.mingzhang.journal;

import java.util.List;
import org.mingzhang.account.Account;
import org.mingzhang.fund.Fund;

/** The writer's state as loaded from storage. */
public record LedgerSnapshot(List<Fund> funds, List<Account> accounts, List<Transaction> openPendings,
                             String headHash, long lastTransactionId, long lastFundId, long lastAccountId) {
}
