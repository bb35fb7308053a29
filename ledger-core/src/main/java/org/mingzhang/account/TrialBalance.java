package org.mingzhang.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trial balance (试算平衡表): every account's net balance on its debit or credit side. Because every
 * transaction balances, {@code totalDebitFen == totalCreditFen} always; the constructor checks it.
 *
 * @param asOf the instant it describes; null for "now" (current totals)
 */
public record TrialBalance(Instant asOf, List<Line> lines, long totalDebitFen, long totalCreditFen) {

    public record Line(String accountCode, String name, AccountType type, long debitFen, long creditFen) {
    }

    public TrialBalance {
        lines = List.copyOf(lines);
        if (totalDebitFen != totalCreditFen) {
            throw new IllegalStateException("trial balance does not balance: debits " + totalDebitFen
                    + " ≠ credits " + totalCreditFen + " — the journal is corrupt");
        }
    }

    /**
     * Sums accounts by code (so several funds consolidate line by line).
     *
     * @param postedTotals account id → {debits, credits}; null means each account's current posted totals
     */
    public static TrialBalance of(Instant asOf, List<Account> accounts, Map<Long, long[]> postedTotals) {
        Map<String, long[]> byCode = new TreeMap<>();
        Map<String, Account> first = new TreeMap<>();
        for (Account a : accounts) {
            long[] dc = postedTotals == null
                    ? new long[] {a.balances().debitsPostedFen(), a.balances().creditsPostedFen()}
                    : postedTotals.getOrDefault(a.id(), new long[2]);
            long[] sum = byCode.computeIfAbsent(a.code(), k -> new long[2]);
            sum[0] = Math.addExact(sum[0], dc[0]);
            sum[1] = Math.addExact(sum[1], dc[1]);
            first.putIfAbsent(a.code(), a);
        }
        List<Line> lines = new ArrayList<>();
        long totalDebit = 0;
        long totalCredit = 0;
        for (Map.Entry<String, long[]> e : byCode.entrySet()) {
            long net = Math.subtractExact(e.getValue()[0], e.getValue()[1]);
            Account a = first.get(e.getKey());
            lines.add(new Line(a.code(), a.name(), a.type(), Math.max(net, 0), Math.max(-net, 0)));
            totalDebit = Math.addExact(totalDebit, Math.max(net, 0));
            totalCredit = Math.addExact(totalCredit, Math.max(-net, 0));
        }
        return new TrialBalance(asOf, lines, totalDebit, totalCredit);
    }
}
