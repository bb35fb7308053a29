package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mingzhang.transparency.Checkpoint;
import org.mingzhang.transparency.MerkleTree;
import org.mingzhang.transparency.NoteKey;
import org.mingzhang.transparency.SignedNote;

/**
 * The transparency log over HTTP, as a donor's or an auditor's tool sees it: the key is one line in the signed-note form
 * and was made in the data directory, readable by its owner only; before any checkpoint the public answer says so; an
 * accountant publishes one, which opens with the key and covers every transaction; a second request without a new
 * transaction gives the same note; a closed period publishes one; consistency proofs between the checkpoints verify, and
 * impossible sizes are refused by name. Only accountants and administrators may publish.
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransparencyLogApiTest extends ApiTestBase {

    static final String CHECKPOINT = "/api/v1/public/checkpoint";
    static final String PUBLISH = "/api/v1/ledger/checkpoints";

    String accountant;
    NoteKey key;

    @BeforeAll
    void setUp() {
        accountant = userWith("ACCOUNTANT");
        ApiClient.Reply reply = api().get("/api/v1/public/key").send();
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/plain"), reply::toString);
        assertTrue(reply.body().matches("[^+\\s]+\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}\n"), reply.body());
        key = NoteKey.verifier(reply.body().strip());
    }

    /** The latest checkpoint, opened with the served key. */
    Checkpoint latest() {
        ApiClient.Reply reply = api().get(CHECKPOINT).send();
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/plain"), reply::toString);
        return Checkpoint.parse(SignedNote.open(reply.body(), key));
    }

    @Test
    @Order(1)
    @DisplayName("when no checkpoint was published yet then the public answer is a 404 that says how one comes")
    void noneYet() {
        JsonNode problem = assertProblem(api().get(CHECKPOINT).send(), 404);
        assertTrue(problem.get("detail").asText().contains("POST /api/v1/ledger/checkpoints"), problem::toString);
    }

    @Test
    @Order(2)
    @DisplayName("when the service first started then it made its log key in the data directory, for its owner only")
    void keyFile() throws Exception {
        var file = dataDir().resolve("log-key");
        assertTrue(Files.readString(file).startsWith("PRIVATE+KEY+" + key.name() + "+"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    @Order(3)
    @DisplayName("when an accountant publishes then the note opens with the key, covers every transaction, and publishing "
            + "again without a new transaction answers the same note")
    void publish() {
        String fund = newFund();
        assertEquals(201, donate(accountant, fund, "100.00").status());
        ApiClient.Reply published = api().post(PUBLISH).as(accountant).send();
        assertEquals(201, published.status(), published::toString);
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(published.body(), key));
        assertEquals(journalSize(), checkpoint.size());
        assertEquals(key.name(), checkpoint.origin());
        assertEquals(checkpoint, latest());

        ApiClient.Reply again = api().post(PUBLISH).as(accountant).send();
        assertEquals(200, again.status(), again::toString);
        assertEquals(published.body(), again.body());
    }

    @Test
    @Order(4)
    @DisplayName("when a period is closed then a checkpoint of the books as closed is published")
    void afterClose() {
        String fund = newFund();
        assertEquals(201, donate(accountant, fund, "50.00").status());
        long before = latest().size();
        ApiClient.Reply closed = api().post("/api/v1/ledger/funds/" + fund + "/close-period").as(accountant)
                .body(Map.of("period", "2025-03")).send();
        assertEquals(200, closed.status(), closed::toString);
        Checkpoint after = latest();
        assertTrue(after.size() > before, after + " after " + before);
        assertEquals(journalSize(), after.size());
    }

    @Test
    @Order(5)
    @DisplayName("when the log grew between checkpoints then each later one is proved to extend each earlier one")
    void consistency() {
        String fund = newFund();
        List<Checkpoint> checkpoints = new ArrayList<>();
        checkpoints.add(latest());
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i <= round; i++) {
                assertEquals(201, donate(accountant, fund, "1.0" + i).status());
            }
            assertEquals(201, api().post(PUBLISH).as(accountant).send().status());
            checkpoints.add(latest());
        }
        for (Checkpoint from : checkpoints) {
            for (Checkpoint to : checkpoints) {
                if (from.size() > to.size()) {
                    continue;
                }
                ApiClient.Reply reply = api().get(CHECKPOINT + "/consistency?from=" + from.size() + "&to=" + to.size()).send();
                assertEquals(200, reply.status(), reply::toString);
                assertEquals(from.size(), reply.json().get("from").asLong());
                List<byte[]> proof = new ArrayList<>();
                reply.json().get("proof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
                assertTrue(MerkleTree.verifyConsistency(from.size(), to.size(), from.rootHash(), to.rootHash(), proof),
                        from.size() + " to " + to.size());
            }
        }
    }

    @Nested
    @DisplayName("when the request is wrong")
    class Refusals {

        @Test
        @DisplayName("then impossible sizes are a 400 naming the parameter and its value")
        void sizes() {
            long size = journalSize();
            for (String[] c : new String[][] {{"from=abc&to=1", "from", "abc"}, {"from=1", "to", "required"},
                    {"from=-1&to=1", "from", "-1"}, {"from=3&to=2", "from", "3"}, {"from=0&to=" + (size + 1), "to", "" + (size + 1)},
                    {"from=0&to=99999999999999999999", "to", "99999999999999999999"}}) {
                JsonNode problem = assertProblem(api().get(CHECKPOINT + "/consistency?" + c[0]).send(), 400);
                assertEquals(c[1], problem.get("errors").get(0).get("field").asText(), problem::toString);
                assertTrue(problem.get("errors").get(0).get("message").asText().contains(c[2]), problem::toString);
            }
        }

        @Test
        @DisplayName("then publishing needs an accountant's or an administrator's token")
        void roles() {
            assertProblem(api().post(PUBLISH).send(), 401);
            assertProblem(api().post(PUBLISH).as(userWith("COMMITTEE")).send(), 403);
        }
    }
}
