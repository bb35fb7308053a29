package org.mingzhang.api.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.References;
import org.mingzhang.journal.TransactionFields;
import org.mingzhang.money.Money;
import org.mingzhang.money.MoneyFormatException;
import org.mingzhang.transparency.NoteKey;
import org.mingzhang.transparency.TraceProof;
import org.mingzhang.transparency.TraceProofCheck;

/**
 * {@code java -jar mingzhang.jar verify <trace.json> <key>}: checks a saved public trace answer offline against the log's
 * verifier key ({@link TraceProofCheck}), and prints each check with ✓ or ✗ and a verdict in Chinese and English. It
 * reads two inputs and nothing else: no server starts, no data directory or database is touched, nothing goes over the
 * network, so an auditor may run it anywhere. See docs/reference/verifying-a-trace.md.
 *
 * <p>Exit codes: {@link #VERIFIED} 0, {@link #FAILED} 1 (a check fails, or the answer's proof is malformed: either may be
 * tampering), {@link #USAGE} 2 (wrong arguments, a file that cannot be read, not JSON, not a trace answer, not a verifier
 * key), {@link #NOT_YET} 3 (what can be checked holds, but no checkpoint covers the gift yet).
 */
public final class VerifyCommand {

    /** The first argument that selects this command instead of the server. */
    public static final String NAME = "verify";
    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_YET = 3;
    /** A trace answer is a few kilobytes; anything far larger is not one. */
    static final long INPUT_BYTES_MAX = 1 << 20;
    private static final String USAGE_TEXT = """
            usage: java -jar mingzhang.jar verify <trace.json> <key>
              <trace.json>  the answer of GET /api/v1/public/trace/{traceCode}, saved to a file
              <key>         the log's verifier key (GET /api/v1/public/key), or a file holding it
            exit: 0 verified, 1 tampered or invalid, 2 usage or unreadable input, 3 not yet in a checkpoint""";

    private VerifyCommand() {
    }

    /** Why the input cannot be checked at all (exit 2), as opposed to a proof that fails (exit 1). */
    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** A trace answer whose proof is not in the contract's form: it cannot verify, which is a failure (exit 1). */
    private static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /**
     * Runs the command on its arguments (those after {@code verify}), writing the checks to {@code out} and problems with
     * the input to {@code err}; returns the exit code.
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        NoteKey key;
        JsonNode answer;
        try {
            key = key(args.get(1));
            answer = answer(args.get(0));
        } catch (Unreadable e) {
            err.println("verify: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        TraceProof proof;
        try {
            proof = proof(answer);
        } catch (Malformed e) {
            out.println("✗ the answer's proof is malformed: " + e.getMessage());
            out.println("验证失败：证明的格式不对。 FAILED: the answer's proof is malformed: " + e.getMessage());
            return FAILED;
        }
        TraceProofCheck result = TraceProofCheck.of(proof, key);
        out.println("gift " + proof.receiptNo() + ", " + Money.format(proof.amountFen()) + " yuan; key " + key.name() + "+"
                + "%08x".formatted(key.keyId()));
        List<TraceProofCheck.Check> run = new ArrayList<>();
        for (TraceProofCheck.Step step : result.steps()) {
            run.add(step.check());
            out.println((step.passed() ? "✓ " : "✗ ") + step.check().title() + " / " + step.check().titleZh() + ": " + step.detail());
        }
        if (result.verdict() != TraceProofCheck.Verdict.NOT_YET_IN_CHECKPOINT) {
            for (TraceProofCheck.Check check : TraceProofCheck.Check.values()) {
                if (!run.contains(check)) {
                    out.println("- not checked: " + check.title() + " / " + check.titleZh());
                }
            }
        }
        return switch (result.verdict()) {
            case VERIFIED -> {
                out.println("验证通过：这笔捐赠的记账交易在该密钥签名的检查点中。 VERIFIED: the checkpoint signed by the key holds"
                        + " the transaction that booked this gift.");
                yield VERIFIED;
            }
            case FAILED -> {
                TraceProofCheck.Step failed = result.failure().orElseThrow();
                out.println("验证失败：未通过“" + failed.check().titleZh() + "”。 FAILED: " + failed.detail());
                yield FAILED;
            }
            case NOT_YET_IN_CHECKPOINT -> {
                out.println("尚未纳入检查点：交易哈希与捐赠已核对，请在下一个检查点发布后再查。 NOT YET IN A CHECKPOINT: the"
                        + " transaction's hash and the gift check out; no signed checkpoint covers it yet, so ask again after"
                        + " the next one.");
                yield NOT_YET;
            }
        };
    }

    /** The verifier key: the text of the argument's file if there is one, else the argument itself. */
    private static NoteKey key(String arg) throws Unreadable {
        String text = arg;
        Path file = path(arg);
        if (file != null && Files.isRegularFile(file)) {
            text = read(file).strip();
        }
        try {
            return NoteKey.verifier(text.strip());
        } catch (IllegalArgumentException e) {
            throw new Unreadable("the key is not a verifier key (<name>+<8 hex digits>+<base64 key>): " + e.getMessage());
        }
    }

