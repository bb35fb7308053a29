package org.mingzhang.api.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How often one client address may call the public API, and how often it may fail to authenticate, each a token bucket
 * (Bucket4j) refilled evenly over a minute; past it the answer is 429 with {@code Retry-After}. The limits are named in
 * configuration ({@code mingzhang.rate-limits.*}, application.yml). The address is the connection's: behind a proxy
 * every client shares the proxy's, so set the limits for the proxy there (a forwarded header is a client's claim, and
 * trusting it would let any client pick a fresh address per request).
 */
@Singleton
public final class RateLimits {

    /** Addresses remembered at most; an address idle for ten minutes is forgotten (its bucket would be full again). */
    private static final int ADDRESSES_MAX = 100_000;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final int publicPerMinute;
    private final int failedAuthPerMinute;
    private final Cache<String, Bucket> publicCalls;
    private final Cache<String, Bucket> failedAuths;

    public RateLimits(@Value("${mingzhang.rate-limits.public-per-minute:600}") int publicPerMinute,
                      @Value("${mingzhang.rate-limits.failed-auth-per-minute:20}") int failedAuthPerMinute) {
        if (publicPerMinute < 1 || failedAuthPerMinute < 1) {
            throw new IllegalArgumentException("mingzhang.rate-limits.* must be at least 1 per minute: " + publicPerMinute
                    + ", " + failedAuthPerMinute);
        }
        this.publicPerMinute = publicPerMinute;
        this.failedAuthPerMinute = failedAuthPerMinute;
        this.publicCalls = Caffeine.newBuilder().maximumSize(ADDRESSES_MAX).expireAfterAccess(IDLE).build();
        this.failedAuths = Caffeine.newBuilder().maximumSize(ADDRESSES_MAX).expireAfterAccess(IDLE).build();
    }

    /** Takes one public call for the request's client: 0 when it may go on, else the seconds to wait. */
    public long takePublicCall(HttpRequest<?> request) {
        ConsumptionProbe probe = bucket(publicCalls, client(request), publicPerMinute).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /** 0 when the request's client may try to authenticate, else the seconds until it may fail once more. */
    public long failedAuthWait(HttpRequest<?> request) {
        Bucket bucket = failedAuths.getIfPresent(client(request));
        if (bucket == null) {
            return 0;
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : seconds(estimate.getNanosToWaitForRefill());
    }

    /** Counts one failed authentication against the request's client. */
    public void failedAuth(HttpRequest<?> request) {
        bucket(failedAuths, client(request), failedAuthPerMinute).tryConsume(1);
    }

    public int publicPerMinute() {
        return publicPerMinute;
    }

    public int failedAuthPerMinute() {
        return failedAuthPerMinute;
    }

    /** The client's address, as the connection gives it. */
    public static String client(HttpRequest<?> request) {
        var address = request.getRemoteAddress();
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }

    private static Bucket bucket(Cache<String, Bucket> buckets, String client, int perMinute) {
        return buckets.get(client, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
