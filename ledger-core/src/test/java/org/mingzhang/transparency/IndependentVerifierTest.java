package org.mingzhang.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gift's proof ({@link RealProof}) checked by an independent implementation: Go's own
 * {@code golang.org/x/mod/sumdb/note} (C2SP signed notes, Ed25519) and {@code golang.org/x/mod/sumdb/tlog} (RFC 6962:
 * {@code RecordHash} is SHA-256(0x00 ‖ data), {@code CheckRecord} checks an audit path, {@code CheckTree} a consistency
 * proof), through the small program {@code src/test/go/checkproof/main.go}. tlog takes both proofs in RFC 6962 order, as
 * Mingzhang writes them, so nothing is converted. Go accepts the real proof and the consistency of an earlier checkpoint,
 * and refuses a changed root, signature, key, path hash and consistency hash.
 *
 * <p>Go and the sources come from Debian ({@code golang-go}, {@code golang-golang-x-mod-dev}) and build offline. Where
 * they are missing the test is skipped, unless the system property {@code mingzhang.test.independent} is
 * {@code required} (CI), where it fails.
 */
class IndependentVerifierTest {

    static final Path SOURCE = Path.of("src/test/go/checkproof/main.go");
    /** Where Debian puts Go sources; {@code mingzhang.test.gopath} names another GOPATH that holds golang.org/x/mod. */
    static final Path GOPATH = Path.of(System.getProperty("mingzhang.test.gopath", "/usr/share/gocode"));
    static final Path X_MOD = GOPATH.resolve("src/golang.org/x/mod/sumdb");
    static final Path BINARY = Path.of("target/go/checkproof").toAbsolutePath();

    static RealProof real;
    /** What keeps the Go check from running here, or null. */
    static String missing;

    @BeforeAll
    static void buildGoChecker() throws Exception {
        missing = missing();
        if (missing != null) {
            if ("required".equals(System.getProperty("mingzhang.test.independent"))) {
                Assertions.fail(missing + ": install the Debian packages golang-go and golang-golang-x-mod-dev"
                        + " (mingzhang.test.independent=required)");
            }
            return;
        }
        Files.createDirectories(BINARY.getParent());
        Result build = run(List.of("go", "build", "-o", BINARY.toString(), SOURCE.toAbsolutePath().toString()));
        assertThat(build.exit()).as("go build: %s", build.err()).isZero();
        real = RealProof.book();
    }

    /** Each test is skipped, with the reason, where Go is missing (a class-level skip would not show in the reports). */
    @BeforeEach
    void requireGo() {
        Assumptions.assumeTrue(missing == null, () -> missing + ": install the Debian packages golang-go and"
                + " golang-golang-x-mod-dev to check proofs with Go's sumdb/note and sumdb/tlog");
    }

