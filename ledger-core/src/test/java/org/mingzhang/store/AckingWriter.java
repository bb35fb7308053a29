package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.CreateFund;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;

/**
 * The process that {@link H2CrashDurabilityTest} kills: it opens the ledger on an H2 file, then four threads post
 * entries without pause, and for each one prints {@code ACK <key>} on standard output only after the ledger
 * acknowledged it, the way the HTTP service answers 201. Runs until it is killed.
 *
 * <p>Arguments: the database URL, the {@link Database.H2Durability} to open it with, and a prefix for the keys.
 */
public final class AckingWriter {

    static final String FUND = "CRASH";
    static final int THREADS = 4;

    private AckingWriter() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        String url = args[0];
        Database.H2Durability durability = Database.H2Durability.valueOf(args[1]);
        String prefix = args[2];
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Database database = Database.open(url, "sa", "", THREADS + 2, durability);
        Ledger ledger = LedgerAssembly.open(database.ports(), Clock.systemUTC(), LedgerWriter.Settings.DEFAULT);
        if (ledger.fund(FUND).isEmpty()) {
            ledger.execute(new CreateFund(FUND, "崩溃测试基金", FundLevel.CITY, null, false)).value();
        }
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        for (int t = 0; t < THREADS; t++) {
            String threadPrefix = prefix + "-" + t + "-";
            Thread.ofPlatform().name("acking-" + t).start(() -> {
                for (long i = 0; ; i++) {
                    String key = threadPrefix + i;
                    Outcome<Transaction> outcome = ledger.execute(new PostEntry(key, "crash-test", TransactionKind.MANUAL, FUND,
                            "gift " + key, null, References.NONE, List.of(debit("1002", 1_00), credit("410101", 1_00))));
                    if (outcome.accepted()) {
                        synchronized (out) {
                            out.println("ACK " + key);
                            out.flush();
                        }
                    }
                }
            });
        }
    }
}
