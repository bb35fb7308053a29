package org.mingzhang.api.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;
import org.mingzhang.api.Limits;
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

    private final int requestLineBytesMax;
    private final int headerBytesMax;

    ProblemResponseProcessor(NettyHttpServerConfiguration server) {
        this.requestLineBytesMax = server.getMaxInitialLineLength();
        this.headerBytesMax = server.getMaxHeaderSize();
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpRequest<?> request = context.getRequest();
        int status = base.code();
        Problem problem;
        Throwable cause = context.getRootCause().orElse(null);
        if (cause == null && request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest().decoderResult().isFailure()) {
            // Netty's decoder gave up before the request was routed; the framework says 413 for any length it refused.
            cause = netty.getNativeRequest().decoderResult().cause();
            // The server closes the connection after this answer (the request was never read to its end). The answer is
            // HTTP/1.0, where a client that sees no "Connection: close" may put the connection back in its pool and
            // send its next request down a closed socket.
            base.header(HttpHeaders.CONNECTION, "close");
        }
        if (cause instanceof ProblemException p) {
            problem = p.problem();
        } else if (cause instanceof TooLongHttpLineException) {
            base.status(HttpStatus.REQUEST_URI_TOO_LONG);
            problem = Problems.ofStatus(414, "the request line (method, path and query) is longer than the "
                    + requestLineBytesMax + " bytes this server reads; send the values in the body or in fewer characters");
        } else if (cause instanceof TooLongHttpHeaderException) {
            base.status(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
            problem = Problems.ofStatus(431, "the request's headers are longer than the " + headerBytesMax
                    + " bytes this server reads in all; an Idempotency-Key is at most "
                    + Limits.IDEMPOTENCY_KEY_CHARS_MAX + " characters, a bearer token at most "
                    + Limits.TOKEN_CHARS_MAX);
        } else if (status == 413) {
            // A body without Content-Length counted as it arrived (a declared length is judged by BodySizeFilter). The
            // framework's own message is written for the developer ("configure micronaut.server...").
            String over = cause instanceof BufferLengthExceededException b
                    ? "passed the " + b.getAdvertisedLength() + " bytes that " + request.getMethodName() + " "
                            + request.getPath() + " takes (jsonBodyBytesMax)"
                    : "is larger than " + request.getMethodName() + " " + request.getPath() + " takes";
            problem = Problems.ofStatus(413, "the request body " + over + "; it was refused as it arrived, and the rest "
                    + "was not read");
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
