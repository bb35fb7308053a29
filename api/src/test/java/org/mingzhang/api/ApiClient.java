package org.mingzhang.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API as a client script sees it: a method, a path, a token, a JSON body and headers in; status,
 * headers and the raw and parsed body out, whatever the status.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    ApiClient(HttpClient client) {
        this.client = client;
    }

    /** What came back. {@code json} is null when the body is empty or not JSON; {@code bytes} is the body as sent (a PDF). */
    record Reply(int status, String contentType, String body, JsonNode json, HttpResponse<?> response, byte[] bytes) {

        String header(String name) {
            return response.getHeaders().get(name);
        }

        String text(String field) {
            JsonNode node = json.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    static final class Call {
        private final ApiClient api;
        private final String method;
        private final String path;
        private String token;
        private String body;
        private String contentType = MediaType.APPLICATION_JSON;
        private final Map<String, String> headers = new LinkedHashMap<>();
        /** Headers sent besides those above, a name again included (a repeated header, as a hostile client sends it). */
        private final java.util.List<Map.Entry<String, String>> extra = new java.util.ArrayList<>();

        private Call(ApiClient api, String method, String path) {
            this.api = api;
            this.method = method;
            this.path = path;
        }

        Call as(String bearerToken) {
            this.token = bearerToken;
            return this;
        }

        /** A body given as an object (serialised) or as raw text (sent as is, for malformed JSON). */
        Call body(Object body) {
            try {
                this.body = body instanceof String s ? s : JSON.writeValueAsString(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Call contentType(String type) {
            this.contentType = type;
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sends the header once more, besides any of the same name. */
        Call repeatHeader(String name, String value) {
            extra.add(Map.entry(name, value));
            return this;
        }

        Call key(String idempotencyKey) {
            return header("Idempotency-Key", idempotencyKey);
        }

        Reply send() {
            MutableHttpRequest<Object> request = HttpRequest.create(io.micronaut.http.HttpMethod.parse(method), path);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.body(body).contentType(contentType);
            }
            headers.forEach(request::header);
            extra.forEach(h -> request.getHeaders().add(h.getKey(), h.getValue()));
            HttpResponse<byte[]> response;
            try {
                response = api.client.toBlocking().exchange(request, byte[].class);
            } catch (HttpClientResponseException e) {
                @SuppressWarnings("unchecked")
                HttpResponse<byte[]> failed = (HttpResponse<byte[]>) e.getResponse();
                response = failed;
            }
            byte[] bytes = response.getBody(byte[].class).orElse(new byte[0]);
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            JsonNode json = null;
            if (!text.isEmpty()) {
                try {
                    json = JSON.readTree(text);
                } catch (IOException notJson) {
                    json = null;
                }
            }
            Reply reply = new Reply(response.code(), response.getContentType().map(MediaType::toString).orElse(null), text,
                    json, response, bytes);
            api.check(method, path, reply);
            return reply;
        }
    }

    /**
     * Checks an answer against the served OpenAPI document ({@link ContractCheck}); the document itself, and paths the
     * document does not describe (a test's deliberately unknown path), are not checked.
     */
    void check(String method, String path, Reply reply) {
        if (path.equals("/openapi.yml") || method.equals("OPTIONS") || method.equals("HEAD")) {
            return;
        }
        if (!ContractCheck.loaded()) {
            HttpResponse<String> document = client.toBlocking().exchange(HttpRequest.GET("/openapi.yml"), String.class);
            ContractCheck.load(document.body());
        }
        java.util.List<String> problems = ContractCheck.problems(method, path, reply.status(), reply.contentType(), reply.body());
        if (!problems.isEmpty()) {
            ContractCheck.SEEN.add(method + " " + path + " -> " + reply.status() + ": " + problems);
            throw new AssertionError("the answer does not match the served OpenAPI document: " + method + " " + path
                    + " -> " + reply + "\n" + String.join("\n", problems));
        }
    }

    Call get(String path) {
        return new Call(this, "GET", path);
    }

    Call post(String path) {
        return new Call(this, "POST", path);
    }

    Call call(String method, String path) {
        return new Call(this, method, path);
    }
}
