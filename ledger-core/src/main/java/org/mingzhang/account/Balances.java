package org.mingzhang.account;

/**
 * The running totals of one account, in fen: posted and pending, debits and credits, each never negative.
 * Balances in the account's normal direction are derived from them.
 */
public record Balances(long debitsPostedFen, long creditsPostedFen, long debitsPendingFen, long creditsPendingFen) {

    public static final Balances ZERO = new Balances(0, 0, 0, 0);

    public Balances {
        if (debitsPostedFen < 0 || creditsPostedFen < 0 || debitsPendingFen < 0 || creditsPendingFen < 0) {
            throw new IllegalStateException("account totals must not be negative: " + this);
        }
    }

    /** Posted balance in the normal direction: debits − credits for debit-normal accounts, the reverse otherwise. */
    public long postedFen(Side normalSide) {
        return normalSide == Side.DEBIT
                ? Math.subtractExact(debitsPostedFen, creditsPostedFen)
                : Math.subtractExact(creditsPostedFen, debitsPostedFen);
    }

    /** What may still be taken out: the posted balance less the pending amounts that would reduce it. */
    public long availableFen(Side normalSide) {
        return Math.subtractExact(postedFen(normalSide), normalSide == Side.DEBIT ? creditsPendingFen : debitsPendingFen);
    }

    /** These totals moved by the given deltas; throws {@link ArithmeticException} on overflow. */
    public Balances plus(long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {
        return new Balances(Math.addExact(debitsPostedFen, debitsPosted), Math.addExact(creditsPostedFen, creditsPosted),
                Math.addExact(debitsPendingFen, debitsPending), Math.addExact(creditsPendingFen, creditsPending));
    }
}
