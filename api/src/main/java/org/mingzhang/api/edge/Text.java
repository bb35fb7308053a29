package org.mingzhang.api.edge;

import java.util.Set;

/**
 * What text the API takes, wherever it comes from (a JSON field, a CSV cell, a path segment, a query parameter): no
 * control characters (NUL among them, which PostgreSQL cannot store), no unpaired surrogate halves (stored as
 * {@code ?} by PostgreSQL while the answer would echo the original), no bidirectional overrides or isolates (which
 * make a name or a memo display as something other than what it holds, "Trojan Source"). Tab and line breaks are
 * allowed only in the fields that hold prose, {@link #LINES}. Everything else, rare CJK characters and characters the
 * JDK does not know yet included, is taken as given.
 */
public final class Text {

    /** The fields (JSON names and CSV columns) whose text may run over lines: tab, CR and LF are allowed there. */
    public static final Set<String> LINES = Set.of("description", "reason", "note", "memo", "results", "need", "plan",
            "purpose", "disposition", "valuationBasis", "whyNotValued", "settlement", "goals", "goalOutcomes",
            "executionPlan", "inKindDescription", "inKindValuationBasis");

    /** How much of a refused value a problem shows, in characters. */
    private static final int SHOWN_CHARS_MAX = 80;

    private Text() {
    }

    /** True when {@code field} holds prose that may run over lines. */
    public static boolean allowsLines(String field) {
        return field != null && LINES.contains(field);
    }

    /**
     * Why {@code value} cannot be taken, as the end of a sentence that starts with the field's name ("must not contain
     * U+0000, a control character, at character 3: \"ab\\u0000c\""), or null when it can.
     */
    public static String refusal(String value, boolean lines) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String what;
            if (pairAt(value, i)) {
                i++;
                continue;
            } else if (Character.isSurrogate(c)) {
                what = "half of a surrogate pair without its other half (not valid Unicode text)";
            } else {
                what = refused(c, lines);
            }
            if (what != null) {
                return "must not contain " + String.format("U+%04X", (int) c) + ", " + what + ", at character "
                        + (i + 1) + ": \"" + shown(value) + "\"";
            }
        }
        return null;
    }

    /** True when a surrogate pair (one character beyond the Basic Multilingual Plane) starts at {@code i}. */
    private static boolean pairAt(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }

    /** What {@code c} (not a surrogate) is, when the API refuses it in text, or null. */
    private static String refused(char c, boolean lines) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return lines ? null : "a tab or line break (this field holds one line)";
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return "a control character";
        }
        if (c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
            return "a bidirectional override or mark (it makes text display as something other than what it holds)";
        }
        if (c == 0xfffe || c == 0xffff) {
            return "a Unicode noncharacter";
        }
        return null;
    }

    /**
     * {@code value} as a problem may echo it: every character {@link #refusal} would refuse written as {@code \\uXXXX},
     * quotes and backslashes escaped, cut after {@value #SHOWN_CHARS_MAX} characters.
     */
    public static String shown(String value) {
        StringBuilder sb = new StringBuilder();
        int end = Math.min(value.length(), SHOWN_CHARS_MAX);
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end++; // never cut a pair in two
        }
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            boolean paired = pairAt(value, i) || i > 0 && pairAt(value, i - 1);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (Character.isSurrogate(c) ? !paired : refused(c, false) != null) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (value.length() > end) {
            sb.append("…");
        }
        return sb.toString();
    }
}
