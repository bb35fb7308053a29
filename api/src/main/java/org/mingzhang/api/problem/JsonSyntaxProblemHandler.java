package org.mingzhang.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

/** A body that is not JSON at all, as Micronaut reports it when it parses lazily. */
@Singleton
@Replaces(JsonExceptionHandler.class)
public final class JsonSyntaxProblemHandler implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
        var json = JsonProblems.find(exception);
        if (json != null) {
            return Problems.response(request, JsonProblems.of(json));
        }
        Problem problem = Problems.of(Problems.MALFORMED_JSON, "Malformed JSON", 400,
                "the request body is not valid JSON", null);
        return Problems.response(request, problem);
    }
}
