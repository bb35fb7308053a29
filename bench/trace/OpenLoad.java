import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: GET requests at a fixed rate, each sent at its scheduled moment whether or not the ones
 * before it were answered, and each one's latency measured from that scheduled moment to the end of its answer. A
 * stalled service therefore shows as the wait every request behind the stall had ("coordinated omission" corrected, as
 * wrk2 does; wrk sends its next request only after the last answer, and httperf holds a rate but spins a whole processor
 * to do it, which on a 2-processor machine takes one from the service). The HTTP client is the JDK's, keeping
 * connections alive and opening more when answers lag.
 *
 * <pre>java bench/trace/OpenLoad.java BASE_URL PATHS_FILE RATE SECONDS [WARMUP_SECONDS]</pre>
 *
 * Asks for the paths of PATHS_FILE (one a line) in turn, RATE a second for WARMUP_SECONDS unrecorded, then SECONDS
 * recorded. Prints one line: {@code offered answered_per_s p50 p90 p99 p99.9 max not_200 errors requests} (times in ms,
 * exact percentiles over every request) and, when a request failed, the first failure on a second line.
 */
public final class OpenLoad {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java OpenLoad.java BASE_URL PATHS_FILE RATE SECONDS [WARMUP_SECONDS]");
            System.exit(2);
        }
        String base = args[0];
        List<URI> uris = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).map(p -> URI.create(base + p)).toList();
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        if (warmup > 0) {
            run(client, uris, rate, warmup, 0);
        }
        Result r = run(client, uris, rate, seconds, rate * warmup);
        long[] sorted = r.latencies().clone();
        Arrays.sort(sorted);
        System.out.printf("%d %.0f %s %s %s %s %s %d %d %d%n", rate, r.answeredPerSecond(), ms(quantile(sorted, 0.5)),
                ms(quantile(sorted, 0.9)), ms(quantile(sorted, 0.99)), ms(quantile(sorted, 0.999)), ms(sorted[sorted.length - 1]),
                r.not200(), r.errors(), sorted.length);
        if (r.firstFailure() != null) {
            System.out.println("first failure: " + r.firstFailure());
        }
        System.exit(0);
    }

    record Result(long[] latencies, double answeredPerSecond, int not200, int errors, String firstFailure) {
    }

    private static Result run(HttpClient client, List<URI> uris, int rate, int seconds, int offset) throws InterruptedException {
        int n = rate * seconds;
        long[] latencies = new long[n];
        int[] statuses = new int[n];
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(n);
        long start = System.nanoTime();
        long[] last = new long[1];
        for (int i = 0; i < n; i++) {
            long intended = start + (long) (i * (1e9 / rate));
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int k = i;
            HttpRequest request = HttpRequest.newBuilder(uris.get((offset + i) % uris.size())).timeout(Duration.ofSeconds(10)).GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                latencies[k] = now - intended;
                synchronized (last) {
                    last[0] = Math.max(last[0], now);
                }
                if (failure != null) {
                    statuses[k] = -1;
                    firstFailure.compareAndSet(null, request.uri() + ": " + failure);
                } else {
                    statuses[k] = response.statusCode();
                    if (response.statusCode() != 200) {
                        firstFailure.compareAndSet(null, request.uri() + ": " + response.statusCode() + " "
                                + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                done.countDown();
            });
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("answers still missing 60 s after the last request was sent");
        }
        int not200 = 0;
        int errors = 0;
        for (int s : statuses) {
            if (s < 0) {
                errors++;
            } else if (s != 200) {
                not200++;
            }
        }
        double elapsed;
        synchronized (last) {
            elapsed = (last[0] - start) / 1e9;
        }
        return new Result(latencies, n / elapsed, not200, errors, firstFailure.get());
    }

    private static long quantile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }
}
