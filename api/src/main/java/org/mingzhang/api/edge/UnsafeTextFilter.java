package org.mingzhang.api.edge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.journal.LedgerLimits;

/**
 * Refuses, with a 400 naming the parameter and showing the value, a request whose path parameters ({@code
 * /funds/%00}) or query parameters hold text that {@link Text} refuses, or whose code in the path ({@code {code}},
 * {@code {accountCode}}) is not a code at all ({@code /projects/%20/management-fees}), before any of it reaches a
 * command or a store. Request bodies are checked as they are read ({@code CheckedTextDeserializer}, the CSV import).
 */
@ServerFilter("/**")
public final class UnsafeTextFilter implements Ordered {

    /** Every code the books hand out (funds, accounts, projects, pools) has this shape; one that does not names nothing. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (LedgerLimits.CODE_LENGTH_MAX - 1) + "}");

    private static boolean isCode(String variable) {
        return variable.equals("code") || variable.endsWith("Code");
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseUnsafeText(HttpRequest<?> request) {
        if (RouteAttributes.getRouteMatch(request).orElse(null) instanceof UriRouteMatch<?, ?> route) {
            for (Map.Entry<String, Object> variable : route.getVariableValues().entrySet()) {
                if (variable.getValue() instanceof String value) {
                    String refusal = Text.refusal(value, false);
                    if (refusal == null && isCode(variable.getKey()) && !CODE.matcher(value).matches()) {
                        refusal = "must be a code: letters, digits, '-', '_' or '.', starting with a letter or digit, at most "
                                + LedgerLimits.CODE_LENGTH_MAX + " characters: \"" + Text.shown(value) + "\"";
                    }
                    if (refusal != null) {
                        return Problems.response(request, Problems.invalid(variable.getKey(), refusal));
                    }
                }
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            String refusal = Text.refusal(parameter.getKey(), false);
            if (refusal != null) {
                return Problems.response(request, Problems.invalid(Text.shown(parameter.getKey()),
                        "is not a parameter name the API takes: it " + refusal));
            }
            for (String value : parameter.getValue()) {
                refusal = Text.refusal(value, false);
                if (refusal != null) {
                    return Problems.response(request, Problems.invalid(parameter.getKey(), refusal));
                }
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        // After RepeatedHeadersFilter, before authentication: a refusal here reveals nothing about the books.
        return HIGHEST_PRECEDENCE + 3;
    }
}
