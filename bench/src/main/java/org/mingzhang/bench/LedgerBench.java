package org.mingzhang.bench;

import org.mingzhang.assembly.LedgerAssembly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.mingzhang.account.Account;
import org.mingzhang.account.TrialBalance;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.ChainVerification;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.store.Database;

/**
 * Measures how many transfers per second the ledger acknowledges on PostgreSQL (or on the embedded H2, with a
 * chosen {@link Database.H2Durability}, to see what durability costs), and proves afterwards
 * that it stayed correct: the hash chain verifies, the trial balance balances, every balance row equals
 * the replay of its journal legs, and exactly the acknowledged transfers are stored.
 *
 * <p>Each scenario runs in a scratch database of its own, for a warm-up and then a measured window.
 * Clients are threads that each submit one request (one transfer, or a batch of transfers) and wait for
 * every acknowledgement before sending the next, the way HTTP clients would. A transfer counts when its
 * acknowledgement arrives inside the window; its latency runs from its {@code submit} to that moment.
 *
 * <p>Not a test: {@code bench/run-ledger-bench.sh} runs it next to pgbench and writes docs/benchmarks.md.
 */
public final class LedgerBench {

    private static final String USAGE = """
            usage: java -jar bench/target/mingzhang-bench.jar [options]
              --database NAME      postgresql (default) or h2: an H2 file in a scratch folder, as the service's default
              --h2-durability D    on H2: SYNCED (the service's setting), WRITTEN or DELAYED (H2's own default)
              --admin-url URL      PostgreSQL to create scratch databases on (default jdbc:postgresql://127.0.0.1:5432/postgres)
              --user NAME          (default postgres)      --password TEXT   (default empty)
              --duration-s N       measured seconds per scenario (default 20)
              --warmup-s N         warm-up seconds per scenario (default 4)
              --clients A,B        client threads of the single-transfer scenarios (default 16,64)
              --batch-clients N    client threads of the batch scenarios (default 4)
              --batch-size N       transfers per batch request (default 100)
              --funds N            funds in each scratch database (default 100)
              --scenarios LIST     any of single-random,single-hot,batch-random,batch-hot (default all)
              --queue-capacity N   the writer's queue (default %d)
              --batch-max N        commands per writer commit at most (default %d)
              --pgbench-tps X      the reference figure, to print each scenario's ratio to it
              --markdown FILE      also write the results as a Markdown fragment
              --summary FILE       also write one CSV line per scenario: name,clients,transfers/s,p50 ms,p99 ms,
                                   transfers per commit,correct
              --keep-databases B   true leaves each scratch database in place for inspection (default false)
            """.formatted(LedgerWriter.Settings.DEFAULT.queueCapacity(), LedgerWriter.Settings.DEFAULT.batchCommandsMax());

    private final Options options;

