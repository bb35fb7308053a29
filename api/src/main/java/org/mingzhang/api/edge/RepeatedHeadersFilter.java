package org.mingzhang.api.edge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import org.mingzhang.api.problem.Problems;

/**
 * Refuses, with a 400 naming the header, a request that carries {@code Idempotency-Key} or {@code Authorization} more
 * than once. The server would read the first and ignore the rest, while a proxy or a log might read another: the
 * request would mean one thing here and another there. Runs before authentication, so that two tokens are never
 * weighed against each other.
 */
@ServerFilter("/**")
public final class RepeatedHeadersFilter implements Ordered {

    static final List<String> SINGLE = List.of(IdempotencyKeys.HEADER, HttpHeaders.AUTHORIZATION);

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseRepeated(HttpRequest<?> request) {
        for (String name : SINGLE) {
            int count = request.getHeaders().getAll(name).size();
            if (count > 1) {
                return Problems.response(request, Problems.invalid(name, "the request carries the " + name + " header "
                        + count + " times; send it once"));
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        // Inside SecurityHeadersFilter (whose headers this answer carries too), before every other filter.
        return HIGHEST_PRECEDENCE + 2;
    }
}