    /** What keeps the Go check from running, or null. */
    private static String missing() {
        if (!Files.isDirectory(X_MOD.resolve("note")) || !Files.isDirectory(X_MOD.resolve("tlog"))) {
            return "golang.org/x/mod/sumdb/{note,tlog} not found under " + GOPATH;
        }
        try {
            return run(List.of("go", "version")).exit() == 0 ? null : "`go version` failed";
        } catch (IOException e) {
            return "no `go` command";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("GO111MODULE", "off");
        pb.environment().put("GOPATH", GOPATH.toString());
        pb.environment().put("GOCACHE", Path.of("target/go/cache").toAbsolutePath().toString());
        pb.environment().put("GOFLAGS", "");
        Path out = Files.createTempFile("checkproof", ".out");
        Path err = Files.createTempFile("checkproof", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @TempDir
    Path dir;

    /** Runs Go's check on the proof's parts as files and arguments. */
    Result goCheck(String vkey, String note, List<String> path, String oldNote, List<String> consistency) throws Exception {
        Files.writeString(dir.resolve("note"), note, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("path"), String.join("\n", path) + "\n");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-vkey", vkey, "-note", dir.resolve("note").toString(),
                "-leaf", real.proof().transactionHash(), "-index", String.valueOf(real.proof().leafIndex()),
                "-path", dir.resolve("path").toString()));
        if (oldNote != null) {
            Files.writeString(dir.resolve("old-note"), oldNote, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("consistency"), String.join("\n", consistency) + "\n");
            command.addAll(List.of("-old-note", dir.resolve("old-note").toString(), "-consistency", dir.resolve("consistency").toString()));
        }
        return run(command);
    }

    Result goCheck(String note) throws Exception {
        return goCheck(real.key().verifierKey(), note, real.proof().inclusion(), null, null);
    }

    static String flipLastByte(String base64) {
        byte[] b = Base64.getDecoder().decode(base64);
        b[b.length - 1] ^= 1;
        return Base64.getEncoder().encodeToString(b);
    }

    @Nested
    @DisplayName("Go's sumdb/note and sumdb/tlog")
    class Go {

        @Test
        @DisplayName("when given the real proof then Go opens the checkpoint with the key and CheckRecord accepts the audit path")
        void acceptsTheRealProof() throws Exception {
            Result r = goCheck(real.proof().checkpoint());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("signature ok: " + RealProof.ORIGIN, "inclusion ok: leaf " + real.proof().leafIndex()
                    + " of " + real.proof().treeSize());
            assertThat(TraceProofCheck.of(real.proof(), real.verifier()).verdict()).isEqualTo(TraceProofCheck.Verdict.VERIFIED);
        }

        @Test
        @DisplayName("when given an earlier checkpoint and MerkleTree's consistency proof then CheckTree accepts it, and refuses a changed hash")
        void consistency() throws Exception {
            List<String> proof = real.consistency();
            assertThat(proof).isNotEmpty();
            Result r = goCheck(real.key().verifierKey(), real.proof().checkpoint(), real.proof().inclusion(), real.earlierCheckpoint(), proof);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("consistency ok: " + real.proof().treeSize() + " extends " + real.earlierSize());

            List<String> changed = new ArrayList<>(proof);
            changed.set(0, flipLastByte(changed.getFirst()));
            Result refused = goCheck(real.key().verifierKey(), real.proof().checkpoint(), real.proof().inclusion(),
                    real.earlierCheckpoint(), changed);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("consistency", "invalid transparency proof");
        }

        @Test
        @DisplayName("when the root is changed in the note then Go refuses the signature; when the key signed another root then CheckRecord refuses")
        void tamperedRoot() throws Exception {
            String note = real.proof().checkpoint();
            String text = SignedNote.open(note, real.verifier());
            Checkpoint cp = Checkpoint.parse(text);
            byte[] root = cp.rootHash();
            root[0] ^= 1;
            String otherText = new Checkpoint(cp.origin(), cp.size(), root).text();

            Result edited = goCheck(note.replace(text, otherText));
            assertThat(edited.exit()).isEqualTo(1);
            assertThat(edited.err()).contains("the checkpoint's signature", "invalid signature");

            Result signed = goCheck(SignedNote.sign(otherText, real.key()));
            assertThat(signed.exit()).isEqualTo(1);
            assertThat(signed.err()).contains("inclusion of leaf", "invalid transparency proof");
        }

        @Test
        @DisplayName("when a byte of the signature is changed, or another key is trusted, then Go refuses the note")
        void tamperedSignature() throws Exception {
            String note = real.proof().checkpoint();
            int space = note.lastIndexOf(' ');
            String signature = note.substring(space + 1, note.length() - 1);
            Result changed = goCheck(note.substring(0, space + 1) + flipLastByte(signature) + "\n");
            assertThat(changed.exit()).isEqualTo(1);
            assertThat(changed.err()).contains("invalid signature");

            String otherKey = NoteKey.generate(RealProof.ORIGIN).verifierKey();
            Result other = goCheck(otherKey, note, real.proof().inclusion(), null, null);
            assertThat(other.exit()).isEqualTo(1);
            assertThat(other.err()).contains("the checkpoint's signature");
        }

        @Test
        @DisplayName("when one hash of the audit path is changed then CheckRecord refuses it")
        void tamperedPath() throws Exception {
            List<String> path = new ArrayList<>(real.proof().inclusion());
            path.set(1, flipLastByte(path.get(1)));
            Result r = goCheck(real.key().verifierKey(), real.proof().checkpoint(), path, null, null);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("invalid transparency proof");
        }
    }
}
