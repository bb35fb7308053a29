package org.mingzhang.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.mingzhang.journal.LedgerTimeoutException;

/**
 * The ledger did not answer in time (a database that stalls, a writer far behind): 503 with Retry-After, never a
 * request that hangs. The detail says to retry with the same Idempotency-Key, which replays the write if it was made.
 */
@Singleton
public final class LedgerTimeoutHandler implements ExceptionHandler<LedgerTimeoutException, HttpResponse<?>> {

    static final int RETRY_AFTER_SECONDS = 2;

    @Override
    public HttpResponse<?> handle(HttpRequest request, LedgerTimeoutException exception) {
        return Problems.unavailable(request, "ledger-timeout", "Ledger did not answer in time", exception.getMessage(),
                RETRY_AFTER_SECONDS);
    }
}
