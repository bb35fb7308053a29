package org.mingzhang.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

/** A required header, query value or body is missing: 400 naming it. */
@Singleton
@Replaces(UnsatisfiedRouteHandler.class)
public final class UnsatisfiedRouteProblemHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException exception) {
        return Problems.response(request, MissingParts.problem(exception.getArgument()));
    }
}
