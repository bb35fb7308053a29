package org.mingzhang.assembly;

import org.mingzhang.attribution.AttributionStore;
import org.mingzhang.closing.ClosingStore;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.journal.JournalStore;
import org.mingzhang.journal.LedgerReads;
import org.mingzhang.matching.MatchTallies;
import org.mingzhang.matching.MatchingStore;
import org.mingzhang.need.NeedStore;
import org.mingzhang.project.ProjectSheets;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.register.GoodsRegisterStore;
import org.mingzhang.transparency.LogStore;

/**
 * The core's ports that one database implements for the single writer: the journal it writes and reads, and the stores
 * its deciders and projections start from. A storage adapter hands them over; {@link LedgerAssembly} decides what runs
 * on them.
 */
public record LedgerPorts(JournalStore journal, LedgerReads reads, ProjectStore projects, ProjectSheets sheets,
                          GiftStore gifts, ProjectGiving giving, MatchingStore matching, MatchTallies tallies, NeedStore needs,
                          ClosingStore closings, GoodsRegisterStore goodsRegister,
                          AttributionStore attributions, LogStore log) {
}
