package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.money.Money;

/**
 * Issue 11, finding 1: manual entries of the largest amounts into two funds once made every sum across accounts
 * overflow, and the trial balance of all funds answered 500 for everyone from then on. Now the books hold at most
 * {@link LedgerLimits#BOOKED_FEN_MAX} in all: the entry that would pass it is a 422 naming the limit, and every total
 * the API adds up still answers. A class of its own: its books end up full.
 */
@MicronautTest
@DisplayName("Finding 1: the books' total has a limit, and every sum of totals answers")
class BooksLimitTest extends ApiTestBase {

    static final String LINE = Money.format(Money.FEN_MAX);
    static final int LINES_PER_SIDE = 100;

    @Test
    void theEntryPastTheLimitIsRefusedAndEverySumStillAnswers() {
        String accountant = userWith("ACCOUNTANT");
        List<String> funds = List.of(newFund(), newFund());
        long entryFen = LINES_PER_SIDE * Money.FEN_MAX;
        int fits = (int) (LedgerLimits.BOOKED_FEN_MAX / entryFen);
        ApiClient.Reply refused = null;
        int booked = 0;
        for (int i = 0; i <= fits && refused == null; i++) {
            String fund = funds.get(i % 2);
            List<Map<String, Object>> postings = new ArrayList<>();
            for (int j = 0; j < LINES_PER_SIDE; j++) {
                postings.add(debit("1002", LINE));
                postings.add(credit("410101", LINE));
            }
            ApiClient.Reply reply = api().post("/api/v1/ledger/transactions").as(accountant).key(key())
                    .body(entry(fund, "the largest lines", postings)).send();
            if (reply.status() == 201) {
                booked++;
            } else {
                refused = reply;
            }
        }
        assertTrue(refused != null, "an entry past " + Money.format(LedgerLimits.BOOKED_FEN_MAX) + " in all is refused");
        assertEquals(fits, booked, "every entry that fits the limit is taken: " + refused);
        assertProblem(refused, 422);
        assertEquals("books-total-must-not-exceed-max", problemType(refused), refused::toString);
        long before = journalSize();

        ApiClient.Reply all = api().get("/api/v1/ledger/trial-balance").as(accountant).send();
        assertEquals(200, all.status(), all::toString);
        ApiClient.Reply list = api().get("/api/v1/funds").as(accountant).send();
        assertEquals(200, list.status(), list::toString);
        long bankFen = 0;
        for (String fund : funds) {
            bankFen += new BigDecimal(balance(fund, "1002")).movePointRight(2).longValueExact(); // past one amount's limit
        }
        assertEquals(booked * entryFen, bankFen, "the two banks hold what was booked");
        assertEquals(before, journalSize(), "reading writes nothing");
    }
}
