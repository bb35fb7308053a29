package org.mingzhang.journal;

/**
 * The result of recomputing the hash chain over the whole journal.
 *
 * @param firstBrokenTransactionId the first transaction whose stored hash or link does not match; null when ok
 */
public record ChainVerification(boolean ok, long transactions, String headHash, Long firstBrokenTransactionId) {

    /** Recomputes every hash in order and checks each link to its predecessor. */
    public static ChainVerification verify(LedgerReads reads) {
        var state = new Object() {
            long count;
            String head = ChainHash.GENESIS;
            Long broken;
        };
        reads.forEachTransaction(t -> {
            state.count++;
            if (state.broken == null && (!t.prevHash().equals(state.head) || !ChainHash.of(t).equals(t.hash()))) {
                state.broken = t.id();
            }
            state.head = t.hash();
        });
        return new ChainVerification(state.broken == null, state.count, state.head, state.broken);
    }
}
