package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.api.auth.Allowed;

/**
 * The service around the API: health, the OpenAPI document, and the framework's own errors (unknown
 * route, wrong method, wrong media type, oversized body), which must all be problem documents and
 * never Micronaut's default error JSON.
 */
@MicronautTest
class ServiceTest extends ApiTestBase {

    @Inject
    Router router;

    @Nested
    @DisplayName("when any answer is given, refusals included, then it carries the security headers")
    class SecurityHeaders {
        @Test
        @DisplayName("then nosniff, no framing and no referrer on every answer, and no-store on the API's answers")
        void everyAnswer() {
            List<ApiClient.Reply> replies = List.of(
                    api().get("/health").send(),
                    api().get("/api/v1/funds").send(),
                    api().get("/api/v1/funds").as(ADMIN_TOKEN).send(),
                    api().get("/api/v1/no-such-thing").as(ADMIN_TOKEN).send());
            assertEquals(List.of(200, 401, 200, 404), replies.stream().map(ApiClient.Reply::status).toList());
            for (ApiClient.Reply reply : replies) {
                assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
                assertEquals("DENY", reply.header("X-Frame-Options"), reply::toString);
                assertEquals("no-referrer", reply.header("Referrer-Policy"), reply::toString);
            }
            for (ApiClient.Reply reply : replies.subList(1, 4)) {
                assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
            }
            assertEquals(null, replies.get(0).header("Cache-Control"), "health carries no personal data");
        }

        @Test
        @DisplayName("then a request from another site is a 403 problem that says why, a preflight too (issue 11, finding 9)")
        void crossOrigin() {
            for (String method : List.of("GET", "OPTIONS")) {
                ApiClient.Reply reply = api().call(method, "/api/v1/funds").as(ADMIN_TOKEN)
                        .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").send();
                assertProblem(reply, 403);
                assertTrue(reply.json().get("detail").asText().contains("https://evil.example"), reply::toString);
            }
        }
    }

    @Nested
    @DisplayName("when a load balancer asks /health without a token then it hears UP")
    class Health {
        @Test
        void up() {
            ApiClient.Reply reply = api().get("/health").send();
            assertEquals(200, reply.status(), reply::toString);
            assertEquals("UP", reply.text("status"));
        }
    }

    @Nested
    @DisplayName("when a client fetches /openapi.yml without a token then it gets the whole API generated from the code")
    class OpenApi {
        @Test
        void listsTheLedgerAndTheBearerScheme() {
            ApiClient.Reply reply = api().get("/openapi.yml").send();
            assertEquals(200, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/yaml"), reply::toString);
            String yaml = reply.body();
            assertTrue(yaml.startsWith("openapi: 3"), yaml.substring(0, 40));
            for (String path : List.of("/api/v1/ledger/transactions:", "/api/v1/ledger/transactions/{id}/reverse:",
                    "/api/v1/funds:", "/api/v1/ledger/verify:", "/api/v1/users:")) {
                assertTrue(yaml.contains(path), "the document lists " + path);
            }
            assertTrue(yaml.contains("scheme: bearer"), "the document declares the bearer scheme");
            assertTrue(yaml.contains("Idempotency-Key"), "the document names the Idempotency-Key header");
            assertTrue(yaml.contains("application/problem+json"), "the document describes problem answers");
        }
    }

    @Nested
    @DisplayName("when an endpoint is added under /api/v1 then it must say which roles may call it")
    class EveryRouteDeclaresRoles {
        @Test
        void noRouteWithoutAllowed() {
            List<String> undeclared = new ArrayList<>();
            for (UriRouteInfo<?, ?> route : router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r).toList()) {
                String path = route.getUriMatchTemplate().toString();
                AnnotationMetadata metadata = route.getAnnotationMetadata();
                if (path.startsWith("/api/v1") && !path.startsWith("/api/v1/public") && !metadata.hasAnnotation(Allowed.class)) {
                    undeclared.add(route.getHttpMethodName() + " " + path);
                }
            }
            assertEquals(List.of(), undeclared);
        }
    }

    @Nested
    @DisplayName("when the framework refuses a request by itself then the answer is still a problem document")
    class FrameworkErrors {
        @Test
        @DisplayName("when the route does not exist then 404")
        void unknownRoute() {
            assertProblem(api().get("/api/v1/nothing-here").as(ADMIN_TOKEN).send(), 404);
            assertProblem(api().get("/nothing-here").send(), 404);
        }

        @Test
        @DisplayName("when the method is wrong then 405")
        void wrongMethod() {
            assertProblem(api().call("DELETE", "/api/v1/funds").as(ADMIN_TOKEN).send(), 405);
        }

        @Test
        @DisplayName("when the body is not JSON then 415")
        void wrongMediaType() {
            ApiClient.Reply reply = api().post("/api/v1/funds").as(ADMIN_TOKEN).contentType("text/plain")
                    .body("code=X").send();
            assertProblem(reply, 415);
        }

        @Test
        @DisplayName("when the server has a bug then 500 without a stack trace, exception class or message")
        void unexpected() {
            ApiClient.Reply reply = api().get("/api/v1/test-only/bug").as(ADMIN_TOKEN).send();
            assertProblem(reply, 500);
            assertTrue(!reply.body().contains("secret") && !reply.body().contains("IllegalState"), reply::toString);
        }

        @Test
        @DisplayName("when the ledger's write queue is full then 503 with Retry-After")
        void busy() {
            ApiClient.Reply reply = api().get("/api/v1/test-only/busy").as(ADMIN_TOKEN).send();
            assertProblem(reply, 503);
            assertEquals("1", reply.header("Retry-After"));
        }

        @Test
        @DisplayName("when a path climbs out of /api/v1/public then it is still a protected route")
        void noPublicDetour() {
            ApiClient.Reply reply = api().get("/api/v1/public/../funds").send();
            assertTrue(reply.status() == 401 || reply.status() == 404, reply::toString);
        }

        @Test
        @DisplayName("when the body is larger than 1 MB then 413 and nothing is booked")
        void tooLarge() {
            String fund = newFund();
            long before = journalSize();
            String memo = "x".repeat(2 * 1024 * 1024);
            ApiClient.Reply reply = api().post("/api/v1/ledger/transactions").as(ADMIN_TOKEN).key(key())
                    .body(Map.of("fundCode", fund, "memo", memo, "postings", List.of())).send();
            assertProblem(reply, 413);
            assertEquals(before, journalSize());
        }
    }
}
