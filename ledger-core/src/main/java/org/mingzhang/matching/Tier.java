package org.mingzhang.matching;

import org.mingzhang.money.Money;

/**
 * One rate tier of a matching rule: from {@code minRaisedFen} of match base upwards, the rate is
 * {@code rateBasisPoints} (1/10000). A tier on its own always holds an amount in 0..{@link Money#FEN_MAX}
 * and a rate in 0..1; how tiers follow each other is {@link MatchRule}'s to check.
 */
public record Tier(long minRaisedFen, int rateBasisPoints) {

    public Tier {
        if (minRaisedFen < 0 || minRaisedFen > Money.FEN_MAX) {
            throw new IllegalArgumentException("minRaised must be between 0.00 and " + Money.format(Money.FEN_MAX) + ": " + minRaisedFen + " fen");
        }
        Rate.requireBasisPoints(rateBasisPoints, "rate");
    }

    /** A tier from the API's strings: a yuan amount and a rate such as {@code "0.30"}. */
    public static Tier parse(String minRaised, String rate) {
        return new Tier(Money.parse(minRaised).fen(), Rate.parseRate(rate));
    }
}
