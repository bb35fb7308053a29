package org.mingzhang.journal;

import java.util.List;
import org.mingzhang.account.Account;
import org.mingzhang.fund.Fund;

/**
 * The writer's state as loaded from storage.
 *
 * @param transactionCount the transactions in the chain, which the writer counts on to place the next checkpoint
 */
public record LedgerSnapshot(List<Fund> funds, List<Account> accounts, List<Transaction> openPendings,
                             String headHash, long lastTransactionId, long lastFundId, long lastAccountId,
                             long transactionCount) {

    /** A snapshot of a journal whose transaction ids run from 1 without a gap, so that it holds as many as the last id. */
    public LedgerSnapshot(List<Fund> funds, List<Account> accounts, List<Transaction> openPendings, String headHash,
                          long lastTransactionId, long lastFundId, long lastAccountId) {
        this(funds, accounts, openPendings, headHash, lastTransactionId, lastFundId, lastAccountId, lastTransactionId);
    }
}
