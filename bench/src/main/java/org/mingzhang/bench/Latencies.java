package org.mingzhang.bench;

import java.util.Arrays;

/**
 * Latencies in microseconds, appended by one client thread and merged after the run. A plain growable
 * array: at 25,000 transfers per second for a minute it holds a few million longs, well within memory,
 * and exact percentiles need no histogram tuning.
 */
final class Latencies {

    private long[] micros = new long[1 << 14];
    private int size;

    void add(long latencyMicros) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = latencyMicros;
    }

    int size() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies p : parts) {
            if (all.micros.length < all.size + p.size) {
                all.micros = Arrays.copyOf(all.micros, Math.max(all.micros.length * 2, all.size + p.size));
            }
            System.arraycopy(p.micros, 0, all.micros, all.size, p.size);
            all.size += p.size;
        }
        Arrays.sort(all.micros, 0, all.size);
        return all;
    }

    /** The nearest-rank percentile of a merged (sorted) set, in milliseconds; NaN when empty. */
    double percentileMs(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return micros[Math.min(size, Math.max(rank, 1)) - 1] / 1000.0;
    }
}
