package org.mingzhang.api.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.TransactionFields;
import org.mingzhang.money.Money;
import org.mingzhang.transparency.NoteKey;
import org.mingzhang.transparency.RealProof;
import org.mingzhang.transparency.TraceProof;

/**
 * {@code java -jar mingzhang.jar verify <trace.json> <key>}, run in-process on a saved answer in the contract's shape
 * (GET /api/v1/public/trace/{traceCode}) made from a real proof: gifts booked on H2 through the real deciders, the
 * journal's chain hashes as the log, a checkpoint signed with a new key ({@link RealProof}). The untouched answer
 * verifies (exit 0) with the key given as text or as a file; each kind of tampering fails (exit 1) with the check and
 * the values that give it away; a gift no checkpoint covers yet exits 3; wrong arguments and unreadable input exit 2.
 */
class VerifyCommandTest {

    static RealProof real;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void book() {
        real = RealProof.book();
    }

    /** The trace answer as the contract writes it, with this proof. */
    static ObjectNode answer() {
        TraceProof p = real.proof();
        TransactionFields t = p.transaction();
        ObjectNode root = JSON.createObjectNode().put("traceCode", real.gift().traceCode());
        root.putObject("donation").put("receiptNo", p.receiptNo()).put("date", "2026-05-02").put("amount", Money.format(p.amountFen()))
                .put("refunded", "0.00").put("donor", "张*明").put("fund", "TXSQ").put("fundName", "社区基金")
                .put("project", t.references().project()).put("projectName", "楼道照明");
        root.putObject("match").put("amount", "0.00").putNull("pool").putNull("poolName");
        root.putArray("uses");
        root.put("unspent", Money.format(p.amountFen())).put("projectStatus", "FUNDRAISING").put("projectStale", false);
        root.putArray("documents");
        ObjectNode proof = root.putObject("proof").put("transactionHash", p.transactionHash()).put("leafIndex", p.leafIndex())
                .put("treeSize", p.treeSize());
        ArrayNode inclusion = proof.putArray("inclusion");
        p.inclusion().forEach(inclusion::add);
        proof.put("checkpoint", p.checkpoint());
        ObjectNode tx = proof.putObject("transaction").put("format", p.format()).put("id", t.id())
                .put("idempotencyKey", t.idempotencyKey()).put("requestHash", t.requestHash()).put("fundId", t.fundId())
                .put("kind", t.kind()).put("phase", t.phase()).put("memo", t.memo()).put("occurredAtMicros", t.occurredAtMicros())
                .put("recordedAtMicros", t.recordedAtMicros()).put("reversesId", t.reversesId()).put("pendingId", t.pendingId());
        tx.putObject("references").put("gift", t.references().gift()).put("disbursement", t.references().disbursement())
                .put("pool", t.references().pool()).put("project", t.references().project());
        tx.put("recordedBy", t.recordedBy()).put("prevHash", t.prevHash());
        ArrayNode legs = tx.putArray("legs");
        for (Leg leg : t.legs()) {
            legs.addObject().put("legNo", leg.legNo()).put("fundId", leg.fundId()).put("debitAccountId", leg.debitAccountId())
                    .put("creditAccountId", leg.creditAccountId()).put("amountFen", leg.amountFen()).put("posted", leg.posted());
        }
        return root;
    }

    static ObjectNode proof(ObjectNode answer) {
        return (ObjectNode) answer.get("proof");
    }

