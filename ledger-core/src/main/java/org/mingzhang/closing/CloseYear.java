package org.mingzhang.closing;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.user.Actor;

/**
 * Close a fund's year (期末结转): book its income and expenses into net assets and lock the year. Years close in
 * order, each once, after they have ended.
 */
public record CloseYear(Actor by, String fundCode, int year) implements LedgerCommand<YearClose> {

    public static final int YEAR_MIN = 1;
    public static final int YEAR_MAX = 9998;

    public CloseYear {
        if (year < YEAR_MIN || year > YEAR_MAX) {
            throw new IllegalArgumentException("a year to close is between " + YEAR_MIN + " and " + YEAR_MAX + ": " + year);
        }
    }
}
