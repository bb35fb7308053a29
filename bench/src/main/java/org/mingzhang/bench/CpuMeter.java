package org.mingzhang.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * CPU time spent during the measured window: by this JVM, by the ledger's writer thread, by the PostgreSQL
 * processes that serve this scenario (the backends connected to its database and the server's background
 * processes), and by the machine as a whole. On a 2-core machine that runs the clients, the writer and the
 * server, the figures per transfer say where the time goes, and what the machine spent on anything else says
 * whether the run was disturbed. The PostgreSQL and machine figures come from /proc: they are only meaningful
 * when the server runs on this machine, and read as zero elsewhere.
 */
final class CpuMeter {

    /** Clock ticks per second of /proc's utime and stime; 100 on every Linux in practice (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final String WRITER_THREAD = "mingzhang-ledger-writer";

    /** @param postgresTicksByPid the PostgreSQL processes counted, with their CPU ticks when read */
    record Reading(long jvmNanos, long writerNanos, Map<Integer, Long> postgresTicksByPid, long machineBusyNanos,
                   long machineTotalNanos) {

        /**
         * What was spent since {@code earlier}. A PostgreSQL process that appeared in between (an autovacuum
         * worker) counts whole; one that ended in between is lost, which a short window can afford.
         */
        Usage since(Reading earlier) {
            long postgresTicks = 0;
            for (Map.Entry<Integer, Long> e : postgresTicksByPid.entrySet()) {
                postgresTicks += e.getValue() - earlier.postgresTicksByPid.getOrDefault(e.getKey(), 0L);
            }
            return new Usage(jvmNanos - earlier.jvmNanos, writerNanos - earlier.writerNanos, postgresTicks * ticksToNanos(),
                    machineBusyNanos - earlier.machineBusyNanos, machineTotalNanos - earlier.machineTotalNanos);
        }
    }

    /** CPU nanoseconds spent over a window; {@code machineTotalNanos} is wall time times processors. */
    record Usage(long jvmNanos, long writerNanos, long postgresNanos, long machineBusyNanos, long machineTotalNanos) {

        /** What the machine spent on neither this JVM nor this scenario's PostgreSQL processes. */
        long otherNanos() {
            return Math.max(0, machineBusyNanos - jvmNanos - postgresNanos);
        }
    }

    private CpuMeter() {
    }

    /** @param scenarioDatabase the scenario's PostgreSQL database, or null on embedded H2 (the JVM does all the work) */
    static Reading read(DataSource scenarioDatabase) {
        long jvm = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long writer = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(WRITER_THREAD)) {
                writer = Math.max(0, threads.getThreadCpuTime(t.threadId()));
            }
        }
        Map<Integer, Long> postgres = new HashMap<>();
        for (int pid : scenarioDatabase == null ? List.<Integer>of() : postgresPids(scenarioDatabase)) {
            long ticks = processTicks(pid);
            if (ticks >= 0) {
                postgres.put(pid, ticks);
            }
        }
        long[] machine = machineTicks();
        return new Reading(jvm, writer, postgres, machine[0] * ticksToNanos(), machine[1] * ticksToNanos());
    }

    /** Backends of this database and the server's own processes; other databases' backends are someone else's load. */
    private static List<Integer> postgresPids(DataSource db) {
        List<Integer> pids = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR datname IS NULL")) {
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list PostgreSQL processes: " + e.getMessage(), e);
        }
        return pids;
    }

    private static long ticksToNanos() {
        return (long) (1e9 / TICKS_PER_SECOND);
    }

    /** utime + stime of a local process, or -1 when there is no such process here. */
    private static long processTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            // After "pid (comm) ": state is field 3; utime and stime are fields 14 and 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException notHere) {
            return -1;
        }
    }

    /** {busy, total} ticks over all processors from the first line of /proc/stat. */
    private static long[] machineTicks() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException noProc) {
            return new long[2];
        }
    }
}
