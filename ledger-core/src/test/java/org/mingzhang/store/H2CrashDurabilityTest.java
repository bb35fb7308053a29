package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mingzhang.journal.ChainVerification;

/**
 * A write acknowledged on the embedded default must be on disk before its acknowledgement. A child JVM
 * ({@link AckingWriter}) posts entries to an H2 file from four threads and prints each key once the ledger has
 * acknowledged it; this test reads those lines, kills the child with SIGKILL right after a random number of them,
 * reads whatever acknowledgements were already on their way, reopens the same file, and looks every acknowledged
 * key up. Then again on the same file, so that restarts on a history are covered too. A control run with H2's
 * own write delay shows that the harness does see a loss where there is one.
 */
class H2CrashDurabilityTest {

    private static final int CYCLES = 3;
    private static final long READY_WAIT_S = 60;

    @TempDir
    Path dir;

    @Nested
    @DisplayName("when the process is killed right after acknowledging")
    class Killed {

        @Test
        @DisplayName("then every acknowledged entry is in the reopened database, once, and the chain verifies")
        void everyAcknowledgedWriteSurvives() throws Exception {
            String url = "jdbc:h2:file:" + dir.resolve("mingzhang");
            Set<String> acknowledged = new HashSet<>();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                acknowledged.addAll(runAndKill(url, Database.H2Durability.SYNCED, "c" + cycle,
                        ThreadLocalRandom.current().nextInt(20, 300)));
                Stored stored = reopen(url);
                assertThat(stored.missing(acknowledged)).as("acknowledged but missing after kill -9 in cycle " + cycle).isEmpty();
                assertThat(stored.duplicates).as("keys stored twice").isEmpty();
                assertThat(stored.chainOk).as("hash chain after cycle " + cycle).isTrue();
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(CYCLES * 20);
        }

        @Test
        @DisplayName("then with H2's default write delay (the old setting) acknowledged entries are lost: the harness sees it")
        void theHarnessSeesALossWhereThereIsOne() throws Exception {
            String url = "jdbc:h2:file:" + dir.resolve("delayed");
            Set<String> acknowledged = new HashSet<>();
            int lost = 0;
            // Losing nothing at one kill is possible (a background write just before it); three in a row is not.
            for (int cycle = 0; cycle < CYCLES && lost == 0; cycle++) {
                acknowledged.addAll(runAndKill(url, Database.H2Durability.DELAYED, "d" + cycle, 200));
                // The chain is not verified here: with the write delay, H2 once reopened such a file holding a transaction
                // without its legs (2026-12-03; docs/reliability.md). Only what was kept is counted.
                lost = keysAfterReopen(url).missing(acknowledged).size();
            }
            assertThat(lost).as("acknowledged entries lost with WRITE_DELAY 500").isPositive();
        }
    }

    /** Starts the child, reads acknowledgements, kills it after {@code killAfter} of them; returns every key it acknowledged. */
    private List<String> runAndKill(String url, Database.H2Durability durability, String prefix, int killAfter)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AckingWriter.class.getName(), url, durability.name(), prefix)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child-" + prefix + ".log").toFile()));
        Process child = builder.start();
        List<String> acks = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_WAIT_S);
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                assertThat(System.nanoTime()).as("child ready in time").isLessThan(readyBy);
            }
            assertThat(line).as("child started; its log: " + childLog(prefix)).isEqualTo("READY");
            while (acks.size() < killAfter && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acks.add(line.substring(4));
                }
            }
            assertThat(child.isAlive()).as("child still posting when killed; its log: " + childLog(prefix)).isTrue();
            // SIGKILL through the process handle: no shutdown hook, no H2 close. (Process.destroyForcibly would also
            // close our end of the pipe, and with it the acknowledgements already on their way.)
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Acknowledgements printed before the kill are still in the pipe: they count as much as the others.
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acks.add(line.substring(4));
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        return acks;
    }

    private String childLog(String prefix) throws IOException {
        Path log = dir.resolve("child-" + prefix + ".log");
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }

    private record Stored(Set<String> keys, List<String> duplicates, boolean chainOk) {
        Set<String> missing(Set<String> acknowledged) {
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(keys);
            return missing;
        }
    }

    private static Stored reopen(String url) {
        return reopen(url, true);
    }

    private static Stored keysAfterReopen(String url) {
        return reopen(url, false);
    }

    private static Stored reopen(String url, boolean verifyChain) {
        try (Database database = Database.open(url, "sa", "", 2)) {
            List<String> keys = database.dsl().select(field("idempotency_key", String.class)).from(table("journal_transaction"))
                    .where(field("idempotency_key").isNotNull()).fetch(0, String.class);
            Set<String> unique = new HashSet<>();
            List<String> duplicates = keys.stream().filter(k -> !unique.add(k)).toList();
            boolean chainOk = verifyChain
                    && ChainVerification.verify(new JooqJournalStore(database, RecordRouter.on(database.dsl()))).ok();
            return new Stored(unique, duplicates, chainOk);
        }
    }
}
