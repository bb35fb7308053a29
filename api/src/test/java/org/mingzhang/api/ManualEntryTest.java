package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The life of a manual journal entry as an accountant sees it: a fund is opened, a gift of 500.00 is
 * booked (Dr 1002 bank / Cr 410101 donation income), the trial balance and the fund's balances show
 * it, the entry is reversed, everything is back to zero, and the hash chain still verifies with both
 * transactions in it.
 */
@MicronautTest
class ManualEntryTest extends ApiTestBase {

    String accountant;

    @BeforeAll
    void accountant() {
        accountant = userWith("ACCOUNTANT");
    }

    @Nested
    @DisplayName("when a gift is booked and then reversed then the books show it and then show nothing")
    class BookAndReverse {
        @Test
        void lifeOfAnEntry() {
            String fund = newFund();
            long journalBefore = journalSize();

            ApiClient.Reply booked = api().post("/api/v1/ledger/transactions").as(accountant).key(key())
                    .body(entry(fund, "张三明 donation by bank transfer", "2026-05-01T10:00:00+08:00",
                            List.of(debit("1002", "500.00"), credit("410101", "500.00")))).send();
            assertEquals(201, booked.status(), booked::toString);
            long id = booked.json().get("id").asLong();
            assertEquals("/api/v1/ledger/transactions/" + id, booked.header("Location"));
            assertEquals("MANUAL", booked.text("kind"));
            assertEquals("POSTED", booked.text("phase"));
            assertEquals(fund, booked.text("fundCode"));
            assertEquals("2026-05-01T10:00:00+08:00", booked.text("occurredAt"));
            assertTrue(booked.text("recordedAt").endsWith("+08:00"), booked::toString);
            assertEquals("500.00", booked.text("amount"));
            JsonNode postings = booked.json().get("postings");
            assertEquals(2, postings.size());
            assertEquals("1002", postings.get(0).get("accountCode").asText());
            assertEquals("500.00", postings.get(0).get("debit").asText());
            assertEquals("0.00", postings.get(0).get("credit").asText());
            assertEquals("410101", postings.get(1).get("accountCode").asText());
            assertEquals("500.00", postings.get(1).get("credit").asText());
            assertEquals(64, booked.text("hash").length());

            ApiClient.Reply tb = api().get("/api/v1/ledger/funds/" + fund + "/trial-balance").as(accountant).send();
            assertEquals(200, tb.status(), tb::toString);
            assertEquals("500.00", tb.text("totalDebit"));
            assertEquals("500.00", tb.text("totalCredit"));
            assertEquals("500.00", line(tb, "1002").get("debit").asText());
            assertEquals("500.00", line(tb, "410101").get("credit").asText());

            ApiClient.Reply fundReply = api().get("/api/v1/funds/" + fund).as(accountant).send();
            assertEquals("500.00", fundReply.json().get("balances").get("cash").asText());
            assertEquals("500.00", fundReply.text("cash"));
            assertEquals("500.00", fundReply.text("unrestricted"));
            assertEquals("0.00", fundReply.text("restricted"));
            assertEquals("500.00", balance(fund, "1002"));

            ApiClient.Reply reversal = api().post("/api/v1/ledger/transactions/" + id + "/reverse").as(accountant)
                    .key(key()).body(Map.of("reason", "entered twice")).send();
            assertEquals(201, reversal.status(), reversal::toString);
            assertEquals("REVERSAL", reversal.text("kind"));
            assertEquals(id, reversal.json().get("reversesId").asLong());
            assertTrue(reversal.text("memo").contains("entered twice"), reversal::toString);
            assertEquals("410101", reversal.json().get("postings").get(0).get("accountCode").asText(),
                    "the reversal debits what the original credited");

            assertEquals("0.00", balance(fund, "1002"));
            assertEquals("0.00", balance(fund, "410101"));
            ApiClient.Reply after = api().get("/api/v1/funds/" + fund).as(accountant).send();
            assertEquals("0.00", after.text("cash"));
            assertEquals("0.00", after.text("unrestricted"));
            ApiClient.Reply tbAfter = api().get("/api/v1/ledger/funds/" + fund + "/trial-balance").as(accountant).send();
            assertEquals("0.00", tbAfter.text("totalDebit"));
            assertEquals("0.00", tbAfter.text("totalCredit"));

            ApiClient.Reply verify = api().get("/api/v1/ledger/verify").as(accountant).send();
            assertTrue(verify.json().get("ok").asBoolean(), verify::toString);
            assertEquals(journalBefore + 2, verify.json().get("transactions").asLong());
            assertEquals(reversal.text("hash"), verify.text("headHash"));
            assertTrue(verify.json().get("firstBrokenTransactionId").isNull());
        }

