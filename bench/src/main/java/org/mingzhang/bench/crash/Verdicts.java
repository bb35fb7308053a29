package org.mingzhang.bench.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Judges every answer the load gets, as it gets it. Never acceptable: a 500 (or any 5xx but 503), a 503 without
 * Retry-After, a request left hanging past {@link Http#REQUEST_TIMEOUT}. A lost connection is acceptable only while
 * the service is being killed. Also counts answers by class and keeps the slowest, for the report.
 */
final class Verdicts {

    private static final int EXAMPLES_MAX = 20;

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
            case Http.Answer.HUNG -> "hung";
            case 503 -> "503";
            default -> a.status() / 100 + "xx";
        };
        byClass.computeIfAbsent(cls, k -> new AtomicLong()).incrementAndGet();
        slowestMs = Math.max(slowestMs, a.millis());
        if (a.status() == Http.Answer.HUNG) {
            violation(request + ": no answer within " + Http.REQUEST_TIMEOUT.toSeconds() + " s");
        } else if (a.status() == Http.Answer.NO_ANSWER && !serviceMayDie) {
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
