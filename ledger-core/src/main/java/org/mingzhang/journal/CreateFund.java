package org.mingzhang.journal;

import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;

/** Open a fund with its own chart of accounts, under {@code parentCode} (or at the top). */
public record CreateFund(String code, String name, FundLevel level, String parentCode, boolean mustNotGoNegative)
        implements LedgerCommand<Fund> {
}
