package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every way a manual entry can be refused, and what the accountant sees: a 400 naming the field for
 * malformed input, a 422 naming the rule for a well-formed entry the ledger refuses, a 409 for a
 * conflict. Each case also proves the refusal wrote nothing: the journal holds as many transactions
 * afterwards as before, and the fund's bank balance is as it was.
 */
@MicronautTest
class RefusalsTest extends ApiTestBase {

    static final String ENTRIES = "/api/v1/ledger/transactions";

    String accountant;
    String fund;
    long journalBefore;
    String bankBefore;

    @BeforeAll
    void accountant() {
        accountant = userWith("ACCOUNTANT");
    }

    @BeforeEach
    void freshFund() {
        fund = newFund();
        assertEquals(201, donate(accountant, fund, "100.00").status());
        journalBefore = journalSize();
        bankBefore = balance(fund, "1002");
    }

    /** Posts a raw body and checks that it was refused with this status and wrote nothing. */
    ApiClient.Reply refused(Object body, int status) {
        ApiClient.Reply reply = api().post(ENTRIES).as(accountant).key(key()).body(body).send();
        assertProblem(reply, status);
        assertUnchanged();
        return reply;
    }

    void assertUnchanged() {
        assertEquals(journalBefore, journalSize(), "a refused request writes nothing to the journal");
        assertEquals(bankBefore, balance(fund, "1002"), "a refused request moves no money");
    }

    @Nested
    @DisplayName("when the entry is well formed but the ledger's rules refuse it then 422")
    class BusinessRules {
        @Test
        @DisplayName("when debits and credits differ then 422 transaction-must-balance")
        void unbalanced() {
            ApiClient.Reply reply = refused(entry(fund, "unbalanced",
                    List.of(debit("1002", "500.00"), credit("410101", "400.00"))), 422);
            assertEquals("transaction-must-balance", problemType(reply));
            assertTrue(reply.text("detail").contains("500.00") && reply.text("detail").contains("400.00"), reply::toString);
        }

        @Test
        @DisplayName("when an account does not exist then 422 naming the posting")
        void unknownAccount() {
            ApiClient.Reply reply = refused(entry(fund, "typo",
                    List.of(debit("1002", "5.00"), credit("9999", "5.00"))), 422);
            assertEquals("account-must-exist", problemType(reply));
            assertEquals(List.of("postings[1].accountCode"), errorFields(reply));
        }

        @Test
        @DisplayName("when the fund does not exist then 422 naming fundCode")
        void unknownFund() {
            ApiClient.Reply reply = refused(entry("NOSUCHFUND", "x",
                    List.of(debit("1002", "5.00"), credit("410101", "5.00"))), 422);
            assertEquals("fund-must-exist", problemType(reply));
            assertEquals(List.of("fundCode"), errorFields(reply));
        }

        @Test
        @DisplayName("when paying out would overdraw the guarded bank account then 422 and the bank keeps its 100.00")
        void overdraw() {
            ApiClient.Reply reply = refused(entry(fund, "pay supplier",
                    List.of(debit("5101", "100.01"), credit("1002", "100.01"))), 422);
            assertEquals("account-must-not-go-negative", problemType(reply));
            assertTrue(reply.text("detail").contains("100.00"), reply::toString);
        }

        @Test
        @DisplayName("when paying out exactly what the bank holds then it is booked")
        void exactlyTheBalance() {
            ApiClient.Reply reply = api().post(ENTRIES).as(accountant).key(key()).body(entry(fund, "pay supplier",
                    List.of(debit("5101", "100.00"), credit("1002", "100.00")))).send();
            assertEquals(201, reply.status(), reply::toString);
            assertEquals("0.00", balance(fund, "1002"));
        }
    }

    @Nested
    @DisplayName("when the entry is malformed then 400 naming what is wrong")
    class Malformed {
        @Test
        @DisplayName("when an amount has a third decimal then 400 naming postings[0].debit")
        void thirdDecimal() {
            ApiClient.Reply reply = refused(entry(fund, "x", List.of(debit("1002", "1.234"), credit("410101", "1.23"))), 400);
            assertEquals(List.of("postings[0].debit"), errorFields(reply));
            assertEquals("amount must have at most 2 decimals: 1.234", errorMessage(reply, "postings[0].debit"));
        }

        @Test
        @DisplayName("when an amount is a JSON number then 400 naming it: numbers are never taken for money")
        void numberAmount() {
            ApiClient.Reply reply = refused("{\"fundCode\":\"" + fund + "\",\"memo\":\"x\",\"postings\":["
                    + "{\"accountCode\":\"1002\",\"debit\":500.00},{\"accountCode\":\"410101\",\"credit\":\"500.00\"}]}", 400);
            assertEquals(List.of("postings[0].debit"), errorFields(reply));
            ApiClient.Reply integer = refused("{\"fundCode\":\"" + fund + "\",\"memo\":\"x\",\"postings\":["
                    + "{\"accountCode\":\"1002\",\"debit\":\"5\"},{\"accountCode\":\"410101\",\"credit\":5}]}", 400);
            assertEquals(List.of("postings[1].credit"), errorFields(integer));
        }

