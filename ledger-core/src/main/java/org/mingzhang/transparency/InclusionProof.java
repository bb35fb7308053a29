package org.mingzhang.transparency;

import java.util.List;

/**
 * That a transaction is in the log: its leaf, and the audit path to the root of a published checkpoint. Before the first
 * checkpoint that covers the leaf, only the leaf is known ({@link #covered()} is false).
 *
 * @param leafIndex null when the log does not hold the transaction yet
 * @param path the RFC 6962 audit path, lowest first; null when not covered
 * @param checkpoint what the path leads to; null when not covered
 */
public record InclusionProof(Long leafIndex, List<byte[]> path, PublishedCheckpoint checkpoint) {

    public InclusionProof {
        if ((path == null) != (checkpoint == null) || (checkpoint != null && leafIndex == null)) {
            throw new IllegalArgumentException("an audit path comes with its leaf and its checkpoint");
        }
        path = path == null ? null : List.copyOf(path);
    }

    public boolean covered() {
        return checkpoint != null;
    }
}
