package org.mingzhang.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import jakarta.inject.Singleton;

/** A body Jackson could not read, when it surfaces as itself rather than as a conversion error. */
@Singleton
@Replaces(JacksonExceptionHandler.class)
public final class JacksonProblemHandler implements ExceptionHandler<JsonProcessingException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, JsonProcessingException exception) {
        return Problems.response(request, JsonProblems.of(exception));
    }
}
