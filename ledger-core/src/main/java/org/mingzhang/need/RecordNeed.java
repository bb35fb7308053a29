package org.mingzhang.need;

import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.user.Actor;

/** Record a residents' need for a fund; it starts {@link NeedStatus#OPEN}. */
public record RecordNeed(Actor by, String fundCode, String title, String description, String raisedBy, int supporters)
        implements LedgerCommand<Need> {

    public static final int TITLE_LENGTH_MAX = 200;
    public static final int DESCRIPTION_LENGTH_MAX = 2000;
    public static final int RAISED_BY_LENGTH_MAX = 200;
    /** More residents than a community fund serves is a typing mistake. */
    public static final int SUPPORTERS_MAX = 100_000;

    public RecordNeed {
        LedgerLimits.requireCode(fundCode);
        requireText(title, "title", TITLE_LENGTH_MAX);
        requireText(description, "description", DESCRIPTION_LENGTH_MAX);
        requireText(raisedBy, "raisedBy", RAISED_BY_LENGTH_MAX);
        if (supporters < 1 || supporters > SUPPORTERS_MAX) {
            throw new IllegalArgumentException("supporters must be between 1 and " + SUPPORTERS_MAX + ": " + supporters);
        }
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " characters, not blank: "
                    + (value == null ? "it is missing" : "it has " + value.length()));
        }
    }
}