        @Test
        @DisplayName("when an amount is zero, negative or too large then 400 with the value quoted")
        void badAmounts() {
            for (String amount : List.of("0.00", "-5.00", "10000000000000.00", "1e3", "12,00", "")) {
                ApiClient.Reply reply = refused(entry(fund, "x", List.of(debit("1002", amount), credit("410101", "1.00"))), 400);
                assertEquals(List.of("postings[0].debit"), errorFields(reply), reply::toString);
            }
        }

        @Test
        @DisplayName("when the body is not JSON then 400 malformed-json")
        void malformedJson() {
            ApiClient.Reply reply = refused("{\"fundCode\": \"" + fund + "\", \"memo\": ", 400);
            assertEquals("malformed-json", problemType(reply));
            ApiClient.Reply garbage = refused("this is not json", 400);
            assertEquals("malformed-json", problemType(garbage));
        }

        @Test
        @DisplayName("when the body names a field twice then 400 naming it, and nothing is booked (issue 11, finding 4)")
        void duplicateKey() {
            // Read as the last value wins, this would book 777.00 while a proxy or a log that reads the first sees 5.00.
            ApiClient.Reply reply = refused("{\"fundCode\":\"" + fund + "\",\"memo\":\"x\",\"postings\":["
                    + "{\"accountCode\":\"1002\",\"debit\":\"5.00\",\"debit\":\"777.00\"},"
                    + "{\"accountCode\":\"410101\",\"credit\":\"777.00\"}]}", 400);
            assertEquals(List.of("postings[0].debit"), errorFields(reply), reply::toString);
            ApiClient.Reply top = refused("{\"fundCode\":\"" + fund + "\",\"memo\":\"x\",\"memo\":\"y\",\"postings\":["
                    + "{\"accountCode\":\"1002\",\"debit\":\"5.00\"},{\"accountCode\":\"410101\",\"credit\":\"5.00\"}]}", 400);
            assertEquals(List.of("memo"), errorFields(top), top::toString);
        }

        @Test
        @DisplayName("when the body has a field the API does not know then 400 naming it")
        void unknownField() {
            ApiClient.Reply reply = refused("{\"fundCode\":\"" + fund + "\",\"memo\":\"x\",\"postings\":["
                    + "{\"accountCode\":\"1002\",\"debit\":\"5.00\"},{\"accountCode\":\"410101\",\"credt\":\"5.00\"}]}", 400);
            assertEquals(List.of("postings[1].credt"), errorFields(reply));
        }

        @Test
        @DisplayName("when the Idempotency-Key header is missing then 400 naming it")
        void missingKey() {
            ApiClient.Reply reply = api().post(ENTRIES).as(accountant)
                    .body(entry(fund, "x", List.of(debit("1002", "5.00"), credit("410101", "5.00")))).send();
            assertProblem(reply, 400);
            assertEquals(List.of("Idempotency-Key"), errorFields(reply));
            assertUnchanged();
        }

        @Test
        @DisplayName("when the Idempotency-Key is longer than 200 characters then 400")
        void longKey() {
            ApiClient.Reply reply = api().post(ENTRIES).as(accountant).key("k".repeat(201))
                    .body(entry(fund, "x", List.of(debit("1002", "5.00"), credit("410101", "5.00")))).send();
            assertProblem(reply, 400);
            assertEquals(List.of("Idempotency-Key"), errorFields(reply));
            assertUnchanged();
        }

        @Test
        @DisplayName("when the Idempotency-Key starts with the ledger's own prefix 'mz:' then 400, so no client can take a match's key")
        void reservedKey() {
            ApiClient.Reply reply = api().post(ENTRIES).as(accountant).key("mz:match:POOL:PROJECT")
                    .body(entry(fund, "x", List.of(debit("1002", "5.00"), credit("410101", "5.00")))).send();
            assertProblem(reply, 400);
            assertEquals(List.of("Idempotency-Key"), errorFields(reply));
            assertUnchanged();
        }

        @Test
        @DisplayName("when the body is missing then 400")
        void missingBody() {
            ApiClient.Reply reply = api().post(ENTRIES).as(accountant).key(key()).send();
            assertProblem(reply, 400);
            assertUnchanged();
        }

        @Test
        @DisplayName("when required fields are missing then 400 listing each of them")
        void missingFields() {
            ApiClient.Reply reply = refused(Map.of("postings", List.of(debit("1002", "5.00"), Map.of("credit", "5.00"))), 400);
            assertEquals(List.of("fundCode", "memo", "postings[1].accountCode"), errorFields(reply));
        }

