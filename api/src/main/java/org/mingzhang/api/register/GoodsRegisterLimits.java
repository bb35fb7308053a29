package org.mingzhang.api.register;

import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.register.GoodsEntry;

/**
 * The limits the goods register endpoints check, taken from the core's {@link GoodsEntry} so that the 400 a client gets
 * and the invariant the core asserts never disagree. Compile-time constants, because OpenAPI annotations quote them.
 */
public final class GoodsRegisterLimits {

    public static final int PROJECT_CODE_CHARS_MAX = LedgerLimits.CODE_LENGTH_MAX;
    public static final int DESCRIPTION_CHARS_MAX = GoodsEntry.DESCRIPTION_LENGTH_MAX;
    public static final int UNIT_CHARS_MAX = GoodsEntry.UNIT_LENGTH_MAX;
    public static final int NAME_CHARS_MAX = GoodsEntry.COUNTERPARTY_LENGTH_MAX;
    public static final int WHY_NOT_VALUED_CHARS_MAX = GoodsEntry.WHY_NOT_VALUED_LENGTH_MAX;
    public static final int NOTE_CHARS_MAX = GoodsEntry.NOTE_LENGTH_MAX;
    public static final long QUANTITY_MAX = GoodsEntry.QUANTITY_MAX;
    public static final int ISSUES_PER_ENTRY_MAX = GoodsEntry.ISSUES_PER_ENTRY_MAX;

    private GoodsRegisterLimits() {
    }
}
