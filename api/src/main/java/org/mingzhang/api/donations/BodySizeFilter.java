package org.mingzhang.api.donations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteMatch;
import org.mingzhang.api.problem.Problems;

/**
 * Refuses a body larger than its endpoint takes with 413, before it is read. The server's own limit
 * ({@code micronaut.server.max-request-size}) is set for the largest endpoint, the CSV import; this filter
 * keeps every other endpoint at {@link DonationLimits#JSON_BODY_BYTES_MAX} unless it declares
 * {@link BodyBytesMax}. It judges by Content-Length; a chunked body without one is counted as it arrives by the
 * server ({@code micronaut.server.max-request-buffer-size}, 1 MB, for every body read whole), which answers 413 past it. (It belongs with the edge's other filters; it lives here until that package can take it.)
 */
@ServerFilter("/**")
public final class BodySizeFilter {

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request, @Nullable RouteMatch<?> route) {
        long length = request.getContentLength();
        if (length <= DonationLimits.JSON_BODY_BYTES_MAX) {
            return null;
        }
        var limit = route == null ? null : route.getRouteInfo().getAnnotationMetadata().getAnnotation(BodyBytesMax.class);
        long max = limit == null ? DonationLimits.JSON_BODY_BYTES_MAX : limit.longValue("value").orElseThrow();
        String name = limit == null ? "jsonBodyBytesMax" : limit.stringValue("name").orElseThrow();
        if (length <= max) {
            return null;
        }
        return Problems.response(request, Problems.ofStatus(413, "the request body has " + length + " bytes; "
                + request.getMethodName() + " " + request.getPath() + " takes at most " + max + " (" + name + ")"));
    }
}
