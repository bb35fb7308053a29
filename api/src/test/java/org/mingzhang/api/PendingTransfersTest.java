package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two-phase payments. Reserving money lowers what the bank account has available but not its
 * balance; posting part of it moves that part and releases the rest; a pending transfer is resolved
 * once. Proven on a fund whose bank holds 1000.00.
 */
@MicronautTest
class PendingTransfersTest extends ApiTestBase {

    static final String PENDING = "/api/v1/ledger/pending-transfers";

    String accountant;

    @BeforeAll
    void accountant() {
        accountant = userWith("ACCOUNTANT");
    }

    String fundWithBank() {
        String fund = newFund();
        assertEquals(201, donate(accountant, fund, "1000.00").status());
        return fund;
    }

    ApiClient.Reply reserve(String fund, String amount) {
        return api().post(PENDING).as(accountant).key(key()).body(Map.of("fundCode", fund,
                "debitAccountCode", "5101", "creditAccountCode", "1002", "amount", amount,
                "memo", "elderly meals, May invoice")).send();
    }

    @Nested
    @DisplayName("when 300.00 is reserved and 250.00 of it posted then the bank shows 750.00, all of it available")
    class PartialPost {
        @Test
        void partialPost() {
            String fund = fundWithBank();
            ApiClient.Reply pending = reserve(fund, "300.00");
            assertEquals(201, pending.status(), pending::toString);
            assertEquals("PENDING", pending.text("phase"));
            assertEquals("TRANSFER", pending.text("kind"));
            assertEquals("1000.00", account(fund, "1002").get("balance").asText());
            assertEquals("700.00", account(fund, "1002").get("available").asText());

            long id = pending.json().get("id").asLong();
            ApiClient.Reply posted = api().post(PENDING + "/" + id + "/post").as(accountant).key(key())
                    .body(Map.of("amount", "250.00")).send();
            assertEquals(201, posted.status(), posted::toString);
            assertEquals("POST_PENDING", posted.text("phase"));
            assertEquals(id, posted.json().get("pendingId").asLong());
            assertEquals("250.00", posted.text("amount"));
            assertEquals("750.00", account(fund, "1002").get("balance").asText());
            assertEquals("750.00", account(fund, "1002").get("available").asText());
            assertEquals("250.00", balance(fund, "5101"));

            long before = journalSize();
            ApiClient.Reply again = api().post(PENDING + "/" + id + "/post").as(accountant).key(key())
                    .body(Map.of("amount", "50.00")).send();
            assertProblem(again, 409);
            assertEquals("pending-must-be-open", problemType(again));
            assertEquals(before, journalSize());
        }
    }

    @Nested
    @DisplayName("when a pending transfer is posted in full without a body, or voided, then it moves all or nothing")
    class FullAndVoid {
        @Test
        @DisplayName("when posted without a body then the whole amount moves")
        void fullPost() {
            String fund = fundWithBank();
            long id = reserve(fund, "120.00").json().get("id").asLong();
            ApiClient.Reply posted = api().post(PENDING + "/" + id + "/post").as(accountant).key(key()).send();
            assertEquals(201, posted.status(), posted::toString);
            assertEquals("880.00", account(fund, "1002").get("balance").asText());
        }

        @Test
        @DisplayName("when voided then the reservation is released and nothing moves")
        void voided() {
            String fund = fundWithBank();
            long id = reserve(fund, "120.00").json().get("id").asLong();
            ApiClient.Reply voided = api().post(PENDING + "/" + id + "/void").as(accountant).key(key())
                    .body(Map.of("reason", "supplier cancelled")).send();
            assertEquals(201, voided.status(), voided::toString);
            assertEquals("VOID_PENDING", voided.text("phase"));
            assertEquals(fund, voided.text("fundCode"));
            assertEquals("1000.00", account(fund, "1002").get("balance").asText());
            assertEquals("1000.00", account(fund, "1002").get("available").asText());
        }
    }

    @Nested
    @DisplayName("when a pending transfer is refused then nothing is reserved")
    class Refused {
        @Test
        @DisplayName("when more than is available is reserved then 422")
        void overdraw() {
            String fund = fundWithBank();
            reserve(fund, "900.00");
            long before = journalSize();
            ApiClient.Reply reply = reserve(fund, "100.01");
            assertProblem(reply, 422);
            assertEquals("account-must-not-go-negative", problemType(reply));
            assertEquals(before, journalSize());
            assertEquals("100.00", account(fund, "1002").get("available").asText());
        }

        @Test
        @DisplayName("when more than was reserved is posted then 422; an unknown id is a 404")
        void postTooMuchAndUnknown() {
            String fund = fundWithBank();
            long id = reserve(fund, "10.00").json().get("id").asLong();
            ApiClient.Reply tooMuch = api().post(PENDING + "/" + id + "/post").as(accountant).key(key())
                    .body(Map.of("amount", "10.01")).send();
            assertProblem(tooMuch, 422);
            assertEquals("post-must-not-exceed-pending", problemType(tooMuch));
            assertProblem(api().post(PENDING + "/999999/void").as(accountant).key(key())
                    .body(Map.of("reason", "x")).send(), 404);
        }

        @Test
        @DisplayName("when the Idempotency-Key is missing then 400 for all three steps")
        void keys() {
            String fund = fundWithBank();
            long id = reserve(fund, "10.00").json().get("id").asLong();
            assertProblem(api().post(PENDING).as(accountant).body(Map.of("fundCode", fund)).send(), 400);
            assertProblem(api().post(PENDING + "/" + id + "/post").as(accountant).body(Map.of()).send(), 400);
            assertProblem(api().post(PENDING + "/" + id + "/void").as(accountant).body(Map.of("reason", "x")).send(), 400);
        }
    }
}
