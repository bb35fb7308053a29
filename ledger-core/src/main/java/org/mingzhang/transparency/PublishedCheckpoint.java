package org.mingzhang.transparency;

import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint as the federation published it: the signed note of a {@link Checkpoint} (origin, tree size, root), why it
 * was published and when. Kept once, never changed.
 */
public record PublishedCheckpoint(Checkpoint checkpoint, String note, Reason reason, Instant publishedAt) {

    /** Why a checkpoint was published. */
    public enum Reason {
        /** An accountant asked for one ({@code POST /api/v1/ledger/checkpoints}). */
        ON_DEMAND,
        /** A fund's period was closed. */
        PERIOD_CLOSE,
        /** The journal grew and no checkpoint was published for a day. */
        DAILY
    }

    public PublishedCheckpoint {
        Objects.requireNonNull(checkpoint);
        Objects.requireNonNull(note);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(publishedAt);
    }

    public long size() {
        return checkpoint.size();
    }
}
