package org.mingzhang.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The harness's HTTP client: one request, one {@link Answer}, never an exception. A request that gets no answer
 * (the service was killed, the connection dropped) or none within {@link #REQUEST_TIMEOUT} is an answer too, with
 * status {@link Answer#NO_ANSWER} or {@link Answer#HUNG}, and one that could not connect at all has
 * {@link Answer#REFUSED_CONNECTION}: the checks decide what each means.
 */
final class Http {

    /**
     * Longer than any wait the service names (the writer's answer timeout, PostgreSQL's socket timeout, the pool's
     * connection timeout): a request still open after this has hung, which the service promises never to do.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(45);

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private volatile String base;

    Http(String base) {
        this.base = base;
    }

    void base(String base) {
        this.base = base;
    }

    /**
     * @param status the HTTP status, or {@link #NO_ANSWER} / {@link #HUNG}
     * @param retryAfter the Retry-After header, or null
     * @param millis how long the request took
     */
    record Answer(int status, JsonNode body, String retryAfter, long millis, String error) {
        static final int NO_ANSWER = -1;
        static final int HUNG = -2;
        /** No answer because no connection could be made: the request never reached the service. */
        static final int REFUSED_CONNECTION = -3;

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            JsonNode n = body.path(field);
            return n.isMissingNode() || n.isNull() ? null : n.asText();
        }

        @Override
        public String toString() {
            return status + (error != null ? " (" + error + ")" : "") + " " + body;
        }
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Answer post(String path, String token, String idempotencyKey, String json) {
        return send("POST", path, token, idempotencyKey, json);
    }

    Answer send(String method, String path, String token, String idempotencyKey, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long ms = (System.nanoTime() - start) / 1_000_000;
            JsonNode body;
            try {
                body = r.body() == null || r.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(r.body());
            } catch (IOException notJson) {
                body = JSON.getNodeFactory().textNode(r.body());
            }
            return new Answer(r.statusCode(), body, r.headers().firstValue("Retry-After").orElse(null), ms, null);
        } catch (HttpTimeoutException e) {
            return new Answer(Answer.HUNG, MissingNode.getInstance(), null, (System.nanoTime() - start) / 1_000_000,
                    "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (java.net.ConnectException e) {
            return new Answer(Answer.REFUSED_CONNECTION, MissingNode.getInstance(), null, (System.nanoTime() - start) / 1_000_000,
                    "connection refused");
        } catch (IOException e) {
            return new Answer(Answer.NO_ANSWER, MissingNode.getInstance(), null, (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Answer.NO_ANSWER, MissingNode.getInstance(), null, (System.nanoTime() - start) / 1_000_000,
                    "interrupted");
        }
    }
}
