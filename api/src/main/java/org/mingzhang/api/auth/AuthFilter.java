package org.mingzhang.api.auth;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mingzhang.api.edge.RateLimits;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.user.Role;
import org.mingzhang.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and authorisation for everything under {@code /api/v1} except {@code /api/v1/public}:
 * a bearer token names the caller (401 otherwise), and the matched route's {@link Allowed} roles decide
 * (403 otherwise). The caller is left in the request attribute {@link #CALLER} for the controllers.
 */
@ServerFilter("/api/v1/**")
public final class AuthFilter {

    public static final String CALLER = "mingzhang.caller";
    private static final String PUBLIC_PREFIX = "/api/v1/public/";
    private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);

    private final Authenticator authenticator;
    private final RateLimits limits;

    public AuthFilter(Authenticator authenticator, RateLimits limits) {
        this.authenticator = authenticator;
        this.limits = limits;
    }

    /** Runs off the event loop: looking a token up reads the database. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authorise(HttpRequest<?> request, @Nullable RouteMatch<?> route) {
        String path = request.getPath();
        if (isPublic(path, route)) {
            long wait = limits.takePublicCall(request);
            return wait == 0 ? null : Problems.tooManyRequests(request, "this address has called the public API more than "
                    + limits.publicPerMinute() + " times in a minute (publicPerMinute); retry after " + wait + " s", wait);
        }
        long wait = limits.failedAuthWait(request);
        if (wait > 0) {
            // Checked before the token is looked at: past the limit, guessing tokens teaches nothing.
            return Problems.tooManyRequests(request, "this address has failed to authenticate more than "
                    + limits.failedAuthPerMinute() + " times in a minute (failedAuthPerMinute); retry after " + wait + " s", wait);
        }
        Optional<String> token = bearer(request);
        if (token.isEmpty()) {
            return failedAuthentication(request, "no bearer token",
                    "send 'Authorization: Bearer <token>'; the admin token is in the server's data directory");
        }
        Optional<User> caller = authenticator.identify(token.get());
        if (caller.isEmpty()) {
            return failedAuthentication(request, "a token this server does not know",
                    "the bearer token is not known to this server");
        }
        User user = caller.get();
        request.setAttribute(CALLER, user);
        if (route == null) {
            // No such route: let the router answer 404 or 405 to an authenticated caller.
            return null;
        }
        AnnotationMetadata metadata = route.getRouteInfo().getAnnotationMetadata();
        if (!metadata.hasAnnotation(Allowed.class)) {
            LOG.error("{} {} declares no @Allowed roles; refusing it to everyone", request.getMethodName(), path);
            return Problems.response(request, Problems.forbidden("this endpoint is not open to any role"));
        }
        Set<Role> allowed = EnumSet.noneOf(Role.class);
        allowed.addAll(Arrays.asList(metadata.enumValues(Allowed.class, Role.class)));
        if (!user.mayActAs(allowed)) {
            return Problems.response(request, Problems.forbidden(user.name() + " holds " + names(user.roles())
                    + "; " + request.getMethodName() + " " + path + " needs one of " + names(allowed)));
        }
        return null;
    }

    /** 401, counted against the client's address and logged without the token, so that guessing shows in the log. */
    private HttpResponse<?> failedAuthentication(HttpRequest<?> request, String what, String detail) {
        limits.failedAuth(request);
        LOG.warn("Failed authentication from {}: {} {} with {}", RateLimits.client(request), request.getMethodName(),
                request.getPath(), what);
        return Problems.response(request, Problems.unauthorized(detail));
    }

    /**
     * Public by the matched route's declared template, not by the raw path, so that a path the router
     * normalises ({@code /api/v1/public/../funds}) can never reach a protected route unauthenticated.
     */
    private static boolean isPublic(String path, RouteMatch<?> route) {
        if (route instanceof UriRouteMatch<?, ?> uriRoute) {
            return (uriRoute.getRouteInfo().getUriMatchTemplate().toString() + "/").startsWith(PUBLIC_PREFIX);
        }
        return route == null && path.startsWith(PUBLIC_PREFIX);
    }

    private static Optional<String> bearer(HttpRequest<?> request) {
        return request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .map(String::trim)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }

    private static String names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
    }
}
