package org.mingzhang.api.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The service's own REST API as an accountant's script calls it: JSON over HTTP with a bearer token and, where the
 * request moves money or creates a record, an Idempotency-Key. Any answer outside 2xx becomes a {@link DemoRefusal}
 * that carries the problem body as the service wrote it.
 */
final class DemoClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    DemoClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    URI base() {
        return base;
    }

    JsonNode get(String token, String path) {
        return send("GET", token, path, null, null);
    }

    /** A POST with an Idempotency-Key; {@code body} may be null for the transitions that take none. */
    JsonNode post(String token, String path, Object body, String idempotencyKey) {
        return send("POST", token, path, body, idempotencyKey);
    }

    private JsonNode send(String method, String token, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        String text = null;
        if (body != null) {
            try {
                text = json.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new DemoRefusal(method, path, "the demo could not write its own request: " + e.getMessage());
            }
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DemoRefusal(method, path, "no answer from the service: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoRefusal(method, path, "interrupted while waiting for the service");
        }
        if (response.statusCode() / 100 != 2) {
            throw new DemoRefusal(method, path + (text == null ? "" : " " + text), response.statusCode(), response.body());
        }
        try {
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new DemoRefusal(method, path, "the answer is not JSON: " + response.body());
        }
    }
}
