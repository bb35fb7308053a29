package org.mingzhang.api.edge;

/**
 * Text bound for a spreadsheet (a CSV or XLSX export), neutralised as OWASP's "CSV Injection" advice says: a cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (or their full-width forms, which
 * spreadsheets in Chinese locales read the same way) is prefixed with a single quote, so that a donor named
 * {@code =cmd|' /C calc'!A0} is shown as text when an accountant opens the export, never run as a formula. The books
 * keep the text as it was given; only what is written into a spreadsheet is neutralised, and every export of text must
 * go through {@link #cell}.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** The text as a spreadsheet cell shows it as text; null stays null. */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20' -> "'" + text;
            default -> text;
        };
    }
}
