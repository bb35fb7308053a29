package org.mingzhang.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A request part that could not be converted: a JSON body Jackson refused (named by JSON path), or a
 * path or query value of the wrong type ({@code ?limit=abc}, {@code /transactions/x}).
 */
@Singleton
@Replaces(ConversionErrorHandler.class)
public final class ConversionProblemHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
        var json = JsonProblems.find(exception);
        if (json != null) {
            return Problems.response(request, JsonProblems.of(json));
        }
        String name = ArgumentNames.of(exception.getArgument());
        Class<?> type = exception.getArgument().getType();
        Object value = exception.getConversionError().getOriginalValue().orElse(null);
        String expected = type == Long.class || type == long.class || type == Integer.class || type == int.class
                ? "must be a whole number"
                : type == Boolean.class || type == boolean.class ? "must be true or false" : "has the wrong format";
        return Problems.response(request, Problems.invalid(name, expected + (value == null ? "" : ": " + value)));
    }
}