    private LedgerBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // jOOQ prints a banner and tips on first use; a benchmark's output is for figures.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Options options = Options.parse(args, USAGE);
        List<ScenarioResult> results = new LedgerBench(options).runAll();
        boolean allCorrect = results.stream().allMatch(ScenarioResult::correct);
        System.out.println(allCorrect ? "ALL SCENARIOS CORRECT" : "SOME SCENARIO FAILED ITS CORRECTNESS CHECKS");
        System.exit(allCorrect ? 0 : 1);
    }

    private List<ScenarioResult> runAll() throws IOException {
        List<String> wanted = List.of(options.get("scenarios", "single-random,single-hot,batch-random,batch-hot").split(","));
        int batchSize = options.getInt("batch-size", 100);
        int batchClients = options.getInt("batch-clients", 4);
        List<Scenario> scenarios = new ArrayList<>();
        for (String w : wanted) {
            switch (w.trim()) {
                case "single-random", "single-hot" -> {
                    for (String c : options.get("clients", "16,64").split(",")) {
                        scenarios.add(new Scenario(w.trim(), Integer.parseInt(c.trim()), 1, w.trim().endsWith("hot")));
                    }
                }
                case "batch-random", "batch-hot" -> scenarios.add(new Scenario(
                        "batch" + batchSize + (w.trim().endsWith("hot") ? "-hot" : "-random"), batchClients, batchSize,
                        w.trim().endsWith("hot")));
                default -> throw new IllegalArgumentException("no scenario " + w + "; see --help");
            }
        }
        System.out.printf(Locale.ROOT, "java %s, %d processors; %d scenarios of %ss after %ss warm-up%n",
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(), scenarios.size(),
                options.get("duration-s", "20"), options.get("warmup-s", "4"));
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            ScenarioResult r = run(s);
            results.add(r);
            printResult(r);
        }
        String markdown = markdown(results);
        System.out.println();
        System.out.print(markdown);
        if (options.has("markdown")) {
            Files.writeString(Path.of(options.get("markdown")), markdown, StandardCharsets.UTF_8);
        }
        if (options.has("summary")) {
            StringBuilder csv = new StringBuilder();
            for (ScenarioResult r : results) {
                csv.append(String.format(Locale.ROOT, "%s,%d,%.0f,%.2f,%.2f,%.1f,%s%n", r.scenario().name(), r.scenario().clients(),
                        r.transfersPerSecond(), r.p50Ms(), r.p99Ms(), r.meanCommandsPerCommit(), r.correct()));
            }
            Files.writeString(Path.of(options.get("summary")), csv.toString(), StandardCharsets.UTF_8);
        }
        return results;
    }

    // --- one scenario ------------------------------------------------------------------------------------

    /** One client thread's tallies; read by the main thread only after the client has been joined. */
    private static final class Client {
        final Latencies latencies = new Latencies();
        long acknowledged;
        long acknowledgedFen;
        long inWindow;
        long rejected;
        String firstRejection;
        long failed;
        String firstFailure;
    }

    private record Ack(Outcome<?> outcome, long atNanos) {
    }

    private ScenarioResult run(Scenario s) {
        String user = options.get("user", "postgres");
        String password = options.get("password", "");
        long warmupNanos = (long) (Double.parseDouble(options.get("warmup-s", "4")) * 1e9);
        long durationNanos = (long) (Double.parseDouble(options.get("duration-s", "20")) * 1e9);
        LedgerWriter.Settings settings = new LedgerWriter.Settings(
                options.getInt("queue-capacity", LedgerWriter.Settings.DEFAULT.queueCapacity()),
                options.getInt("batch-max", LedgerWriter.Settings.DEFAULT.batchCommandsMax()));
        System.out.printf(Locale.ROOT, "%n== %s, %d clients x %d transfers per request ==%n", s.name(), s.clients(),
                s.transfersPerRequest());
        boolean h2 = options.get("database", "postgresql").equals("h2");
        try (AutoCloseable scratch = h2 ? ScratchFolder.create(s.databaseName()) : ScratchDatabase.create(
                     options.get("admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres"), user, password, s.databaseName(),
                     Boolean.parseBoolean(options.get("keep-databases", "false")));
             Database database = h2
                     ? Database.open("jdbc:h2:file:" + ((ScratchFolder) scratch).path().resolve("bench"), "sa", "", 4,
                             Database.H2Durability.valueOf(options.get("h2-durability", "SYNCED")))
                     : Database.open(((ScratchDatabase) scratch).url(), user, password, 4);
             Ledger ledger = LedgerAssembly.open(database.ports(), Clock.systemUTC(), settings)) {
            Workload workload = Workload.setUp(ledger, options.getInt("funds", 100), s.hot());

            List<Client> clients = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            long[] window = new long[2];
            for (int i = 0; i < s.clients(); i++) {
                Client client = new Client();
                clients.add(client);
                String prefix = "c" + i + "-";
                threads.add(Thread.ofPlatform().name("bench-client-" + i).start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    drive(ledger, workload, s.transfersPerRequest(), prefix, client, window[0], window[1]);
                }));
            }
            window[0] = System.nanoTime() + warmupNanos;
            window[1] = window[0] + durationNanos;
            go.countDown();
            sleepUntil(window[0]);
            DataSource measured = h2 ? null : database.dataSource();
            CpuMeter.Reading cpuAtStart = CpuMeter.read(measured);
            sleepUntil(window[1]);
            CpuMeter.Usage cpu = CpuMeter.read(measured).since(cpuAtStart);
            for (Thread t : threads) {
                t.join();
            }
            return check(s, database, ledger, workload, clients, durationNanos / 1e9, cpu);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + s.name(), e);
        } catch (Exception e) {
            throw new IllegalStateException("scenario " + s.name() + " failed: " + e.getMessage(), e);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** One client: send a request of {@code perRequest} transfers, wait for all of them, repeat until the window ends. */
    private static void drive(Ledger ledger, Workload workload, int perRequest, String keyPrefix, Client client,
                              long windowStart, long windowEnd) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        PostEntry[] commands = new PostEntry[perRequest];
        long[] submittedAt = new long[perRequest];
        @SuppressWarnings("unchecked")
        CompletableFuture<Ack>[] acks = new CompletableFuture[perRequest];
        long sequence = 0;
        while (System.nanoTime() < windowEnd && client.failed == 0) {
            for (int i = 0; i < perRequest; i++) {
                commands[i] = workload.next(random, keyPrefix + sequence++);
                submittedAt[i] = System.nanoTime();
                // Stamped by the thread that completes the future (the writer, right after its commit).
                acks[i] = ledger.submit(commands[i]).thenApply(o -> new Ack(o, System.nanoTime()));
            }
            for (int i = 0; i < perRequest; i++) {
                Ack ack;
                try {
                    ack = acks[i].join();
                } catch (CompletionException e) {
                    if (client.failed++ == 0) {
                        client.firstFailure = String.valueOf(e.getCause());
                    }
                    continue;
                }
                if (ack.outcome() instanceof Outcome.Rejected<?> r) {
                    if (client.rejected++ == 0) {
                        client.firstRejection = r.rejection() + ": " + r.detail();
                    }
                    continue;
                }
                client.acknowledged++;
                client.acknowledgedFen += commands[i].lines().get(0).debitFen();
                if (ack.atNanos() >= windowStart && ack.atNanos() < windowEnd) {
                    client.inWindow++;
                    client.latencies.add((ack.atNanos() - submittedAt[i]) / 1_000);
                }
            }
        }
    }

    /** Reads everything back and checks it against what the clients saw acknowledged. */
    private static ScenarioResult check(Scenario s, Database database, Ledger ledger, Workload workload, List<Client> clients,
                                        double seconds, CpuMeter.Usage cpu) {
        long acknowledged = 0;
        long acknowledgedFen = 0;
        long inWindow = 0;
        long rejected = 0;
        long failed = 0;
        String firstRejection = null;
        String firstFailure = null;
        List<Latencies> parts = new ArrayList<>();
        for (Client c : clients) {
            acknowledged += c.acknowledged;
            acknowledgedFen += c.acknowledgedFen;
            inWindow += c.inWindow;
            rejected += c.rejected;
            failed += c.failed;
            firstRejection = firstRejection != null ? firstRejection : c.firstRejection;
            firstFailure = firstFailure != null ? firstFailure : c.firstFailure;
            parts.add(c.latencies);
        }
        Latencies latencies = Latencies.merge(parts);

        long verifyStart = System.nanoTime();
        ChainVerification chain = ledger.verify();
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;

        boolean trialEqual;
        long trialDebit = -1;
        long trialCredit = -1;
        try {
            TrialBalance tb = ledger.trialBalanceOfAll(null);
            trialDebit = tb.totalDebitFen();
            trialCredit = tb.totalCreditFen();
            trialEqual = trialDebit == trialCredit;
        } catch (IllegalStateException unbalanced) {
            // TrialBalance refuses to exist unbalanced; that refusal is the finding.
            System.out.println("trial balance: " + unbalanced.getMessage());
            trialEqual = false;
        }

        List<Fund> funds = ledger.reads().funds();
        Map<Long, long[]> replayed = ledger.reads().postedTotalsAsOf(funds.stream().map(Fund::id).toList(),
                Instant.now().plusSeconds(3_600));
        int accountsChecked = 0;
        int accountsMismatched = 0;
        for (Fund f : funds) {
            for (Account a : ledger.reads().accounts(f.id())) {
                long[] dc = replayed.getOrDefault(a.id(), new long[2]);
                accountsChecked++;
                if (dc[0] != a.balances().debitsPostedFen() || dc[1] != a.balances().creditsPostedFen()) {
                    accountsMismatched++;
                }
            }
        }

        long storedTransfers;
        long storedFen;
        long commits;
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(l.amount_fen), 0), count(DISTINCT t.recorded_at) "
                     + "FROM journal_transaction t JOIN journal_leg l ON l.transaction_id = t.id WHERE t.kind = 'TRANSFER'")) {
            rs.next();
            storedTransfers = rs.getLong(1);
            storedFen = rs.getLong(2);
            commits = rs.getLong(3);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count stored transfers: " + e.getMessage(), e);
        }

        return new ScenarioResult(s, seconds, inWindow, cpu, inWindow / seconds, latencies.percentileMs(50), latencies.percentileMs(99),
                acknowledged, acknowledgedFen, rejected, firstRejection, failed, firstFailure,
                commits == 0 ? 0 : (double) storedTransfers / commits, chain.ok(), chain.transactions(),
                workload.setUpTransactions() + acknowledged, verifySeconds, trialEqual, trialDebit, trialCredit,
                accountsChecked, accountsMismatched, storedTransfers, storedFen);
    }

    // --- output ------------------------------------------------------------------------------------------

    private static void printResult(ScenarioResult r) {
        System.out.printf(Locale.ROOT, "%s: %,.0f transfers/s, p50 %.2f ms, p99 %.2f ms, %.1f transfers per commit%n",
                r.scenario().name(), r.transfersPerSecond(), r.p50Ms(), r.p99Ms(), r.meanCommandsPerCommit());
        System.out.printf(Locale.ROOT, "  CPU per transfer: JVM %.0f µs (writer thread %.0f µs), PostgreSQL %.0f µs;"
                        + " machine %.0f%% busy, %.0f%% of it on other processes%n",
                r.cpuMicrosPerTransfer(r.cpu().jvmNanos()), r.cpuMicrosPerTransfer(r.cpu().writerNanos()),
                r.cpuMicrosPerTransfer(r.cpu().postgresNanos()), r.machinePercent(r.cpu().machineBusyNanos()),
                r.machinePercent(r.cpu().otherNanos()));
        System.out.printf(Locale.ROOT, "  acknowledged %,d (%s fen), stored %,d (%s fen); rejected %d%s; failed %d%s%n",
                r.acknowledged(), r.acknowledgedFen(), r.storedTransfers(), r.storedFen(), r.rejected(),
                r.firstRejection() == null ? "" : " (first: " + r.firstRejection() + ")", r.failed(),
                r.firstFailure() == null ? "" : " (first: " + r.firstFailure() + ")");
        System.out.printf(Locale.ROOT, "  chain %s over %,d transactions (expected %,d) in %.1f s; trial balance %s (Dr %s = Cr %s);"
                        + " %d/%d balance rows equal their legs -> %s%n",
                r.chainOk() ? "verified" : "BROKEN", r.chainTransactions(), r.expectedTransactions(), r.verifySeconds(),
                r.trialBalanceEqual() ? "equal" : "UNEQUAL", r.trialDebitFen(), r.trialCreditFen(),
                r.accountsChecked() - r.accountsMismatched(), r.accountsChecked(), r.correct() ? "CORRECT" : "FAILED");
    }

    private String markdown(List<ScenarioResult> results) {
        Double pgbench = options.has("pgbench-tps") ? Double.valueOf(options.get("pgbench-tps")) : null;
        StringBuilder md = new StringBuilder();
        md.append("| Scenario | Clients × transfers per request | Transfers/s | vs pgbench | p50 latency | p99 latency "
                + "| Transfers per commit |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            md.append(String.format(Locale.ROOT, "| `%s` | %d × %d | %,.0f | %s | %.2f ms | %.2f ms | %.1f |%n",
                    r.scenario().name(), r.scenario().clients(), r.scenario().transfersPerRequest(), r.transfersPerSecond(),
                    pgbench == null ? "–" : String.format(Locale.ROOT, "%.2f×", r.transfersPerSecond() / pgbench),
                    r.p50Ms(), r.p99Ms(), r.meanCommandsPerCommit()));
        }
        md.append("\nWhere the CPU went during the measured window, in microseconds per acknowledged transfer. This machine "
                + "runs the clients, the ledger and PostgreSQL; \"PostgreSQL\" counts the scenario database's backends and "
                + "the server's background processes; \"other processes\" is the machine's share spent on anything else "
                + "(a busy neighbour makes every figure of that row suspect):\n\n");
        md.append("| Scenario | Clients | JVM (clients + writer) | of which the writer thread | PostgreSQL | Machine busy "
                + "| Other processes |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            md.append(String.format(Locale.ROOT, "| `%s` | %d | %.0f µs | %.0f µs | %.0f µs | %.0f%% | %.0f%% |%n",
                    r.scenario().name(), r.scenario().clients(), r.cpuMicrosPerTransfer(r.cpu().jvmNanos()),
                    r.cpuMicrosPerTransfer(r.cpu().writerNanos()), r.cpuMicrosPerTransfer(r.cpu().postgresNanos()),
                    r.machinePercent(r.cpu().machineBusyNanos()), r.machinePercent(r.cpu().otherNanos())));
        }
        md.append("\nCorrectness, checked after each scenario on its own database:\n\n");
        md.append("| Scenario | Clients | Acknowledged = stored | Rejected / failed | Hash chain | Trial balance (Dr = Cr, fen) "
                + "| Balance rows = replay of legs | Verdict |\n");
        md.append("|---|---:|---|---:|---|---|---:|---|\n");
        for (ScenarioResult r : results) {
            md.append(String.format(Locale.ROOT, "| `%s` | %d | %,d = %,d (%s fen) | %d / %d | %s, %,d transactions%s | %s, %,d = %,d "
                            + "| %d / %d | %s |%n",
                    r.scenario().name(), r.scenario().clients(), r.acknowledged(), r.storedTransfers(),
                    r.storedFen() == r.acknowledgedFen() ? "equal" : "UNEQUAL", r.rejected(), r.failed(),
                    r.chainOk() ? "verified" : "**BROKEN**", r.chainTransactions(),
                    r.chainTransactions() == r.expectedTransactions() ? "" : " (**expected " + r.expectedTransactions() + "**)",
                    r.trialBalanceEqual() ? "equal" : "**UNEQUAL**", r.trialDebitFen(), r.trialCreditFen(),
                    r.accountsChecked() - r.accountsMismatched(), r.accountsChecked(), r.correct() ? "correct" : "**FAILED**"));
        }
        return md.toString();
    }
}
