package org.mingzhang.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mingzhang.account.Account;
import org.mingzhang.fund.Fund;

/**
 * Everything one batch writes: new funds and accounts, new transactions with their legs, one aggregated
 * change of totals per touched account and per touched account and month, the chain's checkpoints, and closed
 * periods. Built by the writer, written by the store in one database transaction.
 */
public final class WriteBatch {

    private final List<Fund> newFunds = new ArrayList<>();
    private final List<Account> newAccounts = new ArrayList<>();
    private final List<Transaction> transactions = new ArrayList<>();
    private final Map<Long, long[]> accountDeltas = new LinkedHashMap<>();
    private final Map<AccountPeriod, long[]> periodDeltas = new LinkedHashMap<>();
    private final List<ChainCheckpoint> checkpoints = new ArrayList<>();
    private final Map<Long, Instant> closedThrough = new LinkedHashMap<>();
    private final List<BatchRecord> records = new ArrayList<>();

    void addFund(Fund fund, List<Account> accounts) {
        newFunds.add(fund);
        newAccounts.addAll(accounts);
    }

    /** Accounts added to funds that exist already (the chart gained an account). */
    void addAccounts(List<Account> accounts) {
        newAccounts.addAll(accounts);
    }

    void addTransaction(Transaction transaction) {
        transactions.add(transaction);
    }

    /** Adds to one account's change: debits posted, credits posted, debits pending, credits pending. */
    void addDelta(long accountId, long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {
        long[] d = accountDeltas.computeIfAbsent(accountId, k -> new long[4]);
        d[0] = Math.addExact(d[0], debitsPosted);
        d[1] = Math.addExact(d[1], creditsPosted);
        d[2] = Math.addExact(d[2], debitsPending);
        d[3] = Math.addExact(d[3], creditsPending);
    }

    /** Adds to one account's posted debits and credits of one month. */
    void addPeriodDelta(AccountPeriod accountPeriod, long debitsPosted, long creditsPosted) {
        long[] d = periodDeltas.computeIfAbsent(accountPeriod, k -> new long[2]);
        d[0] = Math.addExact(d[0], debitsPosted);
        d[1] = Math.addExact(d[1], creditsPosted);
    }

    void addCheckpoint(ChainCheckpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    void closePeriod(long fundId, Instant through) {
        closedThrough.put(fundId, through);
    }

    void addRecord(BatchRecord record) {
        records.add(record);
    }

    /** Business records of the deciders (projects, gifts, …), written in order after the journal. */
    public List<BatchRecord> records() {
        return records;
    }

    public List<Fund> newFunds() {
        return newFunds;
    }

    public List<Account> newAccounts() {
        return newAccounts;
    }

    public List<Transaction> transactions() {
        return transactions;
    }

    /** Account id → {debits posted, credits posted, debits pending, credits pending} to add. */
    public Map<Long, long[]> accountDeltas() {
        return accountDeltas;
    }

    /** (fund, account, month) → {debits posted, credits posted} to add to that month's period balance. */
    public Map<AccountPeriod, long[]> periodDeltas() {
        return periodDeltas;
    }

    /** The checkpoints of the chain reached by this batch's transactions, in order. */
    public List<ChainCheckpoint> checkpoints() {
        return checkpoints;
    }

    public Map<Long, Instant> closedThrough() {
        return closedThrough;
    }

    public boolean isEmpty() {
        return newFunds.isEmpty() && newAccounts.isEmpty() && transactions.isEmpty() && closedThrough.isEmpty()
                && records.isEmpty();
    }
}
