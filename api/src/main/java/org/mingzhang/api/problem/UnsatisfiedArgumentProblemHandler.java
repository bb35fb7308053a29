package org.mingzhang.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import jakarta.inject.Singleton;

/** A required argument could not be bound (typically a missing body): 400 naming it. */
@Singleton
@Replaces(UnsatisfiedArgumentHandler.class)
public final class UnsatisfiedArgumentProblemHandler implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, UnsatisfiedArgumentException exception) {
        return Problems.response(request, MissingParts.problem(exception.getArgument()));
    }
}
