package org.mingzhang.api.edge;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every answer, refusals included (this filter is the outermost, so an answer that another filter gives
 * early passes through it too):
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser takes a body for what its Content-Type says, never for what
 *       it looks like (a donor's name in a JSON answer is never run as a script);</li>
 *   <li>{@code X-Frame-Options: DENY} and {@code Referrer-Policy: no-referrer}: no page of the service is framed by
 *       another site, and no address of it (with a trace code in it) is sent on as a referrer;</li>
 *   <li>{@code Content-Security-Policy} ({@link #CONTENT_SECURITY_POLICY}): the public page runs only the scripts and
 *       styles the jar serves, from files (no inline script, no inline style element or attribute, no eval), talks only
 *       to this service, is framed by nobody and loads no plug-in; on every answer, so that a JSON or PDF answer opened
 *       as a page runs nothing either;</li>
 *   <li>{@code Cache-Control: no-store} on every answer under {@code /api/v1} but the public ones: those answers can carry
 *       donors' phone and ID numbers, which no browser, proxy or shared cache may keep. An answer that sets its own
 *       Cache-Control keeps it.</li>
 * </ul>
 */
@ServerFilter("/**")
public final class SecurityHeadersFilter implements Ordered {

    private static final String API = "/api/v1/";
    private static final String PUBLIC_API = "/api/v1/public/";
    /** What the public page may load and do: its own files and this service, nothing inline, nothing framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        String path = request.getPath();
        if (path.startsWith(API) && !path.startsWith(PUBLIC_API) && !response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
