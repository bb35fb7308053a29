package org.mingzhang.bench.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Judges every answer the load gets, as it gets it. Never acceptable: a 500 (or any 5xx but 503), a 503 without
 * Retry-After, an answer later than the service's named timeouts allow ({@link #ANSWER_MS_MAX}) or none at all
 * within {@link Http#REQUEST_TIMEOUT}. A lost connection is acceptable only while
 * the service is being killed. Also counts answers by class and keeps the slowest, for the report.
 */
final class Verdicts {

    private static final int EXAMPLES_MAX = 20;
    /**
     * The slowest answer the service's named timeouts allow, with a second to spare: a wait for a pooled connection
     * ({@code Database.CONNECTION_TIMEOUT_MS}, 5 s) and then a statement on a server that stopped answering
     * ({@code Database.PG_SOCKET_TIMEOUT_S}, 30 s). A write waits for the writer at most 10 s.
     */
    static final long ANSWER_MS_MAX = 36_000;

    /** Another judge that sees every answer this one sees (the run's, for a fault's own), or null. */
    private final Verdicts also;
    private final Map<String, AtomicLong> byClass = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private volatile boolean serviceMayDie;
    private long slowestMs;
    private long violationCount;

    Verdicts() {
        this(null);
    }

    Verdicts(Verdicts also) {
        this.also = also;
    }

    void serviceMayDie(boolean mayDie) {
        this.serviceMayDie = mayDie;
    }

    void judge(String request, Http.Answer a) {
        if (also != null) {
            also.judge(request, a);
        }
        judgeHere(request, a);
    }

    private synchronized void judgeHere(String request, Http.Answer a) {
        String cls = switch (a.status()) {
            case Http.Answer.NO_ANSWER -> "no answer";
            case Http.Answer.REFUSED_CONNECTION -> "refused connection";
            case Http.Answer.HUNG -> "hung";
            case 503 -> "503";
            default -> a.status() / 100 + "xx";
        };
        byClass.computeIfAbsent(cls, k -> new AtomicLong()).incrementAndGet();
        slowestMs = Math.max(slowestMs, a.millis());
        if (a.status() == Http.Answer.HUNG) {
            violation(request + ": no answer within " + Http.REQUEST_TIMEOUT.toSeconds() + " s");
        } else if (a.millis() > ANSWER_MS_MAX) {
            violation(request + ": answered " + a.status() + " after " + a.millis() + " ms, past the service's named timeouts");
        } else if ((a.status() == Http.Answer.NO_ANSWER || a.status() == Http.Answer.REFUSED_CONNECTION) && !serviceMayDie) {
            violation(request + ": connection lost while the service was up: " + a.error());
        } else if (a.status() == 503 && (a.retryAfter() == null || a.retryAfter().isBlank())) {
            violation(request + ": 503 without Retry-After: " + a.body());
        } else if (a.status() >= 500 && a.status() != 503) {
            violation(request + ": " + a.status() + " " + a.body());
        }
    }

    private void violation(String what) {
        violationCount++;
        if (violations.size() < EXAMPLES_MAX) {
            violations.add(what);
        }
    }

    synchronized long count(String cls) {
        AtomicLong n = byClass.get(cls);
        return n == null ? 0 : n.get();
    }

    synchronized long total() {
        return byClass.values().stream().mapToLong(AtomicLong::get).sum();
    }

    synchronized long violationCount() {
        return violationCount;
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized long slowestMs() {
        return slowestMs;
    }

    synchronized String summary() {
        return byClass.toString();
    }
}
