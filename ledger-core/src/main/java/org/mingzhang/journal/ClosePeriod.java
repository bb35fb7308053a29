package org.mingzhang.journal;

import java.time.Instant;
import org.mingzhang.fund.Fund;

/** Close a fund's books through an instant (the end of a month or year): nothing may be dated inside afterwards. */
public record ClosePeriod(String fundCode, Instant through) implements LedgerCommand<Fund> {
}
