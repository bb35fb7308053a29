package org.mingzhang.journal;

import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;

/** Open a fund with its own chart of accounts, under {@code parentCode} (or at the top). */
public record CreateFund(String code, String name, FundLevel level, String parentCode, boolean mustNotGoNegative)
        implements LedgerCommand<Fund> {

    public CreateFund {
        LedgerLimits.requireCode(code);
        if (name == null || name.isBlank() || name.length() > LedgerLimits.NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("fund name must have 1 to " + LedgerLimits.NAME_LENGTH_MAX + " characters");
        }
        if (level == null) {
            throw new IllegalArgumentException("fund level is required");
        }
    }
}
