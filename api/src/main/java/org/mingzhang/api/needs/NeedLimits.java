package org.mingzhang.api.needs;

import org.mingzhang.need.RecordNeed;
import org.mingzhang.need.WithdrawNeed;

/**
 * The limits the need endpoints check, taken from the core's need commands so that the 400 a client gets
 * and the invariant the core asserts never disagree. Compile-time constants, because OpenAPI annotations
 * quote them. (They belong with the others in {@code api.Limits}; they live here until that shared file
 * can take them.)
 */
public final class NeedLimits {

    public static final int TITLE_CHARS_MAX = RecordNeed.TITLE_LENGTH_MAX;
    public static final int DESCRIPTION_CHARS_MAX = RecordNeed.DESCRIPTION_LENGTH_MAX;
    public static final int RAISED_BY_CHARS_MAX = RecordNeed.RAISED_BY_LENGTH_MAX;
    public static final int SUPPORTERS_MAX = RecordNeed.SUPPORTERS_MAX;
    /** How many residents asked, when the request does not say: the one who raised it. */
    public static final int SUPPORTERS_DEFAULT = 1;
    public static final int WITHDRAW_REASON_CHARS_MAX = WithdrawNeed.REASON_LENGTH_MAX;

    private NeedLimits() {
    }
}
