package org.mingzhang.project;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.journal.FiscalYear;
import org.mingzhang.journal.Phase;
import org.mingzhang.journal.TransactionKind;

/**
 * A project's money, summed from the journal transactions that name it ({@link ProjectEntry}): nothing here is kept
 * apart from the journal, so the figures reconcile to it by construction. The writer keeps one per project up to date
 * as it books; reads build one from storage.
 *
 * <p>What the project holds is what its <em>held accounts</em> hold for it, in its fund: restricted income of each
 * open year (410102), restricted net assets carried from closed years (3102) and unrestricted money the federation
 * designated for it (310101). Every booking that gives the project money credits one of them; every booking that
 * spends, refunds or moves it away debits one. Of what it holds, its goods are what inventory (1201) holds for it;
 * the rest is cash. Income, expense and other net-asset accounts do not count: a payment's programme cost, a refund
 * owed from the fund's own money, a year's closing entries leave the held accounts as they are.
 *
 * <p>Figures by kind: raised (restricted gifts, less what refunds gave back from the project's money; a refund of money
 * the project had spent is owed by the fund and counted apart), matched
 * (designated by a seed pool, less what went back to it), moved in and out as leftovers, and per budget line what was
 * paid (posted programme cost) and reserved (approved, unpaid).
 */
public final class ProjectMoney {

    private long restrictedNetFen;
    private final Map<Integer, Long> restrictedIncomeByYear = new TreeMap<>();
    private long designatedFen;
    private long goodsFen;
    private long raisedFen;
    private long matchedFen;
    private long owedToPoolFen;
    private long transferredInFen;
    private long leftoverOutFen;
    private long goodsIssuedFen;
    private long feesFen;
    private long refundedFromFundFen;
    private final Map<String, long[]> byItem = new LinkedHashMap<>();
    private final Map<Long, Reservation> openReservations = new HashMap<>();

    private record Reservation(String item, long amountFen, boolean goods) {
    }

    /**
     * The project's money from the transactions that name it and its disbursements (read after the transactions, so
     * that every disbursement they name is among them).
     */
    public static ProjectMoney of(Project project, List<ProjectEntry> entries, List<Disbursement> disbursements) {
        Map<Long, String> items = new HashMap<>();
        disbursements.forEach(d -> items.put(d.id(), d.budgetItem()));
        ProjectMoney money = new ProjectMoney();
        for (ProjectEntry entry : entries) {
            money.apply(entry, project.fundId(), items::get);
        }
        return money;
    }

    /**
     * Everything a project's money holds, as the projection rows keep it ({@code project_sheet} and its year, line and
     * reservation rows): the writer saves it for every project a batch touched and starts from it, never replaying the
     * journal.
     */
    public record State(long restrictedNetFen, long designatedFen, long goodsFen, long raisedFen, long matchedFen,
                        long owedToPoolFen, long transferredInFen, long leftoverOutFen, long goodsIssuedFen, long feesFen,
                        long refundedFromFundFen, Map<Integer, Long> restrictedIncomeByYear, List<Line> lines,
                        List<Reserved> reservations) {

        public State {
            restrictedIncomeByYear = Map.copyOf(restrictedIncomeByYear);
            lines = List.copyOf(lines);
            reservations = List.copyOf(reservations);
        }
    }

    /** One budget line's figures: paid and reserved. */
    public record Line(String item, long disbursedFen, long reservedFen) {
    }

    /** An open reservation: the pending transfer of an approved disbursement. */
    public record Reserved(long pendingId, String item, long amountFen, boolean goods) {
    }

    /** The state to save. */
    public State state() {
        return new State(restrictedNetFen, designatedFen, goodsFen, raisedFen, matchedFen, owedToPoolFen, transferredInFen,
                leftoverOutFen, goodsIssuedFen, feesFen, refundedFromFundFen, restrictedIncomeByYear,
                byItem.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
                openReservations.entrySet().stream().map(e -> new Reserved(e.getKey(), e.getValue().item(), e.getValue().amountFen(),
                        e.getValue().goods())).toList());
    }

    /** The money a saved state describes. */
    public static ProjectMoney of(State s) {
        ProjectMoney m = new ProjectMoney();
        m.restrictedNetFen = s.restrictedNetFen();
        m.designatedFen = s.designatedFen();
        m.goodsFen = s.goodsFen();
        m.raisedFen = s.raisedFen();
        m.matchedFen = s.matchedFen();
        m.owedToPoolFen = s.owedToPoolFen();
        m.transferredInFen = s.transferredInFen();
        m.leftoverOutFen = s.leftoverOutFen();
        m.goodsIssuedFen = s.goodsIssuedFen();
        m.feesFen = s.feesFen();
        m.refundedFromFundFen = s.refundedFromFundFen();
        m.restrictedIncomeByYear.putAll(s.restrictedIncomeByYear());
        s.lines().forEach(l -> m.byItem.put(l.item(), new long[] {l.disbursedFen(), l.reservedFen()}));
        s.reservations().forEach(r -> m.openReservations.put(r.pendingId(), new Reservation(r.item(), r.amountFen(), r.goods())));
        return m;
    }

