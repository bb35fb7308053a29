package org.mingzhang.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;
import org.mingzhang.store.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Micronaut's default error body ({@code {"_links": ...}}) for every error the framework
 * answers by itself: unknown route, wrong method, unsupported media type, body too large, and any
 * exception nobody handled. Client errors keep the framework's message; server errors never show
 * one, because it was written for developers and may name classes or data.
 */
@Singleton
public final class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpRequest<?> request = context.getRequest();
        int status = base.code();
        Problem problem;
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ProblemException p) {
            problem = p.problem();
        } else if (status < 500 && JsonProblems.find(cause) != null) {
            problem = JsonProblems.of(JsonProblems.find(cause)).problem();
        } else if (status >= 500 && cause != null && StorageFailures.isUnavailable(cause)) {
            // A lost database that reached the framework unhandled (a filter's query, say) is still a 503, not a bug.
            StorageUnavailableHandler.log(request, cause);
            base.header("Retry-After", Integer.toString(StorageUnavailableHandler.RETRY_AFTER_SECONDS));
            problem = StorageUnavailableHandler.problem();
        } else if (status >= 500) {
            if (cause != null) {
                // Micronaut's RouteExecutor has logged the stack trace already; this line adds which request failed.
                LOG.error("Unexpected error answering {} {}: {}", request.getMethodName(), request.getPath(), cause.toString());
            }
            problem = Problems.ofStatus(status, "an unexpected error occurred; it has been logged. "
                    + "Retry later or ask the operator to look at the server log");
        } else if (status == 404) {
            problem = Problems.ofStatus(status, "no resource at " + request.getMethodName() + " " + request.getPath());
        } else {
            problem = Problems.ofStatus(status, detail(context.getErrors(), status));
        }
        return (MutableHttpResponse<Problem>) Problems.write(request, base, problem);
    }

    private static String detail(List<Error> errors, int status) {
        if (errors.isEmpty()) {
            return io.micronaut.http.HttpStatus.valueOf(status).getReason();
        }
        return errors.stream().map(Error::getMessage).collect(Collectors.joining("; "));
    }
}
