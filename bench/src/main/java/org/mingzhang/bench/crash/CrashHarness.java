package org.mingzhang.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import org.mingzhang.bench.Options;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Kills the runnable jar with SIGKILL at random moments while clients write to it, restarts it on the same data,
 * and audits after every restart that no acknowledged write was lost ({@link Audit}). On PostgreSQL it then does
 * faults to the database under load (restart, pause, refused connections) and checks that the service answers
 * 503 with Retry-After meanwhile, never a 500 and never a hang, recovers by itself, and loses nothing.
 *
 * <p>Not a test: {@code bench/crash/run-crash-harness.sh} runs it on H2 and on PostgreSQL and writes the figures
 * into docs/reliability.md. Exits 0 only when every audit and every answer passed.
 */
public final class CrashHarness {

    private static final String USAGE = """
            usage: java -cp bench/target/mingzhang-bench.jar org.mingzhang.bench.crash.CrashHarness [options]
              --database h2|postgresql   which database the service runs on (required)
              --jar PATH                 the runnable jar (default api/target/mingzhang.jar)
              --work DIR                 where data, logs and the private PostgreSQL live (default target/crash)
              --cycles N                 kill -9 and restart cycles (default 50)
              --clients N                concurrent clients (default 6)
              --kill-after-ms A,B        a kill comes A to B ms after the load started (default 300,3000)
              --startup-kill-every N     every Nth cycle also kills the service while it starts (default 8; 0: never)
              --faults N                 PostgreSQL only: each fault (restart, pause, refuse) N times (default 3)
              --pause-s N                how long a paused server stays paused (default 12: past the 10 s answer timeout)
              --refuse-s N               how long a stopped server refuses connections (default 8)
              --long-pause-s N           once, a pause past every timeout of the service (default 40; 0: none)
              --port N                   the service's port (default 18080)
              --pg-port N                the private PostgreSQL's port (default 55432)
              --pg-bin DIR               the PostgreSQL server binaries (default: the newest under /usr/lib/postgresql)
              --markdown FILE            also write the results as a Markdown fragment
            """;

    private final Options options;
    /** Starts refused because PostgreSQL still held the killed instance's writer lock, then retried. */
    private int startRetries;

