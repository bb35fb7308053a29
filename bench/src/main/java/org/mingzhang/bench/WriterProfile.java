package org.mingzhang.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the ledger's writer thread spends its time, read from a Java Flight Recording of a bench run
 * ({@code bench/profile-writer.sh} makes one): the time it waits for PostgreSQL, per step of the write
 * path (socket reads, attributed by stack), and its own CPU, per step and per library (execution
 * samples). Divided by the transfers written, it says which step to make cheaper.
 *
 * <pre>java -cp bench/target/mingzhang-bench.jar org.mingzhang.bench.WriterProfile recording.jfr TRANSFERS COMMITS</pre>
 */
public final class WriterProfile {

    private static final String WRITER_THREAD = "mingzhang-ledger-writer";
    private static final String STORE = "org.mingzhang.store.JooqJournalStore";

    private WriterProfile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: WriterProfile RECORDING.jfr TRANSFERS COMMITS");
            System.exit(2);
        }
        long transfers = Long.parseLong(args[1]);
        long commits = Long.parseLong(args[2]);
        Map<String, long[]> waits = new TreeMap<>();
        Map<String, Long> samples = new TreeMap<>();
        long sampleCount = 0;
        long firstNanos = Long.MAX_VALUE;
        long lastNanos = Long.MIN_VALUE;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            RecordedThread thread = type.equals("jdk.ExecutionSample") ? e.getThread("sampledThread") : e.getThread();
            if (thread == null || !WRITER_THREAD.equals(thread.getJavaName()) || e.getStackTrace() == null) {
                continue;
            }
            firstNanos = Math.min(firstNanos, e.getStartTime().getEpochSecond() * 1_000_000_000L + e.getStartTime().getNano());
            lastNanos = Math.max(lastNanos, e.getEndTime().getEpochSecond() * 1_000_000_000L + e.getEndTime().getNano());
            if (type.equals("jdk.SocketRead") || type.equals("jdk.SocketWrite")) {
                long[] w = waits.computeIfAbsent(step(e.getStackTrace()) + (type.equals("jdk.SocketRead") ? "" : " (send)"),
                        k -> new long[2]);
                w[0] += e.getDuration().toNanos();
                w[1]++;
            } else if (type.equals("jdk.ExecutionSample")) {
                samples.merge(step(e.getStackTrace()) + " / " + library(e.getStackTrace()), 1L, Long::sum);
                sampleCount++;
            }
        }
        double span = (lastNanos - firstNanos) / 1e9;
        System.out.printf(Locale.ROOT, "writer thread over %.1f s: %,d transfers in %,d commits (%.1f per commit)%n%n",
                span, transfers, commits, (double) transfers / commits);
        System.out.println("Waiting for PostgreSQL (socket I/O), by step:");
        System.out.println("  step                                    total s   per commit ms   per transfer µs   events");
        long waitTotal = 0;
        for (Map.Entry<String, long[]> w : sortedByFirst(waits)) {
            waitTotal += w.getValue()[0];
            System.out.printf(Locale.ROOT, "  %-38s %8.2f %15.2f %17.1f %8d%n", w.getKey(), w.getValue()[0] / 1e9,
                    w.getValue()[0] / 1e6 / commits, w.getValue()[0] / 1e3 / transfers, w.getValue()[1]);
        }
        System.out.printf(Locale.ROOT, "  %-38s %8.2f %15.2f %17.1f%n", "all waits", waitTotal / 1e9, waitTotal / 1e6 / commits,
                waitTotal / 1e3 / transfers);
        System.out.printf(Locale.ROOT, "%nOn CPU (%,d execution samples), by step / library of the innermost frame:%n", sampleCount);
        long sampled = sampleCount;
        samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .forEach(s -> System.out.printf(Locale.ROOT, "  %-60s %5.1f%%%n", s.getKey(), 100.0 * s.getValue() / sampled));
    }

    /** The step of the write path a stack is in: the store method, the commit, or the decider. */
    private static String step(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack.getFrames();
        boolean committing = false;
        for (RecordedFrame f : frames) {
            if (f.getMethod() == null) {
                continue;
            }
            String type = f.getMethod().getType().getName();
            String method = f.getMethod().getName();
            if (method.equals("commit") && type.startsWith("org.postgresql")) {
                committing = true;
            }
            if (type.equals(STORE) && !method.startsWith("lambda$") && !method.equals("inWriteTransaction")) {
                if (committing) {
                    return method.equals("commit") ? "COMMIT of the batch" : "COMMIT of " + method;
                }
                return method.equals("withLegs") ? "prefetch (legs of found transactions)" : method;
            }
            if (type.startsWith("org.mingzhang.journal.")) {
                String simple = type.substring("org.mingzhang.journal.".length());
                if (simple.startsWith("ChainHash") || simple.startsWith("Canonical")) {
                    return "hashing (ChainHash, requestHash)";
                }
                if (simple.startsWith("LedgerStateMachine") || simple.startsWith("PostEntry") || simple.startsWith("Transaction")) {
                    return "deciding (LedgerStateMachine)";
                }
                if (simple.startsWith("LedgerWriter")) {
                    return "LedgerWriter." + method;
                }
            }
        }
        return "other";
    }

    private static String library(RecordedStackTrace stack) {
        for (RecordedFrame f : stack.getFrames()) {
            if (f.getMethod() == null) {
                continue;
            }
            String type = f.getMethod().getType().getName();
            if (type.startsWith("org.jooq")) {
                return "jOOQ";
            }
            if (type.startsWith("org.postgresql")) {
                return "pgjdbc";
            }
            if (type.startsWith("org.mingzhang")) {
                return "Mingzhang";
            }
            if (type.startsWith("sun.security") || type.startsWith("java.security")) {
                return "SHA-256";
            }
        }
        return "JDK";
    }

    private static List<Map.Entry<String, long[]>> sortedByFirst(Map<String, long[]> map) {
        return map.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).toList();
    }
}
