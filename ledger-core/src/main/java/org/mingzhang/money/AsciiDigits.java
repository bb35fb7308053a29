package org.mingzhang.money;

/**
 * The one test of "digits" that amounts and rates share: ASCII 0–9 only, so that full-width or other
 * scripts' digits (which {@link Character#isDigit} accepts) never slip into a figure.
 */
public final class AsciiDigits {

    private AsciiDigits() {
    }

    /** True when every character is 0–9 (and so for the empty string). */
    public static boolean only(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