    private CrashHarness(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, USAGE);
        if (!options.has("database")) {
            System.err.print(USAGE);
            System.exit(2);
        }
        boolean passed = new CrashHarness(options).run();
        System.out.println(passed ? "CRASH HARNESS PASSED" : "CRASH HARNESS FAILED");
        System.exit(passed ? 0 : 1);
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, "[%s] ", Instant.now().toString().substring(11, 19)) + String.format(Locale.ROOT, format, args);
        System.out.println(line);
    }

    // --- the run ------------------------------------------------------------------------------------------------

    /** One kill cycle's figures. */
    private record Cycle(int number, long acknowledged, long unknown, int kills, long restartMs, Audit.Result audit) {
    }

    /** One database fault's figures. */
    private record Fault(String kind, int number, long heldMs, long answers, long answered503, long answered5xx,
                         long slowestMs, long recoveredMs, Audit.Result audit) {
    }

    private boolean run() throws Exception {
        String database = options.get("database", "h2");
        if (!database.equals("h2") && !database.equals("postgresql")) {
            throw new IllegalArgumentException("--database is h2 or postgresql, not " + database);
        }
        Path work = Path.of(options.get("work", "target/crash")).toAbsolutePath().resolve(database + "-" + System.currentTimeMillis());
        Files.createDirectories(work);
        Path jar = Path.of(options.get("jar", "api/target/mingzhang.jar")).toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        int port = options.getInt("port", 18080);
        String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));

        Map<String, String> env = new LinkedHashMap<>();
        env.put("MINGZHANG_DATA_DIR", work.resolve("data").toString());
        env.put("MINGZHANG_ADMIN_TOKEN", adminToken);
        PrivatePostgres pg = null;
        String databaseDescription;
        if (database.equals("postgresql")) {
            say("creating a private PostgreSQL in %s on port %s", work.resolve("pg"), options.get("pg-port", "55432"));
            pg = PrivatePostgres.create(work.resolve("pg"), options.getInt("pg-port", 55432), options.get("pg-bin"));
            pg.createDatabase("mingzhang");
            env.put("MINGZHANG_DB_URL", pg.jdbcUrl("mingzhang"));
            env.put("MINGZHANG_DB_USER", "postgres");
            databaseDescription = pg.version() + " (private cluster: fsync on, synchronous_commit on)";
        } else {
            databaseDescription = "H2 (embedded, the default: a file in MINGZHANG_DATA_DIR)";
        }
        ServiceProcess service = new ServiceProcess(java, jar, env, work.resolve("service.log"), port);
        Http http = new Http(service.baseUrl());
        World world = new World(database.equals("h2") ? "h" : "p");
        Verdicts verdicts = new Verdicts();
        Audit audit = new Audit(http, world);
        List<Cycle> cycles = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        long started = System.nanoTime();
        boolean passed;
        try {
            long firstStartMs = service.start(http);
            say("service up on %s in %d ms; log %s", databaseDescription, firstStartMs, work.resolve("service.log"));
            setUp(http, world, adminToken);
            Audit.Result baseline = audit.run();
            say("set up: %d funds' worth of projects, %d transactions; audit %s", World.COMMUNITY_FUNDS.size(), baseline.transactions(),
                    baseline.ok() ? "clean" : baseline.problems());

            int cyclesWanted = options.getInt("cycles", 50);
            for (int i = 1; i <= cyclesWanted; i++) {
                cycles.add(killCycle(i, service, http, world, verdicts, audit));
            }
            if (pg != null) {
                int each = options.getInt("faults", 3);
                for (int i = 1; i <= each; i++) {
                    for (String kind : List.of("restart", "pause", "refuse")) {
                        faults.add(fault(kind, i, pg, http, world, verdicts, audit));
                    }
                }
                if (options.getInt("long-pause-s", 40) > 0) {
                    faults.add(fault("long-pause", 1, pg, http, world, verdicts, audit));
                }
            }
            service.kill();
            passed = cycles.stream().allMatch(c -> c.audit().ok()) && faults.stream().allMatch(f -> f.audit().ok()
                    && f.recoveredMs() >= 0) && verdicts.violationCount() == 0 && baseline.ok();
        } finally {
            service.kill();
            if (pg != null) {
                pg.close();
            }
        }
        String markdown = markdown(database, databaseDescription, world, cycles, faults, verdicts, passed,
                (System.nanoTime() - started) / 1_000_000_000);
        System.out.println();
        System.out.print(markdown);
        if (options.has("markdown")) {
            Files.writeString(Path.of(options.get("markdown")), markdown, StandardCharsets.UTF_8);
        }
        return passed;
    }

    // --- set-up -----------------------------------------------------------------------------------------------

    private void setUp(Http http, World world, String admin) {
        world.accountant = must(http.post("/api/v1/users", admin, null, "{\"name\":\"王会计\",\"roles\":[\"ACCOUNTANT\"]}"))
                .path("token").asText();
        world.committee = must(http.post("/api/v1/users", admin, null, "{\"name\":\"李委员\",\"roles\":[\"COMMITTEE\"]}"))
                .path("token").asText();
        String acc = world.accountant;
        must(http.post("/api/v1/funds", acc, world.next("fund"), "{\"code\":\"" + World.SEED_FUND + "\",\"name\":\"种子基金\",\"level\":\"SEED\"}"));
        must(http.post("/api/v1/funds", acc, world.next("fund"), "{\"code\":\"CITY\",\"name\":\"市级基金\",\"level\":\"CITY\"}"));
        must(http.post("/api/v1/funds", acc, world.next("fund"), "{\"code\":\"JD\",\"name\":\"街道基金\",\"level\":\"STREET\",\"parentCode\":\"CITY\"}"));
        for (String f : World.COMMUNITY_FUNDS) {
            must(http.post("/api/v1/funds", acc, world.next("fund"), "{\"code\":\"" + f + "\",\"name\":\"社区基金 " + f
                    + "\",\"level\":\"COMMUNITY\",\"parentCode\":\"JD\"}"));
        }
        must(http.post("/api/v1/ledger/transactions", acc, world.next("seed"), "{\"fundCode\":\"" + World.SEED_FUND
                + "\",\"memo\":\"种子资金\",\"postings\":[{\"accountCode\":\"1002\",\"debit\":\"100000000.00\"},"
                + "{\"accountCode\":\"410101\",\"credit\":\"100000000.00\"}]}"));
        must(http.post("/api/v1/matching-pools", acc, world.next("pool"), World.poolBody(World.MATCHING_POOL, 100_000_000L, "AT_PROJECT_CLOSE")));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (String f : World.COMMUNITY_FUNDS) {
            for (int i = 1; i <= 4; i++) {
                boolean raising = i <= 2;
                String code = f + "-" + (raising ? "R" : "S") + i;
                must(http.post("/api/v1/projects", acc, null, World.projectBody(code, f, raising && i == 1 ? World.MATCHING_POOL : null)));
                must(http.post("/api/v1/projects/" + code + "/submit", acc, null, "{}"));
                must(http.post("/api/v1/projects/" + code + "/approve", world.committee, null, "{\"reason\":\"同意\"}"));
                if (raising) {
                    world.raisingProjects.add(code);
                } else {
                    String mark = world.next("gift");
                    Write gift = world.record(new Write(Write.Kind.GIFT, "POST", "/api/v1/donations", acc, mark,
                            world.giftBody(f, code, World.SPENDING_PROJECT_GIFT_FEN, mark, random), mark, code, 0, null));
                    gift.answered(http.post(gift.path, acc, gift.key, gift.body));
                    must(gift.acknowledgement == null ? gift.firstAnswer : gift.acknowledgement);
                    must(http.post("/api/v1/projects/" + code + "/close-fundraising", acc, null, "{}"));
                    world.spendingProjects.add(code);
                }
            }
        }
    }

    private static JsonNode must(Http.Answer a) {
        if (!a.ok()) {
            throw new IllegalStateException("set-up request refused: " + a);
        }
        return a.body();
    }

    // --- kill -9 cycles ---------------------------------------------------------------------------------------

    private Cycle killCycle(int number, ServiceProcess service, Http http, World world, Verdicts verdicts, Audit audit)
            throws Exception {
        world.cycle = number;
        world.poolsThisCycle.set(0);
        String[] window = options.get("kill-after-ms", "300,3000").split(",");
        long killAfterMs = ThreadLocalRandom.current().nextLong(Long.parseLong(window[0].trim()), Long.parseLong(window[1].trim()) + 1);
        Load load = new Load(http, world, verdicts, options.getInt("clients", 6));
        long unknownBefore = unknown(world);
        verdicts.serviceMayDie(true);
        load.start();
        Thread.sleep(killAfterMs);
        service.kill();
        load.stop();
        int kills = 1;
        long unknown = unknown(world) - unknownBefore;
        int startupKillEvery = options.getInt("startup-kill-every", 8);
        if (startupKillEvery > 0 && number % startupKillEvery == 0) {
            // A crash while the service starts: migrations checked, state loaded, writer claimed.
            service.launch();
            Thread.sleep(ThreadLocalRandom.current().nextLong(100, 2_500));
            service.kill();
            kills++;
        }
        long restartMs = startWithRetries(service, http);
        verdicts.serviceMayDie(false);
        Audit.Result result = audit.run();
        say("cycle %2d: killed after %4d ms (%d kill%s); %5d acknowledged, %3d answers lost; restarted in %5d ms; %s",
                number, killAfterMs, kills, kills == 1 ? "" : "s", load.acknowledged.get(), unknown, restartMs,
                describe(result));
        return new Cycle(number, load.acknowledged.get(), unknown, kills, restartMs, result);
    }

    /**
     * Starts the service, trying again while PostgreSQL still holds the killed service's writer lock (its session ends
     * once the server notices the dead connection), as a supervisor that restarts a failed service would.
     */
    private long startWithRetries(ServiceProcess service, Http http) throws Exception {
        long begin = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                service.start(http);
                return (System.nanoTime() - begin) / 1_000_000;
            } catch (IllegalStateException e) {
                if (attempt >= 10 || !e.getMessage().contains("another Mingzhang writer")) {
                    throw e;
                }
                startRetries++;
                Thread.sleep(500);
            }
        }
    }

    private static long unknown(World world) {
        return world.writes.stream().filter(w -> w.state == Write.State.UNKNOWN).count();
    }

    private static String describe(Audit.Result r) {
        return r.ok() ? String.format(Locale.ROOT, "audit clean (%d resolved, %d replayed, %d gifts, %d transactions)",
                r.resolved(), r.replayed(), r.donations(), r.transactions()) : "AUDIT FAILED: " + r.problems();
    }

    // --- database faults --------------------------------------------------------------------------------------

    private Fault fault(String kind, int number, PrivatePostgres pg, Http http, World world, Verdicts verdicts, Audit audit)
            throws Exception {
        world.cycle++;
        world.poolsThisCycle.set(0);
        Verdicts during = new Verdicts(verdicts);
        Load load = new Load(http, world, during, options.getInt("clients", 6));
        verdicts.serviceMayDie(false);
        during.serviceMayDie(false);
        load.start();
        Thread.sleep(1_500);
        long begin = System.nanoTime();
        switch (kind) {
            case "restart" -> pg.restart();
            case "pause", "long-pause" -> {
                pg.pause();
                Thread.sleep(TimeUnit.SECONDS.toMillis(kind.equals("pause") ? options.getInt("pause-s", 12) : options.getInt("long-pause-s", 40)));
                pg.resume();
            }
            case "refuse" -> {
                pg.stop();
                Thread.sleep(TimeUnit.SECONDS.toMillis(options.getInt("refuse-s", 8)));
                pg.start();
            }
            default -> throw new IllegalArgumentException(kind);
        }
        long back = System.nanoTime();
        long recoveredMs = -1;
        long deadline = back + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && recoveredMs < 0) {
            long lastAck = load.acknowledgedAtNanos.stream().mapToLong(Long::longValue).max().orElse(0);
            if (lastAck > back) {
                recoveredMs = (lastAck - back) / 1_000_000;
            } else {
                Thread.sleep(20);
            }
        }
        Thread.sleep(2_000);
        load.stop();
        Audit.Result result = audit.run();
        Fault f = new Fault(kind, number, (back - begin) / 1_000_000, during.total(), during.count("503"),
                during.count("5xx"), during.slowestMs(), recoveredMs, result);
        say("fault %-10s #%d: held %5d ms; %5d answers, %4d of them 503, %d other 5xx, slowest %5d ms; writes acknowledged again "
                        + "%s after the database was back; %s", kind, number, f.heldMs(), f.answers(), f.answered503(),
                f.answered5xx(), f.slowestMs(), recoveredMs < 0 ? "NEVER (60 s)" : recoveredMs + " ms", describe(result));
        return f;
    }

    // --- the report ---------------------------------------------------------------------------------------------

    private String markdown(String database, String description, World world, List<Cycle> cycles, List<Fault> faults,
                            Verdicts verdicts, boolean passed, long seconds) {
        long acknowledged = world.writes.stream().filter(w -> w.state == Write.State.ACKNOWLEDGED).count();
        long byReplay = world.writes.stream().filter(w -> w.state == Write.State.ACKNOWLEDGED && w.resolvedByReplay).count();
        long refused = world.writes.stream().filter(w -> w.state == Write.State.REFUSED).count();
        long absent = world.writes.stream().filter(w -> w.state == Write.State.ABSENT).count();
        int kills = cycles.stream().mapToInt(Cycle::kills).sum();
        long lostAnswers = cycles.stream().mapToLong(Cycle::unknown).sum();
        long failedAudits = cycles.stream().filter(c -> !c.audit().ok()).count() + faults.stream().filter(f -> !f.audit().ok()).count();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### %s%n%n", description));
        md.append(String.format(Locale.ROOT, "- Verdict: **%s** (took %d s)%n", passed ? "passed" : "FAILED", seconds));
        md.append(String.format(Locale.ROOT, "- Kill cycles: %d, with %d SIGKILLs (%d of them while the service was starting)%n",
                cycles.size(), kills, kills - cycles.size()));
        md.append(String.format(Locale.ROOT, "- Writes sent: %,d; acknowledged: %,d (of which %,d only when sent again after "
                        + "their answer was lost); refused with 4xx: %,d; never made (never reached the killed service, or "
                        + "found not made and not sent again): %,d%s%n",
                world.writes.size(), acknowledged, byReplay, refused, absent,
                failedAudits == 0 ? "; the audits found nothing of these written" : ""));
        md.append(String.format(Locale.ROOT, "- Answers lost to a kill (resolved by the audit that followed): %,d%n", lostAnswers));
        long lost = cycles.stream().mapToLong(c -> c.audit().lost()).sum() + faults.stream().mapToLong(f -> f.audit().lost()).sum();
        md.append(String.format(Locale.ROOT, "- **Acknowledged writes lost: %d**; audits with any finding: %d of %d%n",
                lost, failedAudits, cycles.size() + faults.size() + 1));
        md.append(String.format(Locale.ROOT, "- Answers judged: %,d %s; never acceptable (500, 503 without Retry-After, an answer "
                + "later than %d s, a dropped connection while the service was up): %d%n", verdicts.total(), verdicts.summary(),
                Verdicts.ANSWER_MS_MAX / 1000, verdicts.violationCount()));
        verdicts.violations().forEach(v -> md.append("  - ").append(v).append('\n'));
        long restartMax = cycles.stream().mapToLong(Cycle::restartMs).max().orElse(0);
        double restartMean = cycles.stream().mapToLong(Cycle::restartMs).average().orElse(0);
        md.append(String.format(Locale.ROOT, "- Restart to serving: mean %.1f s, slowest %.1f s (starts refused while the killed "
                        + "instance's writer lock was still held, then retried: %d); the last audit saw %,d gifts and "
                        + "%,d journal transactions%n", restartMean / 1000, restartMax / 1000.0, startRetries,
                cycles.isEmpty() ? 0 : cycles.get(cycles.size() - 1).audit().donations(),
                cycles.isEmpty() ? 0 : cycles.get(cycles.size() - 1).audit().transactions()));
        if (!faults.isEmpty()) {
            long recovered = faults.stream().filter(f -> f.recoveredMs() >= 0).count();
            md.append(String.format(Locale.ROOT, "- Database faults injected under load: %d; recovered by itself (writes acknowledged "
                            + "again without a restart of the service): %d, the slowest %.1f s after the database was back%n",
                    faults.size(), recovered, faults.stream().mapToLong(Fault::recoveredMs).max().orElse(0) / 1000.0));
            md.append("\nDatabase faults under load (the service stays up; the audit runs after each):\n\n");
            md.append("| fault | # | held | answers meanwhile | of them 503 | other 5xx | slowest answer | writes acknowledged again after | audit |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (Fault f : faults) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.1f s | %,d | %,d | %d | %.1f s | %s | %s |%n", f.kind(), f.number(),
                        f.heldMs() / 1000.0, f.answers(), f.answered503(), f.answered5xx(), f.slowestMs() / 1000.0,
                        f.recoveredMs() < 0 ? "**never**" : String.format(Locale.ROOT, "%.2f s", f.recoveredMs() / 1000.0),
                        f.audit().ok() ? "clean" : "**" + f.audit().problems().size() + " findings**"));
            }
        }
        List<String> findings = new ArrayList<>();
        cycles.forEach(c -> c.audit().problems().forEach(p -> findings.add("cycle " + c.number() + ": " + p)));
        faults.forEach(f -> f.audit().problems().forEach(p -> findings.add(f.kind() + " #" + f.number() + ": " + p)));
        if (!findings.isEmpty()) {
            md.append("\nFindings:\n\n");
            findings.stream().limit(40).forEach(p -> md.append("- ").append(p).append('\n'));
        }
        return md.toString();
    }
}
