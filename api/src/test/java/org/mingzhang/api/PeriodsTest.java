package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Closing the books (结账). After March 2025 is closed, nothing may be dated inside it: a new entry
 * dated in March is a 422 and writes nothing, while a correction of a March entry is booked as a
 * reversal dated now, in the open period. Periods are named as people name them, in China Standard Time.
 */
@MicronautTest
class PeriodsTest extends ApiTestBase {

    String accountant;

    @BeforeAll
    void accountant() {
        accountant = userWith("ACCOUNTANT");
    }

    ApiClient.Reply close(String fund, String period) {
        return api().post("/api/v1/ledger/funds/" + fund + "/close-period").as(accountant)
                .body(Map.of("period", period)).send();
    }

    @Nested
    @DisplayName("when March 2025 is closed then nothing may be dated inside it, and corrections are dated now")
    class ClosedMonth {
        @Test
        void closedMonth() {
            String fund = newFund();
            ApiClient.Reply march = api().post("/api/v1/ledger/transactions").as(accountant).key(key())
                    .body(entry(fund, "March gift", "2025-03-10T09:00:00+08:00",
                            List.of(debit("1002", "300.00"), credit("410101", "300.00")))).send();
            assertEquals(201, march.status(), march::toString);

            ApiClient.Reply closed = close(fund, "2025-03");
            assertEquals(200, closed.status(), closed::toString);
            assertEquals("2025-03-31T23:59:59.999999+08:00", closed.text("closedThrough"));
            assertEquals(fund, closed.text("code"));

            long before = journalSize();
            ApiClient.Reply late = api().post("/api/v1/ledger/transactions").as(accountant).key(key())
                    .body(entry(fund, "late March gift", "2025-03-31T23:59:00+08:00",
                            List.of(debit("1002", "50.00"), credit("410101", "50.00")))).send();
            assertProblem(late, 422);
            assertEquals("period-must-be-open", problemType(late));
            assertEquals(List.of("occurredAt"), errorFields(late));
            assertEquals(before, journalSize());
            assertEquals("300.00", balance(fund, "1002"));

            ApiClient.Reply april = api().post("/api/v1/ledger/transactions").as(accountant).key(key())
                    .body(entry(fund, "April gift", "2025-04-01T00:00:00+08:00",
                            List.of(debit("1002", "50.00"), credit("410101", "50.00")))).send();
            assertEquals(201, april.status(), "the first instant after the period is open: " + april);

            ApiClient.Reply reversal = api().post("/api/v1/ledger/transactions/" + march.json().get("id").asLong() + "/reverse")
                    .as(accountant).key(key()).body(Map.of("reason", "donor asked for a refund")).send();
            assertEquals(201, reversal.status(), reversal::toString);
            OffsetDateTime dated = OffsetDateTime.parse(reversal.text("occurredAt"));
            assertTrue(Duration.between(dated, OffsetDateTime.now()).abs().toMinutes() < 5,
                    "the reversal is dated now, not in March: " + reversal.text("occurredAt"));
            assertEquals("50.00", balance(fund, "1002"));

            ApiClient.Reply backdated = api().post("/api/v1/ledger/transactions/" + april.json().get("id").asLong() + "/reverse")
                    .as(accountant).key(key()).body(Map.of("reason", "x", "occurredAt", "2025-03-15T10:00:00+08:00")).send();
            assertProblem(backdated, 422);
            assertEquals("period-must-be-open", problemType(backdated));
        }
    }

    @Nested
    @DisplayName("when a period is named then it is a year, a month or a quarter in China Standard Time")
    class Naming {
        @Test
        @DisplayName("when a quarter or a year is closed then the books close through its last instant")
        void quarterAndYear() {
            String fund = newFund();
            ApiClient.Reply q = close(fund, "2024-Q3");
            assertEquals(200, q.status(), q::toString);
            assertEquals("2024-09-30T23:59:59.999999+08:00", q.text("closedThrough"));
            ApiClient.Reply y = close(fund, "2024");
            assertEquals("2024-12-31T23:59:59.999999+08:00", y.text("closedThrough"));
        }

        @Test
        @DisplayName("when the period is not a year, month or quarter then 400 naming period")
        void malformed() {
            String fund = newFund();
            for (String period : List.of("2025-13", "March", "2025-Q5", "2025-03-31")) {
                ApiClient.Reply reply = close(fund, period);
                assertProblem(reply, 400);
                assertEquals(List.of("period"), errorFields(reply));
            }
        }

        @Test
        @DisplayName("when the period has not ended or is closed already then 422")
        void refused() {
            String fund = newFund();
            ApiClient.Reply future = close(fund, String.valueOf(OffsetDateTime.now().getYear() + 1));
            assertProblem(future, 422);
            assertEquals("period-must-have-ended", problemType(future));
            assertEquals(200, close(fund, "2024").status());
            ApiClient.Reply again = close(fund, "2024-06");
            assertProblem(again, 422);
            assertEquals("period-must-not-be-closed-already", problemType(again));
        }

        @Test
        @DisplayName("when the fund does not exist then 404, and an AUDITOR may not close books")
        void unknownFundAndRole() {
            assertProblem(close("NOSUCHFUND", "2024"), 404);
            ApiClient.Reply auditor = api().post("/api/v1/ledger/funds/" + newFund() + "/close-period")
                    .as(userWith("AUDITOR")).body(Map.of("period", "2024")).send();
            assertProblem(auditor, 403);
        }
    }
}
