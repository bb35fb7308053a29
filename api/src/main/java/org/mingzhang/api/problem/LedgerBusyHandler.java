package org.mingzhang.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.mingzhang.journal.LedgerBusyException;

/** The ledger's write queue is full: 503 with Retry-After, so that clients back off and try again. */
@Singleton
public final class LedgerBusyHandler implements ExceptionHandler<LedgerBusyException, HttpResponse<?>> {

    static final int RETRY_AFTER_SECONDS = 1;

    @Override
    public HttpResponse<?> handle(HttpRequest request, LedgerBusyException exception) {
        return Problems.unavailable(request, "ledger-busy", "Ledger busy", exception.getMessage(), RETRY_AFTER_SECONDS);
    }
}