        @Test
        @DisplayName("when the trial balance is asked as of a time before the gift then the gift is not in it")
        void asOf() {
            String fund = newFund();
            api().post("/api/v1/ledger/transactions").as(accountant).key(key())
                    .body(entry(fund, "gift", "2026-05-10T10:00:00+08:00",
                            List.of(debit("1002", "80.00"), credit("410101", "80.00")))).send();
            ApiClient.Reply before = api().get("/api/v1/ledger/funds/" + fund + "/trial-balance?asOf=2026-05-09").as(accountant).send();
            assertEquals(200, before.status(), before::toString);
            assertEquals("0.00", before.text("totalDebit"));
            assertEquals("2026-05-09T23:59:59.999999+08:00", before.text("asOf"));
            ApiClient.Reply on = api().get("/api/v1/ledger/funds/" + fund + "/accounts/1002/balance?asOf=2026-05-10")
                    .as(accountant).send();
            assertEquals("80.00", on.text("balance"));
        }

        @Test
        @DisplayName("when an entry is dated in the future then it is refused with 422 and nothing is booked")
        void futureDated() {
            String fund = newFund();
            ApiClient.Reply reply = api().post("/api/v1/ledger/transactions").as(accountant).key(key())
                    .body(entry(fund, "pledged for 2099", "2099-01-01T00:00:00+08:00",
                            List.of(debit("1002", "40.00"), credit("410101", "40.00")))).send();
            assertEquals(422, reply.status());
            assertEquals("https://mingzhang.org/problems/transaction-must-not-be-dated-in-the-future", reply.text("type"));
            assertEquals("0.00", balance(fund, "1002"));
            ApiClient.Reply then = api().get("/api/v1/ledger/funds/" + fund + "/accounts/1002/balance?asOf=2099-01-01")
                    .as(accountant).send();
            assertEquals("0.00", then.text("balance"));
        }
    }

    @Nested
    @DisplayName("when an entry is repeated with the same Idempotency-Key then it is booked once")
    class Idempotency {
        @Test
        @DisplayName("when the body is the same then the same 201 answer and the same transaction")
        void sameBody() {
            String fund = newFund();
            String key = key();
            Map<String, Object> body = entry(fund, "gift", List.of(debit("1002", "20.00"), credit("410101", "20.00")));
            ApiClient.Reply first = api().post("/api/v1/ledger/transactions").as(accountant).key(key).body(body).send();
            long before = journalSize();
            ApiClient.Reply again = api().post("/api/v1/ledger/transactions").as(accountant).key(key).body(body).send();
            assertEquals(201, again.status(), again::toString);
            assertEquals(first.json(), again.json(), "the replay answers exactly as the first time");
            assertEquals(first.header("Location"), again.header("Location"));
            assertEquals("true", again.header("Idempotent-Replayed"));
            assertEquals(before, journalSize());
            assertEquals("20.00", balance(fund, "1002"));
        }

