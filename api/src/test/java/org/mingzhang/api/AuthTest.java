package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Who may do what. A request without a known bearer token is a 401; a known caller whose roles the
 * endpoint does not allow is a 403, and in both cases nothing is written. Proven by calling real
 * endpoints with the admin token, with users the admin creates, and with forged tokens.
 */
@MicronautTest
class AuthTest extends ApiTestBase {

    @Nested
    @DisplayName("when a request under /api/v1 has no valid token then it is a 401")
    class Unauthenticated {
        @Test
        @DisplayName("when the Authorization header is missing then 401 with WWW-Authenticate: Bearer")
        void missing() {
            ApiClient.Reply reply = api().get("/api/v1/funds").send();
            assertProblem(reply, 401);
            assertEquals("Bearer", reply.header("WWW-Authenticate"));
        }

        @Test
        @DisplayName("when the token is forged then 401")
        void forged() {
            assertProblem(api().get("/api/v1/funds").as("forged-" + key()).send(), 401);
            assertProblem(api().get("/api/v1/funds").as(ADMIN_TOKEN + "x").send(), 401);
        }

        @Test
        @DisplayName("when the scheme is not Bearer then 401")
        void notBearer() {
            ApiClient.Reply reply = api().get("/api/v1/funds").header("Authorization", "Basic YWRtaW46YWRtaW4=").send();
            assertProblem(reply, 401);
        }

        @Test
        @DisplayName("when an unauthenticated client posts an entry then 401 and the journal is unchanged")
        void writesNothing() {
            String fund = newFund();
            long before = journalSize();
            ApiClient.Reply reply = api().post("/api/v1/ledger/transactions").key(key())
                    .body(entry(fund, "no token", List.of(debit("1002", "1.00"), credit("410101", "1.00")))).send();
            assertProblem(reply, 401);
            assertEquals(before, journalSize());
        }
    }

    @Nested
    @DisplayName("when a known caller lacks the role then it is a 403")
    class Forbidden {
        @Test
        @DisplayName("when an AUDITOR posts an entry then 403 and the journal is unchanged")
        void auditorPosting() {
            String auditor = userWith("AUDITOR");
            String fund = newFund();
            long before = journalSize();
            ApiClient.Reply reply = donate(auditor, fund, "10.00");
            assertProblem(reply, 403);
            assertEquals("forbidden", problemType(reply));
            assertEquals(before, journalSize());
        }

        @Test
        @DisplayName("when a COMMITTEE member creates a user then 403")
        void committeeCreatingUser() {
            String committee = userWith("COMMITTEE");
            ApiClient.Reply reply = api().post("/api/v1/users").as(committee)
                    .body(Map.of("name", "someone", "roles", List.of("ADMIN"))).send();
            assertProblem(reply, 403);
        }

        @Test
        @DisplayName("when a COMMITTEE member opens a fund then 403")
        void committeeOpeningFund() {
            String committee = userWith("COMMITTEE");
            ApiClient.Reply reply = api().post("/api/v1/funds").as(committee)
                    .body(Map.of("code", unique("C"), "name", "x", "level", "CITY")).send();
            assertProblem(reply, 403);
        }
    }

    @Nested
    @DisplayName("when the admin creates users then their tokens work with exactly their roles")
    class Users {
        @Test
        @DisplayName("when the admin creates an ACCOUNTANT then the answer carries the token once and it books entries")
        void accountant() {
            ApiClient.Reply created = api().post("/api/v1/users").as(ADMIN_TOKEN)
                    .body(Map.of("name", "李会计", "roles", List.of("ACCOUNTANT"))).send();
            assertEquals(201, created.status(), created::toString);
            assertEquals("李会计", created.text("name"));
            assertEquals("[\"ACCOUNTANT\"]", created.json().get("roles").toString());
            String token = created.text("token");
            assertEquals(43, token.length(), "32 random bytes in base64url without padding");

            ApiClient.Reply me = api().get("/api/v1/me").as(token).send();
            assertEquals(200, me.status(), me::toString);
            assertEquals("李会计", me.text("name"));
            assertEquals(created.json().get("id").asLong(), me.json().get("id").asLong());

            ApiClient.Reply booked = donate(token, newFund(), "5.00");
            assertEquals(201, booked.status(), booked::toString);
            assertTrue(booked.text("recordedBy").endsWith("李会计"), booked::toString);
        }

        @Test
        @DisplayName("when an AUDITOR reads the journal then it may")
        void auditorReads() {
            String auditor = userWith("AUDITOR");
            assertEquals(200, api().get("/api/v1/ledger/transactions").as(auditor).send().status());
            assertEquals(200, api().get("/api/v1/ledger/verify").as(auditor).send().status());
            assertEquals(200, api().get("/api/v1/funds").as(auditor).send().status());
        }

        @Test
        @DisplayName("when the roles are missing or unknown then 400 naming the field")
        void badRoles() {
            ApiClient.Reply none = api().post("/api/v1/users").as(ADMIN_TOKEN)
                    .body(Map.of("name", "x", "roles", List.of())).send();
            assertProblem(none, 400);
            assertEquals(List.of("roles"), errorFields(none));

            ApiClient.Reply unknown = api().post("/api/v1/users").as(ADMIN_TOKEN)
                    .body(Map.of("name", "x", "roles", List.of("TREASURER"))).send();
            assertProblem(unknown, 400);
            assertEquals(List.of("roles[0]"), errorFields(unknown));
            assertTrue(errorMessage(unknown, "roles[0]").contains("ACCOUNTANT"), unknown::toString);
        }
    }
}
