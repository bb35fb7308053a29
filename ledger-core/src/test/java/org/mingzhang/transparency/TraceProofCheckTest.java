package org.mingzhang.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.journal.ChainHash;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.References;
import org.mingzhang.journal.TransactionFields;
import org.mingzhang.transparency.TraceProofCheck.Check;
import org.mingzhang.transparency.TraceProofCheck.Verdict;

/**
 * The offline check of a gift's proof, on a real proof: gifts booked on H2 through the real deciders, the journal's
 * stored chain hashes as the log's leaves, a checkpoint signed with a new key ({@link RealProof}). The untouched proof
 * verifies; every kind of tampering a donor's saved answer could suffer (the amount, a leg, the hash, the chained
 * fields, the path, the index, the size, the checkpoint's root, its signature, the key) fails at the check that names
 * it, with the values concerned; a gift no checkpoint covers yet is said to be so.
 */
class TraceProofCheckTest {

    static RealProof real;

    @BeforeAll
    static void book() {
        real = RealProof.book();
    }

    static TraceProofCheck check(TraceProof proof) {
        return TraceProofCheck.of(proof, real.verifier());
    }

    static TraceProofCheck.Step failure(TraceProof proof) {
        TraceProofCheck result = check(proof);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.steps().getLast()).isEqualTo(result.failure().orElseThrow());
        return result.failure().orElseThrow();
    }

    static TraceProof with(TraceProof p, long amountFen, String receiptNo) {
        return new TraceProof(receiptNo, amountFen, p.format(), p.transaction(), p.transactionHash(), p.leafIndex(), p.treeSize(),
                p.inclusion(), p.checkpoint());
    }

    static TraceProof with(TraceProof p, TransactionFields t, String hash) {
        return new TraceProof(p.receiptNo(), p.amountFen(), p.format(), t, hash, p.leafIndex(), p.treeSize(), p.inclusion(),
                p.checkpoint());
    }

    static TraceProof with(TraceProof p, Long leafIndex, Long treeSize, List<String> inclusion, String checkpoint) {
        return new TraceProof(p.receiptNo(), p.amountFen(), p.format(), p.transaction(), p.transactionHash(), leafIndex, treeSize,
                inclusion, checkpoint);
    }

    static TransactionFields with(TransactionFields t, String memo, String prevHash, List<Leg> legs) {
        return new TransactionFields(t.id(), t.idempotencyKey(), t.requestHash(), t.fundId(), t.kind(), t.phase(), memo,
                t.occurredAtMicros(), t.recordedAtMicros(), t.reversesId(), t.pendingId(), t.references(), t.recordedBy(),
                prevHash, legs);
    }

    @Nested
    @DisplayName("a real gift's proof")
    class Untouched {

        @Test
        @DisplayName("when nothing is changed then every check passes, in order, and the gift is verified")
        void verifies() {
            TraceProof proof = real.proof();
            TraceProofCheck result = check(proof);

            assertThat(result.verdict()).isEqualTo(Verdict.VERIFIED);
            assertThat(result.failure()).isEmpty();
            assertThat(result.steps()).extracting(TraceProofCheck.Step::check).containsExactly(Check.values());
            assertThat(result.steps().get(0).detail()).isEqualTo("signed by " + RealProof.ORIGIN + "+"
                    + "%08x".formatted(real.key().keyId()));
            assertThat(result.steps().get(4).detail()).contains(real.gift().receiptNo(), "4000.00");
            assertThat(proof.transaction().references().project()).as("a restricted gift: the hash covers its project").isNotNull();
            assertThat(proof.treeSize()).isEqualTo(real.journal().size()).isGreaterThan(proof.leafIndex());
        }

        @Test
        @DisplayName("when the proof is read from the journal then its hash is the journal's own, recomputed by the one encoding")
        void sameEncodingAsTheJournal() {
            real.journal().forEach(t -> assertThat(ChainHash.of(TransactionFields.of(t))).isEqualTo(t.hash()).isEqualTo(ChainHash.of(t)));
        }
    }

    @Nested
    @DisplayName("a changed amount")
    class Amounts {

        @Test
        @DisplayName("when the answer's gift amount is changed then the gift check says what the transaction moved")
        void giftAmount() {
            TraceProofCheck.Step step = failure(with(real.proof(), 3_000_00, real.proof().receiptNo()));
            assertThat(step.check()).isEqualTo(Check.GIFT);
            assertThat(step.detail()).isEqualTo("the gift's amount 3000.00 is not what the transaction moved (4000.00)");
        }

        @Test
        @DisplayName("when a leg's amountFen is changed then the transaction's fields no longer hash to transactionHash")
        void legAmount() {
            TransactionFields t = real.proof().transaction();
            Leg leg = t.legs().getFirst();
            TransactionFields changed = with(t, t.memo(), t.prevHash(), List.of(new Leg(leg.legNo(), leg.fundId(),
                    leg.debitAccountId(), leg.creditAccountId(), 3_000_00, leg.posted())));
            TraceProofCheck.Step step = failure(with(with(real.proof(), changed, real.proof().transactionHash()), 3_000_00,
                    real.proof().receiptNo()));
            assertThat(step.check()).isEqualTo(Check.TRANSACTION_HASH);
            assertThat(step.detail()).startsWith("transactionHash does not match the transaction's fields (recomputed "
                    + ChainHash.of(changed));
        }

        @Test
        @DisplayName("when a leg and the hash are changed together then the hash no longer leads to the signed root")
        void consistentForgery() {
            TransactionFields t = real.proof().transaction();
            Leg leg = t.legs().getFirst();
            TransactionFields changed = with(t, t.memo(), t.prevHash(), List.of(new Leg(leg.legNo(), leg.fundId(),
                    leg.debitAccountId(), leg.creditAccountId(), 40_000_00, leg.posted())));
            TraceProofCheck.Step step = failure(with(with(real.proof(), changed, ChainHash.of(changed)), 40_000_00,
                    real.proof().receiptNo()));
            assertThat(step.check()).isEqualTo(Check.INCLUSION);
            assertThat(step.detail()).startsWith("the inclusion proof does not lead to the checkpoint's root");
        }

        @Test
        @DisplayName("when the receipt number is another gift's then the gift check says the memo does not name it")
        void receipt() {
            String other = real.gift().receiptNo().replaceFirst("\\d$", "9");
            TraceProofCheck.Step step = failure(with(real.proof(), real.proof().amountFen(), other));
            assertThat(step.check()).isEqualTo(Check.GIFT);
            assertThat(step.detail()).isEqualTo("the transaction's memo \"捐赠 gift " + real.gift().receiptNo()
                    + "\" does not name receipt " + other);
        }
    }

    @Nested
    @DisplayName("a changed transaction")
    class Transaction {

        @Test
        @DisplayName("when transactionHash is changed then the recomputed hash is named beside it")
        void hash() {
            String original = real.proof().transactionHash();
            String changed = (original.charAt(0) == '0' ? "1" : "0") + original.substring(1);
            TraceProofCheck.Step step = failure(with(real.proof(), real.proof().transaction(), changed));
            assertThat(step.check()).isEqualTo(Check.TRANSACTION_HASH);
            assertThat(step.detail()).isEqualTo("transactionHash does not match the transaction's fields (recomputed " + original
                    + ", the proof says " + changed + ")");
        }

        @Test
        @DisplayName("when the previous transaction's hash or the memo is changed then the fields no longer hash to transactionHash")
        void chainedFields() {
            TransactionFields t = real.proof().transaction();
            String prev = (t.prevHash().charAt(63) == 'a' ? t.prevHash().substring(0, 63) + "b" : t.prevHash().substring(0, 63) + "a");
            for (TransactionFields changed : List.of(with(t, t.memo(), prev, t.legs()), with(t, t.memo() + " ", t.prevHash(), t.legs()))) {
                TraceProofCheck.Step step = failure(with(real.proof(), changed, real.proof().transactionHash()));
                assertThat(step.check()).isEqualTo(Check.TRANSACTION_HASH);
                assertThat(step.detail()).startsWith("transactionHash does not match the transaction's fields");
            }
        }

        @Test
        @DisplayName("when the transaction names another project then the fields no longer hash to transactionHash")
        void project() {
            TransactionFields t = real.proof().transaction();
            TransactionFields changed = new TransactionFields(t.id(), t.idempotencyKey(), t.requestHash(), t.fundId(), t.kind(),
                    t.phase(), t.memo(), t.occurredAtMicros(), t.recordedAtMicros(), t.reversesId(), t.pendingId(),
                    new References(t.references().gift(), null, null, null), t.recordedBy(), t.prevHash(), t.legs());
            assertThat(failure(with(real.proof(), changed, real.proof().transactionHash())).check()).isEqualTo(Check.TRANSACTION_HASH);
        }
    }

    @Nested
    @DisplayName("a changed proof")
    class Proof {

        @Test
        @DisplayName("when one hash of the inclusion path is changed then the path does not lead to the root")
        void inclusionHash() {
            List<String> path = new ArrayList<>(real.proof().inclusion());
            byte[] hash = Base64.getDecoder().decode(path.get(1));
            hash[31] ^= 1;
            path.set(1, Base64.getEncoder().encodeToString(hash));
            TraceProof p = real.proof();
            TraceProofCheck.Step step = failure(with(p, p.leafIndex(), p.treeSize(), path, p.checkpoint()));
            assertThat(step.check()).isEqualTo(Check.INCLUSION);
            assertThat(step.detail()).isEqualTo("the inclusion proof does not lead to the checkpoint's root (leaf 3 of 7, 3 hashes)");
        }

        @Test
        @DisplayName("when the leaf index is moved, or out of the tree, then the path does not lead to the root")
        void leafIndex() {
            TraceProof p = real.proof();
            assertThat(failure(with(p, p.leafIndex() + 1, p.treeSize(), p.inclusion(), p.checkpoint())).detail())
                    .startsWith("the inclusion proof does not lead to the checkpoint's root (leaf 4 of 7");
            assertThat(failure(with(p, 7L, p.treeSize(), p.inclusion(), p.checkpoint())).detail())
                    .isEqualTo("leafIndex 7 is not in a tree of 7");
        }

        @Test
        @DisplayName("when treeSize is changed then it is said to differ from the checkpoint's size")
        void treeSize() {
            TraceProof p = real.proof();
            TraceProofCheck.Step step = failure(with(p, p.leafIndex(), 8L, p.inclusion(), p.checkpoint()));
            assertThat(step.check()).isEqualTo(Check.TREE_SIZE);
            assertThat(step.detail()).isEqualTo("treeSize 8 differs from the checkpoint's size 7");
        }

        @Test
        @DisplayName("when an inclusion hash is not base64 of 32 bytes then it is named")
        void malformedHash() {
            TraceProof p = real.proof();
            List<String> path = new ArrayList<>(p.inclusion());
            path.set(2, "AAAA");
            assertThat(failure(with(p, p.leafIndex(), p.treeSize(), path, p.checkpoint())).detail())
                    .isEqualTo("inclusion hash 2 is not base64 of 32 bytes: AAAA");
        }
    }

    @Nested
    @DisplayName("a changed checkpoint")
    class Checkpoints {

        @Test
        @DisplayName("when the checkpoint's root is edited in the note then its signature does not verify")
        void root() {
            TraceProof p = real.proof();
            String text = SignedNote.open(p.checkpoint(), real.verifier());
            Checkpoint original = Checkpoint.parse(text);
            byte[] root = original.rootHash();
            root[0] ^= 1;
            String edited = p.checkpoint().replace(text, new Checkpoint(original.origin(), original.size(), root).text());
            TraceProofCheck.Step step = failure(with(p, p.leafIndex(), p.treeSize(), p.inclusion(), edited));
            assertThat(step.check()).isEqualTo(Check.SIGNATURE);
            assertThat(step.detail()).isEqualTo("the checkpoint's signature does not verify with key " + RealProof.ORIGIN + "+"
                    + "%08x".formatted(real.key().keyId()) + ": the signature of " + RealProof.ORIGIN
                    + " does not verify: the note was changed");
        }

        @Test
        @DisplayName("when the key signed a checkpoint of another tree of the same size then the path does not lead to its root")
        void otherTreeSignedByTheKey() {
            TraceProof p = real.proof();
            byte[] root = MerkleTree.root(real.tree(), real.tree().size());
            root[5] ^= 1;
            String other = SignedNote.sign(new Checkpoint(RealProof.ORIGIN, p.treeSize(), root).text(), real.key());
            TraceProofCheck.Step step = failure(with(p, p.leafIndex(), p.treeSize(), p.inclusion(), other));
            assertThat(step.check()).isEqualTo(Check.INCLUSION);
        }

        @Test
        @DisplayName("when a byte of the signature is changed then the signature does not verify")
        void signatureByte() {
            TraceProof p = real.proof();
            String note = p.checkpoint();
            int dash = note.lastIndexOf("\u2014 ");
            String line = note.substring(dash, note.length() - 1);
            String b64 = line.substring(line.lastIndexOf(' ') + 1);
            byte[] blob = Base64.getDecoder().decode(b64);
            blob[blob.length - 1] ^= 0x20;
            String edited = note.substring(0, dash) + line.replace(b64, Base64.getEncoder().encodeToString(blob)) + "\n";
            TraceProofCheck.Step step = failure(with(p, p.leafIndex(), p.treeSize(), p.inclusion(), edited));
            assertThat(step.check()).isEqualTo(Check.SIGNATURE);
            assertThat(step.detail()).endsWith("does not verify: the note was changed");
        }

        @Test
        @DisplayName("when the donor trusts another key, even of the same name, then the checkpoint carries no signature of it")
        void otherKey() {
            NoteKey other = NoteKey.generate(RealProof.ORIGIN);
            TraceProofCheck result = TraceProofCheck.of(real.proof(), NoteKey.verifier(other.verifierKey()));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.steps()).hasSize(1);
            assertThat(result.failure().orElseThrow().detail()).isEqualTo("the checkpoint's signature does not verify with key "
                    + RealProof.ORIGIN + "+" + "%08x".formatted(other.keyId()) + ": the note carries no signature of "
                    + RealProof.ORIGIN + " (" + "%08x".formatted(other.keyId()) + ")");
        }
    }

    @Nested
    @DisplayName("a gift no checkpoint covers yet")
    class NotYet {

        @Test
        @DisplayName("when leafIndex, inclusion and checkpoint are null then the hash and the gift are checked and it is not yet in a checkpoint")
        void awaiting() {
            TraceProof p = with(real.proof(), null, null, null, null);
            TraceProofCheck result = check(p);
            assertThat(result.verdict()).isEqualTo(Verdict.NOT_YET_IN_CHECKPOINT);
            assertThat(result.steps()).extracting(TraceProofCheck.Step::check).containsExactly(Check.TRANSACTION_HASH, Check.GIFT);
            assertThat(result.failure()).isEmpty();
        }

        @Test
        @DisplayName("when such a proof's amount is changed then it fails all the same")
        void awaitingTampered() {
            TraceProof p = with(with(real.proof(), null, null, null, null), 1_00, real.proof().receiptNo());
            assertThat(failure(p).detail()).isEqualTo("the gift's amount 1.00 is not what the transaction moved (4000.00)");
        }

        @Test
        @DisplayName("when only the checkpoint is dropped then the proof is partial and fails")
        void partial() {
            TraceProof p = real.proof();
            TraceProofCheck.Step step = failure(with(p, p.leafIndex(), p.treeSize(), p.inclusion(), null));
            assertThat(step.check()).isEqualTo(Check.SIGNATURE);
            assertThat(step.detail()).isEqualTo("the proof gives a leaf index or an inclusion path but no checkpoint");
        }
    }

    @Test
    @DisplayName("when the transaction hash is upper-case hex then it is refused as not the chain's form")
    void hexForm() {
        TraceProof p = real.proof();
        assertThat(failure(with(p, p.transaction(), p.transactionHash().toUpperCase())).detail())
                .startsWith("transactionHash is not 64 lower-case hex digits");
        assertThat(HexFormat.of().parseHex(p.transactionHash())).hasSize(32);
    }
}
