package org.mingzhang.api.edge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.netty.handler.codec.compression.DecompressionException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;

/**
 * The content codings a request body may come in: gzip or deflate, which the server undoes as the body arrives (the
 * body's size limits count the bytes after it), or none. A body in any other coding ({@code br}, {@code zstd},
 * {@code compress}, two codings one over the other) is refused with 415 and {@code Accept-Encoding: gzip, deflate}, as
 * RFC 9110 (15.5.16) asks, before any of it is read, by every operation that reads a body: the framework would
 * otherwise read such a body as if it were plain. A body that says gzip or deflate but is not is a 400 naming the
 * header ({@link #undecodable}), not a server error.
 */
@ServerFilter("/**")
public final class ContentEncodings implements Ordered {

    /** What {@code Accept-Encoding} says on a 415: the codings this server undoes. */
    public static final String ACCEPTED = "gzip, deflate";

    /** Lower case; {@code x-gzip} and {@code x-deflate} are the old names that HTTP still asks a server to take. */
    private static final Set<String> READ = Set.of("identity", "gzip", "x-gzip", "deflate", "x-deflate");

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseUnknownCodings(HttpRequest<?> request) {
        List<String> codings = request.getHeaders().getAll(HttpHeaders.CONTENT_ENCODING);
        if (codings.isEmpty() || !(RouteAttributes.getRouteMatch(request).orElse(null) instanceof RouteMatch<?> route)
                || !route.getRouteInfo().needsRequestBody()) {
            return null; // an operation that reads no body leaves it unread, whatever its coding
        }
        String coding = String.join(", ", codings).strip();
        if (codings.size() == 1 && READ.contains(coding.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return Problems.response(request, Problems.ofStatus(415, "the body's " + HttpHeaders.CONTENT_ENCODING + " is \""
                        + Text.shown(coding) + "\", which this server does not read; send the body as it is, or in one "
                        + "of: " + ACCEPTED))
                .header(HttpHeaders.ACCEPT_ENCODING, ACCEPTED);
    }

    /**
     * The 400 for a body that its {@code Content-Encoding} says is gzip or deflate and that is not, when {@code cause} (or
     * a cause of it) is the decoder's refusal; null otherwise. The header's value cannot be shown: the server takes it
     * off the request when it sets out to undo the coding. Nothing was written: the body could not be read.
     */
    @Nullable
    public static Problem undecodable(@Nullable Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof DecompressionException) {
                return Problems.invalid(HttpHeaders.CONTENT_ENCODING, "says that the body is compressed (gzip or "
                        + "deflate), and the body is not in that coding, so it cannot be read; send the body as it is, "
                        + "without the header, or compress it whole").problem();
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        // After the repeated-headers and unsafe-text checks, before authentication and before anything reads the body.
        return HIGHEST_PRECEDENCE + 4;
    }
}
