package org.mingzhang.closing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** The port through which year-end closes read committed storage. */
public interface ClosingStore {

    /** Every closed year, for the writer's state. */
    List<YearClose> yearCloses();

    /** The year of the fund's earliest journal entry, if it has any. */
    OptionalInt firstYear(long fundId);

    /**
     * The fund's posted income and expense balances as of an instant, per project that the transactions name (the key
     * {@code null} for those that name none): account code → debits minus credits.
     */
    Map<String, Map<String, Long>> incomeAndExpensesAsOf(long fundId, Instant asOf);
}
