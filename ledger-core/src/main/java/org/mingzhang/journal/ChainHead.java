package org.mingzhang.journal;

import java.time.Instant;

/**
 * The journal's last transaction as committed: its id, its chain hash and when it was recorded. A document that says it
 * was "built at" a chain head shows the books up to and including that transaction; the hash lets anyone check that the
 * journal they are shown later still runs through it.
 *
 * @param transactionId 0 for an empty journal
 * @param hash {@link ChainHash#GENESIS} for an empty journal
 * @param recordedAt null for an empty journal
 */
public record ChainHead(long transactionId, String hash, Instant recordedAt) {

    public static final ChainHead EMPTY = new ChainHead(0, ChainHash.GENESIS, null);

    public ChainHead {
        if (transactionId < 0 || hash == null || hash.length() != ChainHash.GENESIS.length()
                || (transactionId == 0) != (recordedAt == null)) {
            throw new IllegalArgumentException("a chain head names a transaction (or none), its 64-character hash and, for a "
                    + "transaction, when it was recorded: " + transactionId + "/" + hash + "/" + recordedAt);
        }
    }
}
