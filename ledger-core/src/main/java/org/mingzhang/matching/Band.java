package org.mingzhang.matching;

/**
 * One tier's band in a MARGINAL match: the money of the base that lies in {@code [fromFen, toFen)} and
 * what its rate makes of it. A band never holds more money than its width, and never matches more than
 * it holds.
 *
 * <p>The calculator rounds once, on the exact sum of all bands, not band by band. So that the bands still
 * add up to the computed match, the fen that rounding the sum keeps go to the bands whose exact products
 * lost the largest fractions: {@code matchInBandFen} is the band's exact product rounded down, or one fen
 * more.
 *
 * @param toFen where the next tier starts (exclusive); {@code null} for the top tier, which has no end
 */
public record Band(long fromFen, Long toFen, int rateBasisPoints, long amountInBandFen, long matchInBandFen) {

    public Band {
        if (fromFen < 0 || (toFen != null && toFen <= fromFen)) {
            throw new IllegalStateException("band must run from 0 upwards and end after it starts: " + fromFen + " to " + toFen);
        }
        if (rateBasisPoints < 0 || rateBasisPoints > Rate.BASIS_POINTS_MAX) {
            throw new IllegalStateException("band rate must be between 0 and " + Rate.BASIS_POINTS_MAX + " basis points: " + rateBasisPoints);
        }
        if (amountInBandFen < 0 || (toFen != null && amountInBandFen > toFen - fromFen)) {
            throw new IllegalStateException("band amount must fit in the band " + fromFen + " to " + toFen + ": " + amountInBandFen);
        }
        if (matchInBandFen < 0 || matchInBandFen > amountInBandFen) {
            throw new IllegalStateException("band match must lie between 0 and the band amount " + amountInBandFen + ": " + matchInBandFen);
        }
    }
}
