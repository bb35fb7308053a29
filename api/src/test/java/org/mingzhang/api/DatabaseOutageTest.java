package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.store.TestDatabases;

/**
 * The service on PostgreSQL while its database cannot be reached: the test ends every session of the service's
 * database and refuses new ones ({@code ALLOW_CONNECTIONS false}), as a server that went down would. Reads and writes
 * answer 503 problem documents with Retry-After, within the service's named timeouts and never with a 500; once the
 * database takes connections again, the service recovers by itself, and a write retried with its Idempotency-Key is
 * made exactly once. The crash harness (bench/crash) does this under load with restarts, pauses and refused
 * connections of a whole server.
 */
@MicronautTest
@DisplayName("Service while its PostgreSQL database is unreachable")
class DatabaseOutageTest extends ApiTestBase {

    /** The pool's wait for a connection (5 s), with room for a slow machine: an answer later than this has hung. */
    private static final long ANSWER_MS_MAX = 15_000;
    private static final long RECOVERY_MS_MAX = 30_000;

    private final String database = "mz_api_outage_" + UUID.randomUUID().toString().replace("-", "");
    private String adminUrl;

    @Override
    public Map<String, String> getProperties() {
        adminUrl = TestDatabases.adminUrl();
        admin("CREATE DATABASE " + database);
        return Map.of(
                "mingzhang.db.url", adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database),
                "mingzhang.db.user", TestDatabases.user(),
                "mingzhang.admin-token", ADMIN_TOKEN,
                // Its own data directory, as every other test's: the default (./data) would leave a log key in the module.
                "mingzhang.data-dir", temporaryDataDir().toString());
    }

    @AfterAll
    void dropDatabase() {
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Nested
    @DisplayName("when the database goes away and comes back")
    class Outage {

        @Test
        @DisplayName("then requests answer 503 with Retry-After meanwhile, and a retried write is made once afterwards")
        void answers503ThenRecovers() throws Exception {
            String accountant = userWith("ACCOUNTANT");
            String fund = newFund();
            assertEquals(201, entry(accountant, fund, key()).status());

            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");

            String retried = key();
            for (ApiClient.Call call : List.of(
                    api().post("/api/v1/ledger/transactions").as(accountant).key(retried).body(entryBody(fund)),
                    api().get("/api/v1/funds/" + fund).as(accountant),
                    api().get("/api/v1/ledger/funds/" + fund + "/trial-balance").as(accountant))) {
                long start = System.currentTimeMillis();
                ApiClient.Reply reply = call.send();
                long ms = System.currentTimeMillis() - start;
                assertEquals(503, reply.status(), reply::toString);
                assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
                assertNotNull(reply.header("Retry-After"), reply::toString);
                assertTrue(ms < ANSWER_MS_MAX, "answered in " + ms + " ms");
            }

            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            long deadline = System.currentTimeMillis() + RECOVERY_MS_MAX;
            ApiClient.Reply reply;
            do {
                reply = entry(accountant, fund, retried);
                if (reply.status() == 503) {
                    Thread.sleep(200);
                }
            } while (reply.status() == 503 && System.currentTimeMillis() < deadline);
            assertEquals(201, reply.status(), "the write went through once the database was back: " + reply);
            assertEquals(201, entry(accountant, fund, retried).status(), "a replay answers as the original");

            ApiClient.Reply balance = api().get("/api/v1/ledger/funds/" + fund + "/accounts/1002/balance").as(accountant).send();
            assertEquals("2.00", balance.text("balance"), "the first entry and the retried one, each once: " + balance);
            ApiClient.Reply verify = api().get("/api/v1/ledger/verify").as(accountant).send();
            assertEquals("true", verify.text("ok"), verify::toString);
        }
    }

    private ApiClient.Reply entry(String token, String fund, String key) {
        return api().post("/api/v1/ledger/transactions").as(token).key(key).body(entryBody(fund)).send();
    }

    private static Map<String, Object> entryBody(String fund) {
        return Map.of("fundCode", fund, "memo", "bank transfer",
                "postings", List.of(debit("1002", "1.00"), credit("410101", "1.00")));
    }

    private void admin(String sql) {
        TestDatabases.execute(adminUrl, sql);
    }
}
