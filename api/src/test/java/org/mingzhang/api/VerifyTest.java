package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Verifying the hash chain over HTTP, as an accountant's script and an auditor call it: by default from the last
 * checkpoint (a fresh journal has none yet, so from its first transaction), and in full with {@code ?full=true}; both
 * answers keep the fields API.md promises and say which check was made. The checkpoints themselves, and tampering, are
 * proved on both databases in the store suite ({@code CheckpointsAndPeriodsSuite}).
 */
@MicronautTest
class VerifyTest extends ApiTestBase {

    @Test
    @DisplayName("when the chain is verified by default and in full then both agree on the chain and say which check they made")
    void quickAndFull() {
        String accountant = userWith("ACCOUNTANT");
        String fund = newFund();
        ApiClient.Reply first = donate(accountant, fund, "10.00");
        ApiClient.Reply last = donate(accountant, fund, "20.00");
        assertEquals(201, last.status(), last::toString);

        ApiClient.Reply quick = api().get("/api/v1/ledger/verify").as(accountant).send();
        assertEquals(200, quick.status(), quick::toString);
        assertTrue(quick.json().get("ok").asBoolean(), quick::toString);
        assertEquals(last.text("hash"), quick.text("headHash"));
        assertTrue(quick.json().get("firstBrokenTransactionId").isNull(), quick::toString);
        assertFalse(quick.json().get("full").asBoolean(), quick::toString);
        assertEquals(0, quick.json().get("checkpoints").asLong(), "no checkpoint before the 1,000th transaction");
        assertTrue(quick.json().get("firstBrokenCheckpointId").isNull(), quick::toString);
        long transactions = quick.json().get("transactions").asLong();
        assertTrue(transactions >= 2, quick::toString);
        assertEquals(transactions, quick.json().get("transactionsRehashed").asLong(), "without a checkpoint, from the first");
        assertTrue(quick.json().get("fromTransactionId").asLong() <= first.json().get("id").asLong(), quick::toString);

        String auditor = userWith("AUDITOR");
        ApiClient.Reply full = api().get("/api/v1/ledger/verify?full=true").as(auditor).send();
        assertEquals(200, full.status(), full::toString);
        assertTrue(full.json().get("ok").asBoolean(), full::toString);
        assertTrue(full.json().get("full").asBoolean(), full::toString);
        assertEquals(transactions, full.json().get("transactions").asLong());
        assertEquals(transactions, full.json().get("transactionsRehashed").asLong());
        assertEquals(last.text("hash"), full.text("headHash"));
        assertEquals(1, full.json().get("fromTransactionId").asLong());
    }

    @Test
    @DisplayName("when full is neither true nor false then 400 naming the field, not a quick check in its place")
    void fullMustBeABoolean() {
        ApiClient.Reply reply = api().get("/api/v1/ledger/verify?full=yes").as(ADMIN_TOKEN).send();
        assertProblem(reply, 400);
        assertEquals(List.of("full"), errorFields(reply));
    }
}
