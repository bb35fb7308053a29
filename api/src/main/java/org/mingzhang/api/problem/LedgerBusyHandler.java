package org.mingzhang.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.mingzhang.journal.LedgerBusyException;

/** The ledger's write queue is full: 503 with Retry-After, so that clients back off and try again. */
@Singleton
public final class LedgerBusyHandler implements ExceptionHandler<LedgerBusyException, HttpResponse<?>> {

    static final String RETRY_AFTER_SECONDS = "1";

    @Override
    public HttpResponse<?> handle(HttpRequest request, LedgerBusyException exception) {
        Problem problem = Problems.of("ledger-busy", "Ledger busy", 503, exception.getMessage(), null);
        return Problems.response(request, problem).header("Retry-After", RETRY_AFTER_SECONDS);
    }
}
