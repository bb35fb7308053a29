package org.mingzhang.reports;

import java.util.ArrayList;
import java.util.List;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.matching.Band;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.money.Money;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.ProjectStatus;

/**
 * One project's figures for its closing report (《社区基金项目结项报告》), in fen, each as a read port of the core answered
 * it: nothing here is summed from journal rows. The figures come from several ports read one after another, so the
 * report checks itself: {@link #mismatches()} names every way they fail to add up, and {@link #ties()} says there is
 * none. A renderer prints a report only when it ties.
 *
 * @param poolCode the seed pool (配捐池) the plan names, or null
 * @param managementFeeBasisPoints the management fee (管理费) the plan allows, in hundredths of a percent
 * @param match the pool's match explained, or null when the plan names no pool (or a pool the ledger does not have)
 * @param lines the plan's budget lines in plan order; after them, with line number 0, any item money was paid or
 *     reserved on that the plan in force does not list (the core refuses such a plan change, so normally none)
 * @param goals the plan's goals, each with what the closing recorded against it (null until the project is completed)
 * @param results what the closing recorded overall, or null until the project is completed
 */
public record ProjectReport(String projectCode, String title, String fundCode, String fundName, String category,
                            ProjectStatus status, int planVersion, long targetFen, String poolCode,
                            int managementFeeBasisPoints, Raised raised, Match match, Sheet sheet, List<Line> lines,
                            List<Leftover> leftovers, List<Goal> goals, String results) {

    public ProjectReport {
        lines = List.copyOf(lines);
        leftovers = List.copyOf(leftovers);
        goals = List.copyOf(goals);
    }

    /**
     * What the project raised: restricted gifts less what refunds gave back from its own money ({@code totalFen}); by
     * channel and donor kind (in the order {@link Channel} and {@link DonorKind} declare them), the gifts that stand and
     * what stands of them; and how many donors gave.
     *
     * @param refundedFromFundFen refunds of gifts whose money the project had already spent: the fund owes them to the
     *     donors, so they leave {@code totalFen} as it was but are gone from the sources
     */
    public record Raised(long totalFen, long refundedFromFundFen, List<Source> sources, int donors) {

        public Raised {
            sources = List.copyOf(sources);
        }

        public long sourcesFen() {
            return sources.stream().mapToLong(Source::amountFen).reduce(0, Math::addExact);
        }

        public int gifts() {
            return sources.stream().mapToInt(Source::gifts).reduce(0, Math::addExact);
        }
    }

    /** One source of the project's money: a channel and a kind of donor, with its standing gifts and their amount. */
    public record Source(Channel channel, DonorKind donorKind, int gifts, long amountFen) {
    }

    /**
     * The seed pool's match, step by step as the calculator took it (see {@code MatchExplanation}): provisional against
     * what the pool has left while the project raises money, as settled afterwards.
     *
     * @param rateBasisPoints FLAT: the reached tier's rate on the whole base; MARGINAL or a zero base: null (see bands)
     * @param settled what the pool paid and what refunds took back; null until the match is settled
     */
    public record Match(String poolCode, String poolName, boolean eligible, MatchMode mode, int giftsCounted, long receivedFen,
                       long removedByDonationCapFen, long removedByDonorCapFen, long baseFen, int tierIndex,
                       Integer rateBasisPoints, List<Band> bands, long computedFen, long removedByProjectCapFen,
                       long cappedFen, long budgetAvailableFen, long removedByBudgetFen, long finalFen, Settled settled) {

        public Match {
            bands = List.copyOf(bands);
        }
    }

    /** A settled match: what the pool paid the project, and what later refunds took back (never more than paid). */
    public record Settled(long paidFen, long returnedFen) {

        public long netFen() {
            return Math.subtractExact(paidFen, returnedFen);
        }
    }

    /**
     * The project's money as the project-money projection keeps it.
     *
     * @param matchedFen what seed pools designated for the project, less what went back to them
     * @param owedToPoolFen match money a refund sent back after the project had spent it: the fund owes it to the pool
     * @param leftoverOutFen what the project's leftover decisions moved out (returned to the fund or to another project)
     * @param goodsIssuedFen of what was disbursed, goods issued from inventory rather than paid in cash
     * @param heldFen what the project holds (restricted and designated money)
     * @param availableFen what it holds less what approved, unpaid disbursements reserve
     */
    public record Sheet(long matchedFen, long owedToPoolFen, long transferredInFen, long feesFen, long disbursedFen,
                        long goodsIssuedFen, long leftoverOutFen, long reservedFen, long heldFen, long availableFen) {
    }

    /**
     * One budget line: planned (预算), disbursed (实际) and the difference (差异), with the plan's note on the line and the
     * reasons the committee gave for the overruns it approved on it.
     *
     * @param lineNo the plan's line number; 0 for an item the plan in force does not list
     * @param reservedFen approved and not yet paid
     * @param overrunApprovedFen the part of approved or paid disbursements beyond what the line had left, approved as such
     */
    public record Line(int lineNo, String item, long plannedFen, long disbursedFen, long reservedFen, long overrunApprovedFen,
                       String note, List<String> overrunReasons) {

        public Line {
            overrunReasons = List.copyOf(overrunReasons);
        }

        /** 差异: disbursed less planned; negative when the line spent less than planned. */
        public long differenceFen() {
            return Math.subtractExact(disbursedFen, plannedFen);
        }
    }

    /** A decision about the project's leftover money (结余处置). */
    public record Leftover(LeftoverDisposition disposition, long amountFen, String targetProjectCode, String reason) {
    }

    /** A goal of the plan and what the closing recorded against it (null until the project is completed). */
    public record Goal(String goal, String outcome) {
    }

    /** Everything the project received: raised, matched and moved in from other projects. */
    public long receivedFen() {
        return Math.addExact(Math.addExact(raised.totalFen(), sheet.matchedFen()), sheet.transferredInFen());
    }

    /** Whether the figures add up: {@link #mismatches()} is empty. */
    public boolean ties() {
        return mismatches().isEmpty();
    }

    /**
     * Every way the figures fail to add up, each saying which figures and their values, in this order: the plan against
     * its target, money on items outside the plan, the lines against the totals, the sources against what was raised,
     * the donors against the gifts, what came in and went out against what is held, what is held against what is
     * available, the leftover decisions against the leftover moved out, and the match against what the pool paid.
     */
    public List<String> mismatches() {
        List<String> out = new ArrayList<>();
        long planned = lines.stream().filter(l -> l.lineNo() != 0).mapToLong(Line::plannedFen).reduce(0, Math::addExact);
        if (planned != targetFen) {
            out.add("the budget lines plan " + yuan(planned) + " but the target is " + yuan(targetFen));
        }
        for (Line l : lines) {
            if (l.lineNo() == 0) {
                out.add("budget item '" + l.item() + "' is not in the plan in force but has " + yuan(l.disbursedFen())
                        + " disbursed and " + yuan(l.reservedFen()) + " reserved");
            }
        }
        long linesDisbursed = lines.stream().mapToLong(Line::disbursedFen).reduce(0, Math::addExact);
        if (linesDisbursed != sheet.disbursedFen()) {
            out.add("the budget lines disbursed " + yuan(linesDisbursed) + " but the project disbursed " + yuan(sheet.disbursedFen()));
        }
        long linesReserved = lines.stream().mapToLong(Line::reservedFen).reduce(0, Math::addExact);
        if (linesReserved != sheet.reservedFen()) {
            out.add("the budget lines reserve " + yuan(linesReserved) + " but the project reserves " + yuan(sheet.reservedFen()));
        }
        long standing = Math.subtractExact(raised.totalFen(), raised.refundedFromFundFen());
        if (raised.sourcesFen() != standing) {
            out.add("the sources hold " + yuan(raised.sourcesFen()) + " but raised " + yuan(raised.totalFen()) + " less "
                    + yuan(raised.refundedFromFundFen()) + " refunded from the fund is " + yuan(standing));
        }
        if (raised.donors() > raised.gifts() || (raised.donors() == 0) != (raised.gifts() == 0)) {
            out.add(raised.donors() + " donors cannot have given " + raised.gifts() + " standing gifts");
        }
        long left = Math.subtractExact(Math.subtractExact(Math.subtractExact(receivedFen(), sheet.feesFen()), sheet.disbursedFen()),
                sheet.leftoverOutFen());
        if (left != sheet.heldFen()) {
            out.add("received " + yuan(receivedFen()) + " less fees " + yuan(sheet.feesFen()) + ", disbursed "
                    + yuan(sheet.disbursedFen()) + " and leftover moved out " + yuan(sheet.leftoverOutFen()) + " is " + yuan(left)
                    + " but the project holds " + yuan(sheet.heldFen()));
        }
        if (Math.subtractExact(sheet.heldFen(), sheet.reservedFen()) != sheet.availableFen()) {
            out.add("held " + yuan(sheet.heldFen()) + " less reserved " + yuan(sheet.reservedFen()) + " is not the available "
                    + yuan(sheet.availableFen()));
        }
        long decided = leftovers.stream().mapToLong(Leftover::amountFen).reduce(0, Math::addExact);
        if (decided != sheet.leftoverOutFen()) {
            out.add("the leftover decisions move " + yuan(decided) + " but the project moved out " + yuan(sheet.leftoverOutFen()));
        }
        matchMismatches(out);
        return List.copyOf(out);
    }

    private void matchMismatches(List<String> out) {
        if (poolCode != null && match == null) {
            out.add("the plan names pool " + poolCode + " but no match was read for it");
        }
        Settled settled = match == null ? null : match.settled();
        if (settled == null) {
            // Only a settlement moves money from a pool to a project.
            if (sheet.matchedFen() != 0) {
                out.add("the project was matched " + yuan(sheet.matchedFen()) + " without a settled match");
            }
            return;
        }
        // A refund after settlement takes match money back: what the project still holds of it at once, what it had spent
        // as a debt of the fund to the pool. So the project's matched money lies between what it keeps and what was paid.
        if (sheet.matchedFen() < settled.netFen() || sheet.matchedFen() > settled.paidFen()) {
            out.add("the project was matched " + yuan(sheet.matchedFen()) + " but the pool paid " + yuan(settled.paidFen())
                    + " and took back " + yuan(settled.returnedFen()));
        }
        if (settled.returnedFen() == 0 && match.finalFen() != settled.paidFen()) {
            out.add("the match explains " + yuan(match.finalFen()) + " but the pool paid " + yuan(settled.paidFen())
                    + " and took nothing back");
        }
    }

    private static String yuan(long fen) {
        return Money.format(fen);
    }
}