        @Test
        @DisplayName("when the body differs then 409 and nothing is booked")
        void otherBody() {
            String fund = newFund();
            String key = key();
            api().post("/api/v1/ledger/transactions").as(accountant).key(key)
                    .body(entry(fund, "gift", List.of(debit("1002", "20.00"), credit("410101", "20.00")))).send();
            long before = journalSize();
            ApiClient.Reply other = api().post("/api/v1/ledger/transactions").as(accountant).key(key)
                    .body(entry(fund, "gift", List.of(debit("1002", "21.00"), credit("410101", "21.00")))).send();
            assertProblem(other, 409);
            assertEquals("idempotency-key-must-match-content", problemType(other));
            assertEquals(before, journalSize());
            assertEquals("20.00", balance(fund, "1002"));
        }

        @Test
        @DisplayName("when a reversal is repeated with its key then it is reversed once and answered the same")
        void reversalReplay() {
            String fund = newFund();
            long id = donate(accountant, fund, "9.00").json().get("id").asLong();
            String key = key();
            ApiClient.Reply first = api().post("/api/v1/ledger/transactions/" + id + "/reverse").as(accountant).key(key)
                    .body(Map.of("reason", "typo")).send();
            ApiClient.Reply again = api().post("/api/v1/ledger/transactions/" + id + "/reverse").as(accountant).key(key)
                    .body(Map.of("reason", "typo")).send();
            assertEquals(201, again.status(), again::toString);
            assertEquals(first.json(), again.json());
            assertEquals("0.00", balance(fund, "1002"));
        }
    }

    @Nested
    @DisplayName("when the journal is listed then it pages by cursor and filters by fund and time")
    class Listing {
        @Test
        void pages() {
            String fund = newFund();
            for (int i = 1; i <= 3; i++) {
                donate(accountant, fund, i + ".00");
            }
            ApiClient.Reply first = api().get("/api/v1/ledger/transactions?fundCode=" + fund + "&limit=2").as(accountant).send();
            assertEquals(200, first.status(), first::toString);
            assertEquals(2, first.json().get("items").size());
            String cursor = first.text("nextCursor");
            assertNotNull(cursor);
            ApiClient.Reply second = api().get("/api/v1/ledger/transactions?fundCode=" + fund + "&limit=2&cursor=" + cursor)
                    .as(accountant).send();
            assertEquals(1, second.json().get("items").size());
            assertEquals("3.00", second.json().get("items").get(0).get("amount").asText());
            assertTrue(second.json().get("nextCursor").isNull(), second::toString);
            assertNotEquals(first.json().get("items").get(0).get("id"), second.json().get("items").get(0).get("id"));

            ApiClient.Reply one = api().get("/api/v1/ledger/transactions/" + cursor).as(accountant).send();
            assertEquals(200, one.status(), one::toString);
            assertEquals(fund, one.text("fundCode"));
        }

        @Test
        @DisplayName("when the page size is above the limit then 400 naming limit")
        void pageLimit() {
            ApiClient.Reply reply = api().get("/api/v1/ledger/transactions?limit=501").as(accountant).send();
            assertProblem(reply, 400);
            assertEquals(List.of("limit"), errorFields(reply));
            ApiClient.Reply notANumber = api().get("/api/v1/ledger/transactions?limit=abc").as(accountant).send();
            assertProblem(notANumber, 400);
            assertEquals(List.of("limit"), errorFields(notANumber));
        }

        @Test
        @DisplayName("when a transaction or fund does not exist then 404")
        void unknown() {
            assertProblem(api().get("/api/v1/ledger/transactions/999999").as(accountant).send(), 404);
            assertProblem(api().get("/api/v1/ledger/transactions?fundCode=NOPE").as(accountant).send(), 404);
            assertProblem(api().get("/api/v1/funds/NOPE").as(accountant).send(), 404);
            assertProblem(api().get("/api/v1/ledger/funds/NOPE/trial-balance").as(accountant).send(), 404);
        }
    }

    private static JsonNode line(ApiClient.Reply tb, String code) {
        for (JsonNode l : tb.json().get("accounts")) {
            if (l.get("code").asText().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no line " + code + " in " + tb);
    }
}
