package org.mingzhang.api.problem;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The problems the edge raises itself, and the one way a problem becomes a response. Types are
 * {@code https://mingzhang.org/problems/<slug>}; the slugs are part of the API and never change.
 */
public final class Problems {

    public static final String INVALID_REQUEST = "invalid-request";
    public static final String MALFORMED_JSON = "malformed-json";

    private Problems() {
    }

    public static Problem of(String slug, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, detail, errors);
    }

    /** 400 for a request whose content is wrong; every wrong field is listed. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() == null ? errors.get(0).message() : errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return new ProblemException(of(INVALID_REQUEST, "Invalid request", 400, detail, errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String slug, String detail) {
        return new ProblemException(of(slug, "Not found", 404, detail, null));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(of("unauthorized", "Unauthorized", 401, detail, null),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(of("forbidden", "Forbidden", 403, detail, null));
    }

    /** A problem named after an HTTP status, for errors the framework detects (unknown route, wrong method...). */
    public static Problem ofStatus(int status, String detail) {
        HttpStatus known = HttpStatus.valueOf(status);
        String title = known.getReason();
        String slug = switch (status) {
            case 400 -> INVALID_REQUEST;
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "request-too-large";
            case 414 -> "request-line-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : title.toLowerCase(Locale.ROOT).replace(' ', '-');
        };
        return new Problem(Problem.TYPE_BASE + slug, title, status, detail, null);
    }

    /**
     * 503 with {@code Retry-After}: the service cannot take the request now (a full write queue, a database that does
     * not answer), and a retry after that many seconds may succeed.
     */
    public static MutableHttpResponse<?> unavailable(HttpRequest<?> request, String slug, String title, String detail,
                                                     int retryAfterSeconds) {
        return response(request, of(slug, title, 503, detail, null)).header("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /** 429 with {@code Retry-After}: this client has called too often and may call again after that many seconds. */
    public static MutableHttpResponse<?> tooManyRequests(HttpRequest<?> request, String detail, long retryAfterSeconds) {
        return response(request, ofStatus(429, detail)).header("Retry-After", Long.toString(retryAfterSeconds));
    }

    public static MutableHttpResponse<?> response(HttpRequest<?> request, ProblemException e) {
        MutableHttpResponse<?> response = response(request, e.problem());
        e.headers().forEach(response::header);
        return response;
    }

    public static MutableHttpResponse<?> response(HttpRequest<?> request, Problem problem) {
        return write(request, HttpResponse.status(HttpStatus.valueOf(problem.status())), problem);
    }

    /** Puts the problem into a response (keeping its headers); a HEAD request gets the status without a body. */
    public static MutableHttpResponse<?> write(HttpRequest<?> request, MutableHttpResponse<?> response, Problem problem) {
        response.status(HttpStatus.valueOf(problem.status()));
        if (request != null && request.getMethod() == HttpMethod.HEAD) {
            return response;
        }
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
