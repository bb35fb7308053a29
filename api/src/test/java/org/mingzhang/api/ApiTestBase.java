package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;
import org.mingzhang.api.donations.DonorIdentifiers;

/**
 * What every API scenario shares: a server on a fresh in-memory H2 database of its own (one per test
 * class), a known admin token, and helpers that do what a client script does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestBase implements TestPropertyProvider {

    static final String ADMIN_TOKEN = "test-admin-token-" + UUID.randomUUID();

    @Inject
    @Client("/")
    HttpClient httpClient;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "mingzhang.db.url", "jdbc:h2:mem:api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "mingzhang.db.user", "sa",
                "mingzhang.admin-token", ADMIN_TOKEN,
                // The log key is made on the first start in the data directory: a fresh one per class, never the checkout's.
                "mingzhang.data-dir", dataDir().toString());
    }

    private java.nio.file.Path dataDir;

    /** This class's data directory, in the system's temporary folder. */
    java.nio.file.Path dataDir() {
        if (dataDir == null) {
            dataDir = temporaryDataDir();
        }
        return dataDir;
    }

    /** A new, empty data directory in the system's temporary folder. */
    static java.nio.file.Path temporaryDataDir() {
        try {
            return java.nio.file.Files.createTempDirectory("mingzhang-api-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ApiClient api() {
        if (api == null) {
            api = new ApiClient(httpClient);
        }
        return api;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    /** A new user holding these roles; returns their token. */
    String userWith(String... roles) {
        ApiClient.Reply reply = api().post("/api/v1/users").as(ADMIN_TOKEN)
                .body(Map.of("name", unique("user-"), "roles", List.of(roles))).send();
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("token");
    }

    /** A new top-level CITY fund; returns its code. */
    String newFund() {
        String code = unique("F");
        ApiClient.Reply reply = api().post("/api/v1/funds").as(ADMIN_TOKEN)
                .body(Map.of("code", code, "name", "测试基金 " + code, "level", "CITY")).send();
        assertEquals(201, reply.status(), reply::toString);
        return code;
    }

    /** A valid resident identity number: the 17 digits given and their check character (GB 11643). */
    static String residentId(String first17) {
        return first17 + DonorIdentifiers.residentIdCheck(first17);
    }

    /** A valid unified social credit code: the 17 characters given and their check character (GB 32100). */
    static String creditCode(String first17) {
        return first17 + DonorIdentifiers.creditCodeCheck(first17);
    }

    static Map<String, Object> debit(String account, String amount) {
        return Map.of("accountCode", account, "debit", amount);
    }

    static Map<String, Object> credit(String account, String amount) {
        return Map.of("accountCode", account, "credit", amount);
    }

    static Map<String, Object> entry(String fundCode, String memo, List<Map<String, Object>> postings) {
        return Map.of("fundCode", fundCode, "memo", memo, "postings", postings);
    }

    static Map<String, Object> entry(String fundCode, String memo, String occurredAt, List<Map<String, Object>> postings) {
        return Map.of("fundCode", fundCode, "memo", memo, "occurredAt", occurredAt, "postings", postings);
    }

    /** A donation into the bank account: Dr 1002 / Cr 410101. */
    ApiClient.Reply donate(String token, String fundCode, String amount) {
        return api().post("/api/v1/ledger/transactions").as(token).key(key())
                .body(entry(fundCode, "donation", List.of(debit("1002", amount), credit("410101", amount)))).send();
    }

    /** How many transactions the journal holds, as the chain verification counts them. */
    long journalSize() {
        ApiClient.Reply reply = api().get("/api/v1/ledger/verify").as(ADMIN_TOKEN).send();
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.json().get("ok").asBoolean(), reply::toString);
        return reply.json().get("transactions").asLong();
    }

    String balance(String fundCode, String accountCode) {
        ApiClient.Reply reply = api().get("/api/v1/ledger/funds/" + fundCode + "/accounts/" + accountCode + "/balance")
                .as(ADMIN_TOKEN).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.text("balance");
    }

    JsonNode account(String fundCode, String accountCode) {
        ApiClient.Reply reply = api().get("/api/v1/ledger/funds/" + fundCode + "/accounts").as(ADMIN_TOKEN).send();
        assertEquals(200, reply.status(), reply::toString);
        for (JsonNode a : reply.json().get("items")) {
            if (a.get("code").asText().equals(accountCode)) {
                return a;
            }
        }
        throw new AssertionError("fund " + fundCode + " has no account " + accountCode + ": " + reply);
    }

    /**
     * Asserts that the reply is a problem document as RFC 9457 describes it, with this status, that it
     * shows nothing of the server's insides, and returns it.
     */
    static JsonNode assertProblem(ApiClient.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertNotNull(reply.contentType(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        JsonNode json = reply.json();
        assertNotNull(json, reply::toString);
        assertTrue(json.get("type").asText().startsWith("https://mingzhang.org/problems/"), reply::toString);
        assertFalse(json.get("title").asText().isBlank(), reply::toString);
        assertEquals(status, json.get("status").asInt(), reply::toString);
        assertFalse(json.get("detail").asText().isBlank(), reply::toString);
        assertNoInternals(reply);
        return json;
    }

    static void assertNoInternals(ApiClient.Reply reply) {
        for (String tell : List.of("Exception", "at org.", "at io.", "java.", "_links", "com.fasterxml")) {
            assertFalse(reply.body().contains(tell), () -> "the error body shows '" + tell + "': " + reply.body());
        }
    }

    static String problemType(ApiClient.Reply reply) {
        return reply.json().get("type").asText().substring("https://mingzhang.org/problems/".length());
    }

    /** The fields named in a problem's errors. */
    static List<String> errorFields(ApiClient.Reply reply) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = reply.json().get("errors");
        if (errors != null) {
            errors.forEach(e -> fields.add(e.get("field").isNull() ? null : e.get("field").asText()));
        }
        return fields;
    }

    static String errorMessage(ApiClient.Reply reply, String field) {
        for (JsonNode e : reply.json().get("errors")) {
            if (field.equals(e.get("field").asText())) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no error about " + field + ": " + reply);
    }
}
