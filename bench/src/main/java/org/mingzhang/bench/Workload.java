package org.mingzhang.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.CreateFund;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.TransactionKind;

/**
 * The funds a scenario posts to and the transfers it sends. Every fund is seeded with a deposit
 * (Dr 1002 bank / Cr 410101 donation income) far larger than the run can spend, so a guarded account
 * never runs dry and any refusal the bench sees is a bug, not the workload.
 */
final class Workload {

    /**
     * Accounts of the chart that carry no "must not go negative" guard and that a manual entry may touch (the accounts
     * holding projects' restricted or designated money, 410102, 3102 and 310101, move only through their records): any
     * pair of them may be posted.
     */
    private static final String[] UNGUARDED = {
        "1122", "1901", "2202", "2209", "2901", "3101", "410101", "5101", "5201", "5301"};
    private static final String[] EXPENSES = {"5101", "5201", "5301"};
    private static final String BANK = "1002";
    /** 10 billion yuan per fund: at 10,000 fen a transfer, more than 10⁸ transfers before a bank could run dry. */
    static final long SEED_FEN = 1_000_000_000_000L;
    static final long TRANSFER_FEN_MAX = 10_000;

    private final boolean hot;
    private final List<String> fundCodes;

    private Workload(boolean hot, List<String> fundCodes) {
        this.hot = hot;
        this.fundCodes = fundCodes;
    }

    /** Creates {@code funds} funds and seeds each one's bank account; a hot workload spends from the first only. */
    static Workload setUp(Ledger ledger, int funds, boolean hot) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < funds; i++) {
            codes.add(String.format("F%04d", i));
        }
        List<CompletableFuture<? extends Outcome<?>>> created = new ArrayList<>();
        for (String code : codes) {
            created.add(ledger.submit(new CreateFund(code, "Bench fund " + code, FundLevel.CITY, null, false)));
        }
        created.forEach(f -> f.join().value());
        List<CompletableFuture<? extends Outcome<?>>> seeded = new ArrayList<>();
        for (String code : codes) {
            seeded.add(ledger.submit(new PostEntry("seed-" + code, "bench", TransactionKind.DONATION, code, "bench seed",
                    null, References.NONE, List.of(PostingLine.debit(BANK, SEED_FEN), PostingLine.credit("410101", SEED_FEN)))));
        }
        seeded.forEach(f -> f.join().value());
        return new Workload(hot, List.copyOf(codes));
    }

    /** Transactions written by {@link #setUp}: one deposit per fund (creating a fund writes no transaction). */
    int setUpTransactions() {
        return fundCodes.size();
    }

    int funds() {
        return fundCodes.size();
    }

    /**
     * The next transfer. Hot: debit one of the fund's expenses, credit its bank, always the same bank row.
     * Random: a random fund, a debit among the unguarded accounts, a credit among them or the bank.
     */
    PostEntry next(ThreadLocalRandom random, String idempotencyKey) {
        long fen = random.nextLong(1, TRANSFER_FEN_MAX + 1);
        String fund;
        String debit;
        String credit;
        if (hot) {
            fund = fundCodes.get(0);
            debit = EXPENSES[random.nextInt(EXPENSES.length)];
            credit = BANK;
        } else {
            fund = fundCodes.get(random.nextInt(fundCodes.size()));
            debit = UNGUARDED[random.nextInt(UNGUARDED.length)];
            // One draw in 13 (and every draw that hits the debit account) spends from the bank.
            int c = random.nextInt(UNGUARDED.length + 1);
            credit = c == UNGUARDED.length || UNGUARDED[c].equals(debit) ? BANK : UNGUARDED[c];
        }
        return new PostEntry(idempotencyKey, "bench", TransactionKind.TRANSFER, fund, "bench transfer", null,
                References.NONE, List.of(PostingLine.debit(debit, fen), PostingLine.credit(credit, fen)));
    }
}