    static ObjectNode transaction(ObjectNode answer) {
        return (ObjectNode) proof(answer).get("transaction");
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Saves the answer as a donor would with curl, and runs the command on it with the log's verifier key. */
    Run verify(ObjectNode answer) throws Exception {
        return verify(answer, real.key().verifierKey());
    }

    Run verify(ObjectNode answer, String key) throws Exception {
        Path file = dir.resolve("trace.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer), StandardCharsets.UTF_8);
        return run(file.toString(), key);
    }

    /** Asserts a failure (exit 1): a ✗ line for the check, and a verdict line in both languages that carries the detail. */
    static void assertFails(Run run, String check, String detail) {
        assertEquals(VerifyCommand.FAILED, run.exit(), run::toString);
        assertTrue(run.out().contains("✗ " + check), run::out);
        String verdict = run.out().lines().filter(l -> l.startsWith("验证失败")).findFirst().orElse("");
        assertTrue(verdict.contains(" FAILED: ") && verdict.contains(detail), run::out);
        assertFalse(run.out().contains("VERIFIED"), run::out);
    }

    static String flipLastByte(String base64) {
        byte[] b = Base64.getDecoder().decode(base64);
        b[b.length - 1] ^= 1;
        return Base64.getEncoder().encodeToString(b);
    }

    @Nested
    @DisplayName("a saved answer, untouched")
    class Untouched {

        @Test
        @DisplayName("when the key is given as text then every check passes and the verdict is VERIFIED in both languages, exit 0")
        void keyText() throws Exception {
            Run run = verify(answer());
            assertEquals(VerifyCommand.VERIFIED, run.exit(), run::toString);
            assertEquals(6, run.out().lines().filter(l -> l.startsWith("✓ ")).count(), run::out);
            assertTrue(run.out().contains("✓ the inclusion proof leads to the checkpoint's root / 包含证明通向检查点的根哈希: leaf "
                    + real.proof().leafIndex() + " of " + real.proof().treeSize()), run::out);
            assertTrue(run.out().contains("验证通过") && run.out().contains("VERIFIED"), run::out);
            assertTrue(run.out().startsWith("gift " + real.gift().receiptNo() + ", 4000.00 yuan; key " + RealProof.ORIGIN), run::out);
            assertEquals("", run.err());
        }

        @Test
        @DisplayName("when the key is a file saved from GET /public/key then it verifies the same")
        void keyFile() throws Exception {
            Path key = dir.resolve("log.key");
            Files.writeString(key, real.key().verifierKey() + "\n");
            assertEquals(VerifyCommand.VERIFIED, verify(answer(), key.toString()).exit());
        }

        @Test
        @DisplayName("when the server leaves out null fields then they read as null, which the hash encodes alike, and it verifies")
        void nullsLeftOut() throws Exception {
            ObjectNode answer = answer();
            transaction(answer).remove(List.of("reversesId", "pendingId"));
            ((ObjectNode) transaction(answer).get("references")).remove(List.of("disbursement", "pool"));
            assertEquals(VerifyCommand.VERIFIED, verify(answer).exit());
        }
    }

    @Nested
    @DisplayName("a tampered answer")
    class Tampered {

        @Test
        @DisplayName("when the gift's amount is changed then the gift check fails with both amounts, exit 1")
        void amount() throws Exception {
            ObjectNode answer = answer();
            ((ObjectNode) answer.get("donation")).put("amount", "3000.00");
            assertFails(verify(answer), "the transaction books this gift",
                    "the gift's amount 3000.00 is not what the transaction moved (4000.00)");
        }

        @Test
        @DisplayName("when a leg's amountFen is changed then the transaction no longer hashes to transactionHash")
        void legAmount() throws Exception {
            ObjectNode answer = answer();
            ((ObjectNode) transaction(answer).get("legs").get(0)).put("amountFen", 300_000);
            Run run = verify(answer);
            assertFails(run, "the transaction's fields hash to transactionHash", "transactionHash does not match the transaction's fields");
            assertTrue(run.out().contains("- not checked: the inclusion proof leads to the checkpoint's root"), run::out);
        }

        @Test
        @DisplayName("when transactionHash is changed then the recomputed hash is printed beside it")
        void hash() throws Exception {
            ObjectNode answer = answer();
            String original = real.proof().transactionHash();
            String changed = (original.charAt(0) == 'f' ? "e" : "f") + original.substring(1);
            proof(answer).put("transactionHash", changed);
            assertFails(verify(answer), "the transaction's fields hash to transactionHash",
                    "transactionHash does not match the transaction's fields (recomputed " + original + ", the proof says " + changed + ")");
        }

        @Test
        @DisplayName("when the memo is changed then the transaction no longer hashes to transactionHash")
        void memo() throws Exception {
            ObjectNode answer = answer();
            transaction(answer).put("memo", "捐赠 gift");
            assertFails(verify(answer), "the transaction's fields hash to transactionHash", "transactionHash does not match");
        }

        @Test
        @DisplayName("when one hash of the inclusion proof is changed then it does not lead to the checkpoint's root")
        void inclusion() throws Exception {
            ObjectNode answer = answer();
            ArrayNode path = (ArrayNode) proof(answer).get("inclusion");
            path.set(0, flipLastByte(path.get(0).asText()));
            assertFails(verify(answer), "the inclusion proof leads to the checkpoint's root",
                    "the inclusion proof does not lead to the checkpoint's root");
        }

        @Test
        @DisplayName("when the tree size is changed then it is said to differ from the checkpoint's")
        void treeSize() throws Exception {
            ObjectNode answer = answer();
            proof(answer).put("treeSize", real.proof().treeSize() - 1);
            assertFails(verify(answer), "the proof's tree size is the checkpoint's", "treeSize " + (real.proof().treeSize() - 1)
                    + " differs from the checkpoint's size " + real.proof().treeSize());
        }

        @Test
        @DisplayName("when the checkpoint's root or a byte of its signature is changed then its signature does not verify with the key")
        void checkpoint() throws Exception {
            String note = real.proof().checkpoint();
            String root = note.split("\n")[2];
            ObjectNode rootChanged = answer();
            proof(rootChanged).put("checkpoint", note.replace(root, flipLastByte(root)));
            assertFails(verify(rootChanged), "the checkpoint is signed by the trusted key",
                    "the checkpoint's signature does not verify with key " + RealProof.ORIGIN);

            int space = note.lastIndexOf(' ');
            ObjectNode signatureChanged = answer();
            proof(signatureChanged).put("checkpoint", note.substring(0, space + 1)
                    + flipLastByte(note.substring(space + 1, note.length() - 1)) + "\n");
            assertFails(verify(signatureChanged), "the checkpoint is signed by the trusted key", "the note was changed");
        }

        @Test
        @DisplayName("when another key is trusted then the checkpoint carries no signature of it")
        void otherKey() throws Exception {
            NoteKey other = NoteKey.generate("someone.else/log");
            assertFails(verify(answer(), other.verifierKey()), "the checkpoint is signed by the trusted key",
                    "the note carries no signature of someone.else/log");
        }

        @Test
        @DisplayName("when a field has the wrong type then the proof is malformed, exit 1")
        void malformed() throws Exception {
            ObjectNode answer = answer();
            ((ObjectNode) transaction(answer).get("legs").get(0)).put("amountFen", "400000");
            Run run = verify(answer);
            assertEquals(VerifyCommand.FAILED, run.exit(), run::toString);
            assertTrue(run.out().contains("FAILED: the answer's proof is malformed: proof.transaction.legs[0].amountFen is not a whole number"),
                    run::out);
        }
    }

    @Nested
    @DisplayName("a gift no checkpoint covers yet")
    class NotYet {

        @Test
        @DisplayName("when leafIndex, inclusion and checkpoint are null then the hash and gift are checked and it exits 3")
        void notYet() throws Exception {
            ObjectNode answer = answer();
            proof(answer).putNull("leafIndex").putNull("inclusion").putNull("checkpoint").putNull("treeSize");
            Run run = verify(answer);
            assertEquals(VerifyCommand.NOT_YET, run.exit(), run::toString);
            assertEquals(2, run.out().lines().filter(l -> l.startsWith("✓ ")).count(), run::out);
            assertTrue(run.out().contains("尚未纳入检查点") && run.out().contains("NOT YET IN A CHECKPOINT"), run::out);
        }

        @Test
        @DisplayName("when such an answer's amount is changed then it fails, exit 1")
        void notYetTampered() throws Exception {
            ObjectNode answer = answer();
            proof(answer).putNull("leafIndex").putNull("inclusion").putNull("checkpoint");
            ((ObjectNode) answer.get("donation")).put("amount", "4000.01");
            assertFails(verify(answer), "the transaction books this gift", "the gift's amount 4000.01 is not what the transaction moved");
        }
    }

    @Nested
    @DisplayName("wrong arguments or unreadable input")
    class Usage {

        @Test
        @DisplayName("when there are not two arguments then the usage is printed, exit 2")
        void arguments() {
            Run run = run("trace.json");
            assertEquals(VerifyCommand.USAGE, run.exit());
            assertTrue(run.err().contains("usage: java -jar mingzhang.jar verify <trace.json> <key>"), run::err);
        }

        @Test
        @DisplayName("when the file is missing, not JSON or not a trace answer, or the key is not a verifier key, then exit 2")
        void unreadable() throws Exception {
            String key = real.key().verifierKey();
            assertEquals(VerifyCommand.USAGE, run(dir.resolve("none.json").toString(), key).exit());
            Path notJson = Files.writeString(dir.resolve("page.html"), "<html>");
            Run run = run(notJson.toString(), key);
            assertEquals(VerifyCommand.USAGE, run.exit());
            assertTrue(run.err().contains("is not JSON"), run::err);
            Path other = Files.writeString(dir.resolve("other.json"), "{\"items\": []}");
            assertTrue(run(other.toString(), key).err().contains("is not a trace answer"));
            Path trace = Files.writeString(dir.resolve("trace.json"), JSON.writeValueAsString(answer()));
            Run badKey = run(trace.toString(), "not-a-key");
            assertEquals(VerifyCommand.USAGE, badKey.exit());
            assertTrue(badKey.err().contains("the key is not a verifier key"), badKey::err);
        }
    }
}
