package org.mingzhang.journal;

/**
 * The tamper-evident chain: each transaction's hash is SHA-256 over its canonical encoding, which
 * includes the previous transaction's hash. Changing any recorded field, leg or the order breaks the
 * chain at that transaction.
 */
public final class ChainHash {

    /** The {@code prevHash} of the first transaction. */
    public static final String GENESIS = "0".repeat(64);
    /** The first value of every encoding: the version of what the hash covers, as the public trace names it. */
    public static final String FORMAT = "mingzhang-tx-v1";

    private ChainHash() {
    }

    /** The hash the transaction must carry, computed from everything but its own {@code hash} field. */
    public static String of(Transaction t) {
        return of(TransactionFields.of(t));
    }

    /**
     * The hash of a transaction's fields: the one encoding, used for the journal's transactions and for a transaction
     * read back from a public trace alike.
     */
    public static String of(TransactionFields t) {
        Canonical c = new Canonical().add(FORMAT).add(t.id()).add(t.idempotencyKey()).add(t.requestHash())
                .add(t.fundId()).add(t.kind()).add(t.phase()).add(t.memo()).add(t.occurredAtMicros()).add(t.recordedAtMicros())
                .add(t.reversesId()).add(t.pendingId()).add(t.references().gift()).add(t.references().disbursement())
                .add(t.references().pool()).add(t.recordedBy()).add(t.prevHash());
        if (t.references().project() != null) {
            // Added with project references; a transaction without one hashes as it always did.
            c.add("project").add(t.references().project());
        }
        c.add(t.legs().size());
        for (Leg leg : t.legs()) {
            c.add(leg.legNo()).add(leg.fundId()).add(leg.debitAccountId()).add(leg.creditAccountId())
                    .add(leg.amountFen()).add(leg.posted());
        }
        return c.sha256();
    }
}
