package org.mingzhang.project;

/** What becomes of the money a project has left when it ends. */
public enum LeftoverDisposition {
    /** Released to the fund's unrestricted money (Dr 3102 / Cr 3101). */
    RETURN_TO_FUND,
    /** Moved, with the committee's approval, to another project of the same fund that still runs. */
    TRANSFER_TO_PROJECT
}
