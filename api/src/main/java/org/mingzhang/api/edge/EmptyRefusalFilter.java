package org.mingzhang.api.edge;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.mingzhang.api.problem.Problems;

/**
 * Gives a problem body to every refusal that would otherwise go out empty: the framework's own, which no handler of
 * ours writes. The one met so far is Micronaut's CORS guard, which answers a cross-origin request from another site
 * with a bare 403; the client (or the browser's console) then reads why, as with every other refusal (API.md: errors
 * are {@code application/problem+json}).
 */
@ServerFilter("/**")
public final class EmptyRefusalFilter implements Ordered {

    @ResponseFilter
    public void describe(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status < 400 || response.getBody().isPresent() || request.getMethod() == HttpMethod.HEAD) {
            return;
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String detail = status == 403 && origin != null
                ? "a request from another site (Origin: " + Text.shown(origin) + ") is refused: the API answers only "
                + "its own pages and clients that are not browsers"
                : response.reason();
        Problems.write(request, response, Problems.ofStatus(status, detail));
    }

    @Override
    public int getOrder() {
        // Just inside SecurityHeadersFilter, outside every filter that may refuse early (the CORS guard among them).
        return HIGHEST_PRECEDENCE + 1;
    }
}