        @Test
        @DisplayName("when a posting has both or neither of debit and credit then 400 naming the posting")
        void bothSides() {
            Map<String, Object> both = new HashMap<>(debit("1002", "5.00"));
            both.put("credit", "5.00");
            ApiClient.Reply reply = refused(entry(fund, "x", List.of(both, Map.of("accountCode", "410101"))), 400);
            assertEquals(List.of("postings[0]", "postings[1]"), errorFields(reply));
        }

        @Test
        @DisplayName("when there are fewer than 2 or more than 200 postings then 400 naming the limit")
        void postingCount() {
            ApiClient.Reply one = refused(entry(fund, "x", List.of(debit("1002", "5.00"))), 400);
            assertEquals(List.of("postings"), errorFields(one));
            List<Map<String, Object>> many = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                many.add(debit("1002", "1.00"));
                many.add(credit("410101", "1.00"));
            }
            ApiClient.Reply tooMany = refused(entry(fund, "x", many), 400);
            assertTrue(errorMessage(tooMany, "postings").contains("at most 200"), tooMany::toString);
        }

        @Test
        @DisplayName("when the memo is longer than 500 characters then 400")
        void longMemo() {
            ApiClient.Reply reply = refused(entry(fund, "m".repeat(501), List.of(debit("1002", "5.00"), credit("410101", "5.00"))), 400);
            assertEquals(List.of("memo"), errorFields(reply));
        }

        @Test
        @DisplayName("when occurredAt has no offset then 400: whose ten o'clock?")
        void timeWithoutOffset() {
            ApiClient.Reply reply = refused(entry(fund, "x", "2026-05-01T10:00:00",
                    List.of(debit("1002", "5.00"), credit("410101", "5.00"))), 400);
            assertEquals(List.of("occurredAt"), errorFields(reply));
        }
    }

    @Nested
    @DisplayName("when a transaction is reversed twice then the second is a 409")
    class Reversals {
        @Test
        void twice() {
            long id = donate(accountant, fund, "7.00").json().get("id").asLong();
            ApiClient.Reply first = api().post(ENTRIES + "/" + id + "/reverse").as(accountant).key(key())
                    .body(Map.of("reason", "wrong fund")).send();
            assertEquals(201, first.status(), first::toString);
            journalBefore = journalSize();
            bankBefore = balance(fund, "1002");
            ApiClient.Reply second = api().post(ENTRIES + "/" + id + "/reverse").as(accountant).key(key())
                    .body(Map.of("reason", "wrong fund")).send();
            assertProblem(second, 409);
            assertEquals("transaction-must-not-be-reversed-twice", problemType(second));
            assertUnchanged();
        }

        @Test
        @DisplayName("when the transaction does not exist then 404")
        void unknown() {
            ApiClient.Reply reply = api().post(ENTRIES + "/987654/reverse").as(accountant).key(key())
                    .body(Map.of("reason", "x")).send();
            assertProblem(reply, 404);
            assertEquals("transaction-must-exist", problemType(reply));
            assertUnchanged();
        }

        @Test
        @DisplayName("when the reason is missing then 400")
        void noReason() {
            long id = donate(accountant, fund, "7.00").json().get("id").asLong();
            journalBefore = journalSize();
            bankBefore = balance(fund, "1002");
            ApiClient.Reply reply = api().post(ENTRIES + "/" + id + "/reverse").as(accountant).key(key())
                    .body(Map.of()).send();
            assertProblem(reply, 400);
            assertEquals(List.of("reason"), errorFields(reply));
            assertUnchanged();
        }
    }

    @Nested
    @DisplayName("when any request is refused then the body is a problem document without the server's insides")
    class NoInternals {
        @Test
        void everyRefusal() {
            List<ApiClient.Reply> replies = List.of(
                    api().post(ENTRIES).as(accountant).key(key()).body("[1,2").send(),
                    api().post(ENTRIES).as(accountant).key(key()).body("{\"fundCode\":{}}").send(),
                    api().post(ENTRIES).as(accountant).key(key()).body("{\"postings\":\"x\"}").send(),
                    api().post(ENTRIES).as(accountant).key(key()).body("[]").send(),
                    api().post(ENTRIES).as(accountant).key(key()).body("null").send(),
                    api().get(ENTRIES + "/not-a-number").as(accountant).send(),
                    api().get("/api/v1/ledger/funds/" + fund + "/trial-balance?consolidated=maybe").as(accountant).send(),
                    api().get("/api/v1/ledger/funds/" + fund + "/trial-balance?asOf=yesterday").as(accountant).send());
            for (ApiClient.Reply reply : replies) {
                assertTrue(reply.status() == 400, reply::toString);
                JsonNode problem = assertProblem(reply, 400);
                assertTrue(problem.get("detail").asText().length() < 500, reply::toString);
            }
            assertUnchanged();
        }
    }
}
