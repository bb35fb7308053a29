package org.mingzhang.assembly;

import java.time.Clock;
import java.util.List;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.attribution.AttributionProjection;
import org.mingzhang.closing.YearEndDecider;
import org.mingzhang.gift.GiftDecider;
import org.mingzhang.gift.GivingProjection;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.matching.MatchingDecider;
import org.mingzhang.need.NeedDecider;
import org.mingzhang.project.DisbursementDecider;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectDecider;
import org.mingzhang.register.GoodsRegisterDecider;
import org.mingzhang.transparency.LogProjection;

/**
 * Where the federation's ledger is put together: which deciders the single writer runs, in which order, who listens
 * to whom, and which projections it keeps for the read side. The one place to change when a decider or a projection is
 * added; the storage adapter only implements the ports ({@link LedgerPorts}), and the application's edge calls this.
 */
public final class LedgerAssembly {

    private LedgerAssembly() {
    }

    /**
     * The ledger with the deciders for projects, gifts, matching pools, disbursements, residents' needs, the year-end
     * close and the memorandum register of unvalued goods, the giving and attribution projections and the transparency
     * log: its single writer claims the database and loads its state (from the projections' rows, not from history).
     */
    public static Ledger open(LedgerPorts ports, Clock clock, LedgerWriter.Settings settings) {
        // Made before the project decider, which is to answer needs when a project is created from one.
        NeedDecider needs = new NeedDecider(ports.needs());
        ProjectDecider projects = new ProjectDecider(ports.projects(), ports.sheets(), needs);
        YearEndDecider yearEnd = new YearEndDecider(ports.closings(), projects);
        GiftDecider gifts = new GiftDecider(ports.gifts(), projects, yearEnd);
        MatchingDecider matching = new MatchingDecider(ports.matching(), ports.tallies(), projects);
        DisbursementDecider disbursements = new DisbursementDecider(ports.projects(), projects);
        GoodsRegisterDecider goodsRegister = new GoodsRegisterDecider(ports.goodsRegister(), projects);
        GivingProjection giving = new GivingProjection(ports.giving(), ports.gifts(), code -> {
            Project p = projects.project(code);
            return p == null ? null : p.id();
        });
        AttributionProjection attribution = new AttributionProjection(ports.attributions(), ports.reads(), ports.projects(),
                ports.gifts(), projects, ports.matching());
        projects.listen(matching);
        projects.listen(disbursements);
        gifts.listen(matching);
        matching.recordGiftsWith(gifts);
        gifts.listen(giving);
        gifts.listen(attribution);
        return new Ledger(ports.journal(), ports.reads(), clock, ChartTemplate.nonProfit(), settings,
                List.of(projects, gifts, matching, disbursements, needs, yearEnd, goodsRegister),
                // The log comes last: it takes every transaction the batch booked as a leaf.
                List.of(giving, attribution, new LogProjection(ports.log())));
    }
}
