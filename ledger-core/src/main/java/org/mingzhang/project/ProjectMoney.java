package org.mingzhang.project;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.journal.Phase;
import org.mingzhang.journal.TransactionKind;

/**
 * A project's money, summed from the journal transactions that name it ({@link ProjectEntry}): nothing
 * here is kept apart from the journal, so the figures reconcile to it by construction. The writer keeps
 * one per project up to date as it books; reads build one from storage.
 *
 * <ul>
 *   <li>raised: restricted gifts received for the project (410102), less refunds;</li>
 *   <li>matched: seed-fund matches settled into its restricted net assets (3102), less what refunds sent back;</li>
 *   <li>owedToPool: match money a refund sent back after the project had spent it (2209);</li>
 *   <li>transferredIn / leftoverOut: leftover money moved between projects or returned to the fund;</li>
 *   <li>per budget line: disbursed (posted programme cost, 5101) and reserved (approved, unpaid).</li>
 * </ul>
 */
public final class ProjectMoney {

    private long raisedFen;
    private long matchedFen;
    private long owedToPoolFen;
    private long transferredInFen;
    private long leftoverOutFen;
    private final Map<String, long[]> byItem = new LinkedHashMap<>();
    private final Map<Long, Reservation> openReservations = new HashMap<>();

    private record Reservation(String item, long amountFen) {
    }

    /**
     * The project's money from the transactions that name it and its disbursements (read after the
     * transactions, so that every disbursement they name is among them).
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
        for (ProjectEntry.Leg leg : entry.legs()) {
            if (leg.fundId() != fundId) {
                continue;
            }
            String item = entry.disbursementRef() == null ? null
                    : itemOfDisbursement.apply(Long.parseLong(entry.disbursementRef()));
            if (!leg.posted()) {
                if (ChartTemplate.PROGRAMME_COSTS.equals(leg.debitCode()) && item != null) {
                    line(item)[1] += leg.amountFen();
                    openReservations.merge(entry.transactionId(), new Reservation(item, leg.amountFen()),
                            (a, b) -> new Reservation(a.item(), a.amountFen() + b.amountFen()));
                }
                continue;
            }
            count(entry.kind(), leg.creditCode(), leg.amountFen(), item);
            count(entry.kind(), leg.debitCode(), -leg.amountFen(), item);
        }
    }

    /** One side of a posted leg: {@code signedFen} is positive for a credit, negative for a debit. */
    private void count(TransactionKind kind, String code, long signedFen, String item) {
        switch (code) {
            case ChartTemplate.RESTRICTED_DONATIONS -> raisedFen += signedFen;
            case ChartTemplate.PROGRAMME_COSTS -> {
                if (item != null) {
                    line(item)[0] -= signedFen;
                }
            }
            case ChartTemplate.RESTRICTED_NET_ASSETS -> {
                if (kind == TransactionKind.MATCH) {
                    matchedFen += signedFen;
                } else if (kind == TransactionKind.LEFTOVER) {
                    if (signedFen > 0) {
                        transferredInFen += signedFen;
                    } else {
                        leftoverOutFen -= signedFen;
                    }
                }
                // A disbursement's release of the restriction (Dr 3102 / Cr 3101) is the disbursed money itself.
            }
            case ChartTemplate.OTHER_PAYABLES -> {
                if (kind == TransactionKind.MATCH) {
                    owedToPoolFen += signedFen;
                }
            }
            default -> {
                // Cash, bank, inventory and unrestricted net assets are the other side of what is counted above.
            }
        }
    }

    private long[] line(String item) {
        return byItem.computeIfAbsent(item, k -> new long[2]);
    }

    public long raisedFen() {
        return raisedFen;
    }

    public long matchedFen() {
        return matchedFen;
    }

    public long owedToPoolFen() {
        return owedToPoolFen;
    }

    public long transferredInFen() {
        return transferredInFen;
    }

    public long leftoverOutFen() {
        return leftoverOutFen;
    }

    /** Everything the project has received: raised, matched and moved in (and kept although owed back). */
    public long receivedFen() {
        return raisedFen + matchedFen + owedToPoolFen + transferredInFen;
    }

    public long disbursedFen() {
        return byItem.values().stream().mapToLong(v -> v[0]).sum();
    }

    public long reservedFen() {
        return byItem.values().stream().mapToLong(v -> v[1]).sum();
    }

    /** What may still be approved for payment: received, less paid, reserved and leftover sent away. */
    public long availableFen() {
        return receivedFen() - leftoverOutFen - disbursedFen() - reservedFen();
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
