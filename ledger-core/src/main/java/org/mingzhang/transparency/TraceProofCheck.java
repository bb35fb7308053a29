package org.mingzhang.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.mingzhang.journal.ChainHash;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.TransactionFields;
import org.mingzhang.money.Money;

/**
 * The offline check of a gift's public proof against the log's verifier key: it trusts the key alone, never the server
 * that answered. Each check is named and run in order; the first that fails ends the check and says, in plain words and
 * with the values concerned, what does not hold. The order puts the key first, so that nothing is compared against a
 * checkpoint the key did not sign:
 * <ol>
 *   <li>{@link Check#SIGNATURE}: the checkpoint's note carries a valid signature of the trusted key;</li>
 *   <li>{@link Check#CHECKPOINT}: its text is a tlog checkpoint (origin, size, root);</li>
 *   <li>{@link Check#TREE_SIZE}: the proof's tree size is the checkpoint's;</li>
 *   <li>{@link Check#TRANSACTION_HASH}: the transaction's fields hash ({@link ChainHash}) to the transaction hash;</li>
 *   <li>{@link Check#GIFT}: the transaction is the gift's booking: a donation naming the receipt, moving its amount;</li>
 *   <li>{@link Check#INCLUSION}: the leaf hash of the transaction hash, at the leaf index, leads by the audit path to the
 *       checkpoint's root (RFC 9162, 2.1.3.2).</li>
 * </ol>
 * A proof no checkpoint covers yet (no leaf index, path or checkpoint) is checked as far as it goes: the transaction's
 * hash and the gift. It then ends {@link Verdict#NOT_YET_IN_CHECKPOINT}, never {@link Verdict#VERIFIED}.
 *
 * @param steps the checks run, in order; the last is the failure when the verdict is {@link Verdict#FAILED}
 */
public record TraceProofCheck(Verdict verdict, List<Step> steps) {

    /** What the check concludes. */
    public enum Verdict {
        /** Every check passed: the key's checkpoint commits to the transaction that booked this gift. */
        VERIFIED,
        /** A check failed: the answer was changed, or is not a proof. */
        FAILED,
        /** What can be checked holds, but no checkpoint covers the gift yet: ask again after the next checkpoint. */
        NOT_YET_IN_CHECKPOINT
    }

    /** The checks, in the order they run. */
    public enum Check {
        SIGNATURE("the checkpoint is signed by the trusted key", "检查点由可信密钥签名"),
        CHECKPOINT("the checkpoint is a tlog checkpoint", "检查点格式正确"),
        TREE_SIZE("the proof's tree size is the checkpoint's", "证明的树大小与检查点一致"),
        TRANSACTION_HASH("the transaction's fields hash to transactionHash", "交易内容的哈希与 transactionHash 一致"),
        GIFT("the transaction books this gift and its amount", "该交易记的正是这笔捐赠及其金额"),
        INCLUSION("the inclusion proof leads to the checkpoint's root", "包含证明通向检查点的根哈希");

        private final String title;
        private final String titleZh;

        Check(String title, String titleZh) {
            this.title = title;
            this.titleZh = titleZh;
        }

        /** What the check establishes, in English. */
        public String title() {
            return title;
        }

        /** What the check establishes, in Chinese. */
        public String titleZh() {
            return titleZh;
        }
    }

    /** One check's outcome and what it saw, or why it failed. */
    public record Step(Check check, boolean passed, String detail) {
    }

    public TraceProofCheck {
        steps = List.copyOf(steps);
    }

    /** The first check that failed, if any. */
    public Optional<Step> failure() {
        return steps.stream().filter(s -> !s.passed()).findFirst();
    }

    /** Checks the proof against the trusted verifier key. */
    public static TraceProofCheck of(TraceProof proof, NoteKey trusted) {
        return new Run(proof, trusted).run();
    }

    /** The verifier key as it is written: {@code <name>+<key ID>}, without the key bytes. */
    static String keyName(NoteKey key) {
        return key.name() + "+" + "%08x".formatted(key.keyId());
    }

    // -------------------------------------------------------------------------------------------------------------

    /** One run of the checks; each returns false once it has added a failed step. */
    private static final class Run {

        private final TraceProof proof;
        private final NoteKey trusted;
        private final List<Step> steps = new ArrayList<>();
        private Checkpoint checkpoint;
        private String noteText;

        Run(TraceProof proof, NoteKey trusted) {
            this.proof = proof;
            this.trusted = trusted;
        }

        TraceProofCheck run() {
            if (proof.awaitingCheckpoint()) {
                boolean holds = transactionHash() && gift();
                return new TraceProofCheck(holds ? Verdict.NOT_YET_IN_CHECKPOINT : Verdict.FAILED, steps);
            }
            boolean holds = signature() && checkpoint() && treeSize() && transactionHash() && gift() && inclusion();
            return new TraceProofCheck(holds ? Verdict.VERIFIED : Verdict.FAILED, steps);
        }

        private boolean signature() {
            if (proof.checkpoint() == null) {
                return fail(Check.SIGNATURE, "the proof gives a leaf index or an inclusion path but no checkpoint");
            }
            try {
                noteText = SignedNote.open(proof.checkpoint(), trusted);
            } catch (IllegalArgumentException e) {
                return fail(Check.SIGNATURE, "the checkpoint's signature does not verify with key " + keyName(trusted) + ": "
                        + e.getMessage());
            }
            return pass(Check.SIGNATURE, "signed by " + keyName(trusted));
        }