    /**
     * Adds one transaction that names the project.
     *
     * @param fundId the project's fund: legs in other funds (a match's side in the pool) are not the project's
     * @param itemOfDisbursement the budget item a disbursement was requested against
     */
    public void apply(ProjectEntry entry, long fundId, LongFunction<String> itemOfDisbursement) {
        if (entry.pendingId() != null && (entry.phase() == Phase.POST_PENDING || entry.phase() == Phase.VOID_PENDING)) {
            Reservation r = openReservations.remove(entry.pendingId());
            if (r != null) {
                line(r.item())[1] -= r.amountFen();
            }
        }
        int year = FiscalYear.of(entry.occurredAt());
        String item = entry.disbursementRef() == null ? null : itemOfDisbursement.apply(Long.parseLong(entry.disbursementRef()));
        for (ProjectEntry.Leg leg : entry.legs()) {
            if (leg.fundId() != fundId) {
                continue;
            }
            if (!leg.posted()) {
                if (ChartTemplate.PROGRAMME_COSTS.equals(leg.debitCode()) && item != null) {
                    boolean goods = ChartTemplate.INVENTORY.equals(leg.creditCode());
                    line(item)[1] += leg.amountFen();
                    openReservations.merge(entry.transactionId(), new Reservation(item, leg.amountFen(), goods),
                            (a, b) -> new Reservation(a.item(), a.amountFen() + b.amountFen(), a.goods()));
                }
                continue;
            }
            count(entry.kind(), leg.creditCode(), leg.amountFen(), year);
            count(entry.kind(), leg.debitCode(), -leg.amountFen(), year);
            if (ChartTemplate.PROGRAMME_COSTS.equals(leg.debitCode())) {
                if (item != null) {
                    line(item)[0] += leg.amountFen();
                }
                if (ChartTemplate.INVENTORY.equals(leg.creditCode())) {
                    goodsIssuedFen += leg.amountFen();
                }
            }
        }
    }

    /** One side of a posted leg: {@code creditFen} is positive for a credit, negative for a debit. */
    private void count(TransactionKind kind, String code, long creditFen, int year) {
        switch (code) {
            case ChartTemplate.RESTRICTED_DONATIONS -> {
                restrictedIncomeByYear.merge(year, creditFen, Long::sum);
                countRaised(kind, creditFen);
            }
            case ChartTemplate.RESTRICTED_NET_ASSETS -> {
                restrictedNetFen += creditFen;
                countRaised(kind, creditFen);
            }
            case ChartTemplate.DESIGNATED_NET_ASSETS -> {
                designatedFen += creditFen;
                if (kind == TransactionKind.MATCH) {
                    matchedFen += creditFen;
                }
                countLeftover(kind, creditFen);
            }
            case ChartTemplate.INVENTORY -> goodsFen -= creditFen;
            // The project's management fees, and refunds of its gifts whose money it had spent (the fund owes those).
            case ChartTemplate.MANAGEMENT_EXPENSES -> {
                if (kind == TransactionKind.FEE) {
                    feesFen -= creditFen;
                } else if (kind == TransactionKind.REFUND) {
                    refundedFromFundFen -= creditFen;
                }
            }
            // Books written before the pool's debt moved to 2901 kept it in 2209: both count.
            // The pool's debt grows with a match returned after the money was spent, and shrinks as the fund pays it.
            case ChartTemplate.DUE_TO_OTHER_FUNDS -> {
                if (kind == TransactionKind.MATCH || kind == TransactionKind.SETTLEMENT) {
                    owedToPoolFen += creditFen;
                }
            }
            case ChartTemplate.OTHER_PAYABLES -> {
                if (kind == TransactionKind.MATCH) {
                    owedToPoolFen += creditFen;
                }
            }
            default -> {
                // Income, expenses, cash and the fund's own net assets are the other side of what is counted above.
            }
        }
    }

    private void countRaised(TransactionKind kind, long creditFen) {
        // A refund reversed the gift's transaction before refunds had their own kind: such reversals count too.
        if (kind == TransactionKind.DONATION || kind == TransactionKind.REFUND || kind == TransactionKind.REVERSAL) {
            raisedFen += creditFen;
        }
        countLeftover(kind, creditFen);
    }