    private static JsonNode answer(String arg) throws Unreadable {
        Path file = path(arg);
        if (file == null || !Files.isRegularFile(file)) {
            throw new Unreadable("no file " + arg);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(read(file));
        } catch (JsonProcessingException e) {
            throw new Unreadable(arg + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("proof").isObject() || !root.path("donation").isObject()) {
            throw new Unreadable(arg + " is not a trace answer: it has no \"donation\" and \"proof\" objects");
        }
        return root;
    }

    private static Path path(String arg) {
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String read(Path file) throws Unreadable {
        try {
            if (Files.size(file) > INPUT_BYTES_MAX) {
                throw new Unreadable(file + " is larger than " + INPUT_BYTES_MAX + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The proof in the answer, field by field as the contract writes it; a field of the wrong type is malformed. */
    static TraceProof proof(JsonNode answer) throws Malformed {
        JsonNode donation = answer.path("donation");
        JsonNode proof = answer.path("proof");
        JsonNode t = object(proof, "transaction", "proof.");
        long amountFen;
        try {
            amountFen = Money.parse(text(donation, "amount", "donation.", true)).fen();
        } catch (MoneyFormatException e) {
            throw new Malformed("donation." + e.getMessage());
        }
        List<String> inclusion = null;
        JsonNode path = proof.path("inclusion");
        if (!path.isMissingNode() && !path.isNull()) {
            if (!path.isArray()) {
                throw new Malformed("proof.inclusion is not an array");
            }
            inclusion = new ArrayList<>();
            for (JsonNode hash : path) {
                if (!hash.isTextual()) {
                    throw new Malformed("proof.inclusion holds a " + hash.getNodeType() + ", not a base64 string");
                }
                inclusion.add(hash.asText());
            }
        }
        try {
            JsonNode refs = object(t, "references", "proof.transaction.");
            References references = new References(text(refs, "gift", "references.", false), text(refs, "disbursement",
                    "references.", false), text(refs, "pool", "references.", false), text(refs, "project", "references.", false));
            String in = "proof.transaction.";
            TransactionFields fields = new TransactionFields(number(t, "id", in, true), text(t, "idempotencyKey", in, false),
                    text(t, "requestHash", in, false), number(t, "fundId", in, true), text(t, "kind", in, true),
                    text(t, "phase", in, true), text(t, "memo", in, false), number(t, "occurredAtMicros", in, false),
                    number(t, "recordedAtMicros", in, false), number(t, "reversesId", in, false), number(t, "pendingId", in, false),
                    references, text(t, "recordedBy", in, false), text(t, "prevHash", in, false), legs(t));
            return new TraceProof(text(donation, "receiptNo", "donation.", true), amountFen, text(t, "format", in, true), fields,
                    text(proof, "transactionHash", "proof.", true), number(proof, "leafIndex", "proof.", false),
                    number(proof, "treeSize", "proof.", false), inclusion, text(proof, "checkpoint", "proof.", false));
        } catch (IllegalArgumentException e) {
            throw new Malformed(e.getMessage());
        }
    }

    private static List<Leg> legs(JsonNode t) throws Malformed {
        JsonNode legs = t.path("legs");
        if (!legs.isArray()) {
            throw new Malformed("proof.transaction.legs is not an array");
        }
        List<Leg> out = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            JsonNode leg = legs.get(i);
            String in = "proof.transaction.legs[" + i + "].";
            if (!leg.isObject()) {
                throw new Malformed("proof.transaction.legs[" + i + "] is not an object");
            }
            long legNo = number(leg, "legNo", in, true);
            if (legNo != (int) legNo) {
                throw new Malformed(in + "legNo is out of range: " + legNo);
            }
            JsonNode posted = leg.path("posted");
            if (!posted.isBoolean()) {
                throw new Malformed(in + "posted is not true or false");
            }
            out.add(new Leg((int) legNo, number(leg, "fundId", in, true), number(leg, "debitAccountId", in, true),
                    number(leg, "creditAccountId", in, true), number(leg, "amountFen", in, true), posted.booleanValue()));
        }
        return out;
    }

    private static JsonNode object(JsonNode node, String field, String in) throws Malformed {
        JsonNode value = node.path(field);
        if (!value.isObject()) {
            throw new Malformed(in + field + " is not an object");
        }
        return value;
    }

    /** A string field; a missing field reads as null (the hash encodes both alike) unless it is required. */
    private static String text(JsonNode node, String field, String in, boolean required) throws Malformed {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw new Malformed(in + field + " is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new Malformed(in + field + " is a " + value.getNodeType() + ", not a string");
        }
        return value.asText();
    }

    private static Long number(JsonNode node, String field, String in, boolean required) throws Malformed {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw new Malformed(in + field + " is missing");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Malformed(in + field + " is not a whole number: " + value);
        }
        return value.longValue();
    }
}
