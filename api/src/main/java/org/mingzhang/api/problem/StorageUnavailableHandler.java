package org.mingzhang.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.mingzhang.journal.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database cannot be reached (refused, lost, timed out): 503 with Retry-After. The service reconnects by itself;
 * the detail never carries the driver's message, which may name hosts.
 */
@Singleton
public final class StorageUnavailableHandler implements ExceptionHandler<StorageUnavailableException, HttpResponse<?>> {

    static final int RETRY_AFTER_SECONDS = 2;
    private static final String SLUG = "database-unavailable";
    private static final String TITLE = "Database unavailable";
    static final String DETAIL = "the database cannot be reached just now; nothing is known to be lost. Retry in a "
            + "moment, with the same Idempotency-Key for a write: if it was made, the retry returns the original answer";

    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, StorageUnavailableException exception) {
        log(request, exception);
        return Problems.unavailable(request, SLUG, TITLE, DETAIL, RETRY_AFTER_SECONDS);
    }

    static void log(HttpRequest<?> request, Throwable cause) {
        LOG.warn("503 for {} {}: {}", request.getMethodName(), request.getPath(), cause.getMessage());
    }

    /** The problem of a lost database, for answers built elsewhere (with {@link #RETRY_AFTER_SECONDS}). */
    static Problem problem() {
        return Problems.of(SLUG, TITLE, 503, DETAIL, null);
    }
}