        private boolean checkpoint() {
            try {
                checkpoint = Checkpoint.parse(noteText);
            } catch (IllegalArgumentException e) {
                return fail(Check.CHECKPOINT, "the signed text is not a tlog checkpoint: " + e.getMessage());
            }
            return pass(Check.CHECKPOINT, "log " + checkpoint.origin() + ", " + checkpoint.size() + " transactions, root "
                    + Base64.getEncoder().encodeToString(checkpoint.rootHash()));
        }

        private boolean treeSize() {
            if (proof.treeSize() == null) {
                return fail(Check.TREE_SIZE, "the proof gives no treeSize; the checkpoint's size is " + checkpoint.size());
            }
            if (proof.treeSize() != checkpoint.size()) {
                return fail(Check.TREE_SIZE, "treeSize " + proof.treeSize() + " differs from the checkpoint's size " + checkpoint.size());
            }
            return pass(Check.TREE_SIZE, String.valueOf(checkpoint.size()));
        }

        private boolean transactionHash() {
            if (!ChainHash.FORMAT.equals(proof.format())) {
                return fail(Check.TRANSACTION_HASH, "the transaction's format " + proof.format() + " is not " + ChainHash.FORMAT
                        + ", the only one this verifier knows");
            }
            if (!proof.transactionHash().matches("[0-9a-f]{64}")) {
                return fail(Check.TRANSACTION_HASH, "transactionHash is not 64 lower-case hex digits: " + proof.transactionHash());
            }
            String recomputed = ChainHash.of(proof.transaction());
            if (!recomputed.equals(proof.transactionHash())) {
                return fail(Check.TRANSACTION_HASH, "transactionHash does not match the transaction's fields (recomputed "
                        + recomputed + ", the proof says " + proof.transactionHash() + ")");
            }
            return pass(Check.TRANSACTION_HASH, recomputed);
        }

        private boolean gift() {
            TransactionFields t = proof.transaction();
            if (!"DONATION".equals(t.kind())) {
                return fail(Check.GIFT, "transaction " + t.id() + " is a " + t.kind() + ", not a DONATION");
            }
            if (t.references().gift() == null) {
                return fail(Check.GIFT, "transaction " + t.id() + " references no gift");
            }
            if (t.memo() == null || !Arrays.asList(t.memo().split(" ")).contains(proof.receiptNo())) {
                return fail(Check.GIFT, "the transaction's memo \"" + t.memo() + "\" does not name receipt " + proof.receiptNo());
            }
            long moved = debitTotal(t);
            if (moved != proof.amountFen()) {
                return fail(Check.GIFT, "the gift's amount " + Money.format(proof.amountFen()) + " is not what the transaction moved ("
                        + Money.format(moved) + ")");
            }
            return pass(Check.GIFT, "receipt " + proof.receiptNo() + ", gift " + t.references().gift() + ", "
                    + Money.format(moved) + " booked in transaction " + t.id());
        }

        private boolean inclusion() {
            if (proof.leafIndex() == null || proof.inclusion() == null) {
                return fail(Check.INCLUSION, "the proof gives a checkpoint but no " + (proof.leafIndex() == null ? "leafIndex" : "inclusion path"));
            }
            long index = proof.leafIndex();
            if (index < 0 || index >= checkpoint.size()) {
                return fail(Check.INCLUSION, "leafIndex " + index + " is not in a tree of " + checkpoint.size());
            }
            List<byte[]> path = new ArrayList<>();
            for (int i = 0; i < proof.inclusion().size(); i++) {
                byte[] hash = decode(proof.inclusion().get(i));
                if (hash == null) {
                    return fail(Check.INCLUSION, "inclusion hash " + i + " is not base64 of 32 bytes: " + proof.inclusion().get(i));
                }
                path.add(hash);
            }
            byte[] leaf = MerkleTree.leafHash(HexFormat.of().parseHex(proof.transactionHash()));
            if (!MerkleTree.verifyInclusion(leaf, index, checkpoint.size(), path, checkpoint.rootHash())) {
                return fail(Check.INCLUSION, "the inclusion proof does not lead to the checkpoint's root (leaf " + index + " of "
                        + checkpoint.size() + ", " + path.size() + " hashes)");
            }
            return pass(Check.INCLUSION, "leaf " + index + " of " + checkpoint.size() + ", " + path.size() + " hashes");
        }

        /** The transaction's debit total in its own fund: a gift is booked in the fund that received it. */
        private static long debitTotal(TransactionFields t) {
            long total = 0;
            for (Leg leg : t.legs()) {
                if (leg.fundId() == t.fundId()) {
                    total = Math.addExact(total, leg.amountFen());
                }
            }
            return total;
        }

        private static byte[] decode(String base64) {
            try {
                byte[] hash = base64 == null ? null : Base64.getDecoder().decode(base64);
                return hash != null && hash.length == MerkleTree.HASH_BYTES ? hash : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private boolean pass(Check check, String detail) {
            steps.add(new Step(check, true, detail));
            return true;
        }

        private boolean fail(Check check, String detail) {
            steps.add(new Step(check, false, detail));
            return false;
        }
    }
}