    private void countLeftover(TransactionKind kind, long creditFen) {
        if (kind == TransactionKind.LEFTOVER) {
            if (creditFen > 0) {
                transferredInFen += creditFen;
            } else {
                leftoverOutFen -= creditFen;
            }
        }
    }

    private long[] line(String item) {
        return byItem.computeIfAbsent(item, k -> new long[2]);
    }

    // --- what the project holds ------------------------------------------------------------------------------

    /** Restricted net assets carried from closed years (3102): spent first. */
    public long restrictedNetFen() {
        return restrictedNetFen;
    }

    /** Restricted income of the year, not yet closed into net assets (410102). */
    public long restrictedIncomeFen(int year) {
        return restrictedIncomeByYear.getOrDefault(year, 0L);
    }

    /** The years before {@code year} whose restricted income the project still holds: they must be closed first. */
    public List<Integer> openYearsBefore(int year) {
        return restrictedIncomeByYear.entrySet().stream().filter(e -> e.getKey() < year && e.getValue() != 0)
                .map(Map.Entry::getKey).toList();
    }

    /** Unrestricted money the federation designated for the project (310101): spent after the restricted money. */
    public long designatedFen() {
        return designatedFen;
    }

    /** Everything the project holds: restricted (income and net assets) and designated. */
    public long holdingsFen() {
        long income = restrictedIncomeByYear.values().stream().mapToLong(Long::longValue).sum();
        return Math.addExact(Math.addExact(restrictedNetFen, income), designatedFen);
    }

    /** Restricted money the project holds, in income and net assets. */
    public long restrictedFen() {
        return holdingsFen() - designatedFen;
    }

    /** Goods in the fund's inventory that belong to the project. */
    public long goodsHeldFen() {
        return goodsFen;
    }

    /** Cash (cash on hand and bank) that belongs to the project. */
    public long cashHeldFen() {
        return holdingsFen() - goodsFen;
    }

    public long reservedFen() {
        return byItem.values().stream().mapToLong(v -> v[1]).sum();
    }

    public long reservedGoodsFen() {
        return openReservations.values().stream().filter(Reservation::goods).mapToLong(Reservation::amountFen).sum();
    }

    public long reservedCashFen() {
        return reservedFen() - reservedGoodsFen();
    }

    /** What may still be approved for payment: what the project holds, less what is reserved. */
    public long availableFen() {
        return holdingsFen() - reservedFen();
    }

    /** Cash that may still be paid out or refunded: held and not reserved. */
    public long availableCashFen() {
        return cashHeldFen() - reservedCashFen();
    }

    /** Goods that may still be issued or returned: held and not reserved. */
    public long availableGoodsFen() {
        return goodsFen - reservedGoodsFen();
    }

    // --- what came in and went out -----------------------------------------------------------------------------

    public long raisedFen() {
        return raisedFen;
    }

    public long matchedFen() {
        return matchedFen;
    }

    /** Match money a refund sent back after the project had spent it: owed to the pool by the fund, not the project. */
    public long owedToPoolFen() {
        return owedToPoolFen;
    }

    public long transferredInFen() {
        return transferredInFen;
    }

    public long leftoverOutFen() {
        return leftoverOutFen;
    }

    /** Management fees (管理费) charged to the project's restricted money, as its plan allows. */
    public long feesFen() {
        return feesFen;
    }

    /**
     * Refunds of the project's gifts whose money the project had already spent: the fund owes them to the donors
     * (Dr 5201 / Cr 2209), so they are not counted against what the project raised or holds.
     */
    public long refundedFromFundFen() {
        return refundedFromFundFen;
    }

    /** Everything the project has received: raised, matched and moved in. */
    public long receivedFen() {
        return raisedFen + matchedFen + transferredInFen;
    }

    public long disbursedFen() {
        return byItem.values().stream().mapToLong(v -> v[0]).sum();
    }

    /** Of what was disbursed, goods issued from inventory (物资发放) rather than paid in cash. */
    public long goodsIssuedFen() {
        return goodsIssuedFen;
    }

    public long disbursedFen(String item) {
        long[] v = byItem.get(item);
        return v == null ? 0 : v[0];
    }

    public long reservedFen(String item) {
        long[] v = byItem.get(item);
        return v == null ? 0 : v[1];
    }

    /** Whether any money was paid or reserved against the item. */
    public boolean touches(String item) {
        long[] v = byItem.get(item);
        return v != null && (v[0] != 0 || v[1] != 0);
    }
}
