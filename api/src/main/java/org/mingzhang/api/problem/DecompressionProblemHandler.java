package org.mingzhang.api.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;
import org.mingzhang.api.edge.ContentEncodings;

/**
 * A body that its {@code Content-Encoding} says is gzip or deflate, and that is not: the client's mistake, answered with
 * a 400 naming the header ({@link ContentEncodings#undecodable}). Without this handler the framework answers 500 and
 * logs the decoder's stack trace as a server error.
 */
@Singleton
public final class DecompressionProblemHandler implements ExceptionHandler<DecompressionException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, DecompressionException exception) {
        return Problems.response(request, ContentEncodings.undecodable(exception));
    }
}
