package org.mingzhang.matching;

import org.mingzhang.money.AsciiDigits;

/**
 * Matching rates as whole basis points (1/10000), parsed exactly from the API's strings ({@code "0.30"} is
 * 3000): a rate is never a floating-point number, so a match computed from it is exact before it is
 * rounded, and the rounding is the calculator's to name.
 */
public final class Rate {

    /** A rate of 1 (100%): the match equals the money it applies to, never more. */
    public static final int BASIS_POINTS_MAX = 10_000;
    /** Four decimals are exactly what basis points can hold. */
    public static final int DECIMALS_MAX = 4;

    private Rate() {
    }

    /**
     * Parses a rate written as the API writes it: {@code "0"} or {@code "1"}, optionally a point and one to
     * four decimals ({@code "0.3"}, {@code "0.30"}, {@code "0.0001"}, {@code "1.0"}). A sign, a fifth
     * decimal, a value above 1, a percent sign, an exponent, spaces, leading zeros such as {@code "00.5"}
     * or anything else is refused with a {@link RateFormatException} whose message quotes the value.
     */
    public static int parseRate(String text) {
        if (text == null || text.isEmpty()) {
            throw new RateFormatException("rate must not be empty: \"" + (text == null ? "" : text) + "\"");
        }
        if (text.startsWith("-")) {
            throw new RateFormatException("rate must not be negative: " + text);
        }
        int point = text.indexOf('.');
        String whole = point < 0 ? text : text.substring(0, point);
        String decimals = point < 0 ? "" : text.substring(point + 1);
        // A second point lands in the decimals and fails the digit check, so "0.1.2" is refused as odd.
        if (whole.isEmpty() || !AsciiDigits.only(whole) || !AsciiDigits.only(decimals) || (point >= 0 && decimals.isEmpty())
                || (whole.length() > 1 && whole.charAt(0) == '0')) {
            throw new RateFormatException("rate must be written like 0.30, between 0 and 1: " + text);
        }
        if (decimals.length() > DECIMALS_MAX) {
            throw new RateFormatException("rate must have at most " + DECIMALS_MAX + " decimals: " + text);
        }
        // The shape check leaves a whole part without leading zeros, so anything longer than one digit is 10 or more.
        int fraction = decimals.isEmpty() ? 0 : Integer.parseInt((decimals + "000").substring(0, DECIMALS_MAX));
        if (whole.length() > 1 || whole.charAt(0) > '1' || (whole.charAt(0) == '1' && fraction > 0)) {
            throw new RateFormatException("rate must not exceed 1: " + text);
        }
        return (whole.charAt(0) - '0') * BASIS_POINTS_MAX + fraction;
    }

    /**
     * Writes basis points as the API reads them back: at least two decimals, trailing zeros beyond the
     * second dropped ({@code 3000} is {@code "0.30"}, {@code 1} is {@code "0.0001"}, {@code 10000} is
     * {@code "1.00"}), so that {@code parseRate(format(bp)) == bp}.
     */
    public static String format(int basisPoints) {
        requireBasisPoints(basisPoints, "rate");
        // Padded by hand: String.format would use the default locale's digits, which need not be ASCII.
        String decimals = Integer.toString(BASIS_POINTS_MAX + basisPoints % BASIS_POINTS_MAX).substring(1);
        int keep = decimals.length();
        while (keep > 2 && decimals.charAt(keep - 1) == '0') {
            keep--;
        }
        return (basisPoints / BASIS_POINTS_MAX) + "." + decimals.substring(0, keep);
    }

    /** Asserts a rate already in basis points lies in 0..10000; {@code name} says which field it is. */
    static int requireBasisPoints(int basisPoints, String name) {
        if (basisPoints < 0 || basisPoints > BASIS_POINTS_MAX) {
            throw new IllegalArgumentException(name + " must be between 0 and " + BASIS_POINTS_MAX + " basis points: " + basisPoints);
        }
        return basisPoints;
    }
}
