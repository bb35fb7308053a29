package org.mingzhang.transparency;

import java.util.List;
import org.mingzhang.journal.TransactionFields;

/**
 * What a public trace answer claims about one gift and the proof it offers, as the answer writes it (hashes in hex and
 * base64, the checkpoint as its signed note's text), so that {@link TraceProofCheck} can say which part is malformed
 * rather than a parser refusing the whole. Nothing here is trusted: it is what a donor saved, or what someone changed.
 *
 * @param receiptNo the receipt number the answer gives for the gift
 * @param amountFen what the answer says the donor gave
 * @param format the encoding the transaction's fields are hashed in ({@code mingzhang-tx-v1})
 * @param transaction the transaction's fields as the answer gives them, which the chain hash covers
 * @param transactionHash the transaction's chain hash, 64 lower-case hex digits: the log leaf's data
 * @param leafIndex the transaction's position in the log; null before a checkpoint covers it
 * @param treeSize the size of the tree the proof is against; may be null before a checkpoint covers it
 * @param inclusion the RFC 6962 audit path in base64, lowest first; null before a checkpoint covers it
 * @param checkpoint the signed note of the checkpoint the path leads to; null before one covers the gift
 */
public record TraceProof(String receiptNo, long amountFen, String format, TransactionFields transaction, String transactionHash,
                         Long leafIndex, Long treeSize, List<String> inclusion, String checkpoint) {

    public TraceProof {
        if (receiptNo == null || format == null || transaction == null || transactionHash == null) {
            throw new IllegalArgumentException("a trace proof names the receipt, the format, the transaction and its hash");
        }
        inclusion = inclusion == null ? null : List.copyOf(inclusion);
    }

    /** Whether the answer says no checkpoint covers the gift yet: no leaf index, no path and no checkpoint. */
    public boolean awaitingCheckpoint() {
        return leafIndex == null && inclusion == null && checkpoint == null;
    }
}
