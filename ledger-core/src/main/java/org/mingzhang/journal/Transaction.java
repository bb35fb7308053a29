package org.mingzhang.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded journal transaction: immutable once written, balanced within each fund (it is a set of
 * {@link Leg legs}), and chained to its predecessor by {@link #hash()}.
 *
 * @param fundId the fund the entry was made for (a linked two-fund entry has legs in one more fund)
 * @param occurredAt the event time (when the money moved, as the accountant dates it)
 * @param recordedAt when the ledger wrote it
 * @param reversesId the transaction this one reverses, if it is a reversal
 * @param pendingId the pending transaction this one posts or voids
 */
public record Transaction(long id, String idempotencyKey, String requestHash, long fundId, TransactionKind kind, Phase phase,
                          String memo, Instant occurredAt, Instant recordedAt, Long reversesId, Long pendingId,
                          References references, String recordedBy, String prevHash, String hash, List<Leg> legs) {

    public Transaction {
        legs = List.copyOf(legs);
        if (legs.isEmpty() && phase != Phase.VOID_PENDING) {
            throw new IllegalStateException("transaction " + id + " must have legs");
        }
    }

    /** The sum of all legs, in every fund the transaction touches. */
    public long amountFen() {
        long total = 0;
        for (Leg leg : legs) {
            total = Math.addExact(total, leg.amountFen());
        }
        return total;
    }

    /**
     * What the transaction moves in one fund: the sum of its legs there, which is the fund's debit total (借方合计) for
     * it. A linked two-fund transaction (a match, a pool's funding) moves the same money in each fund, so its amount is
     * given per fund, never added across them.
     */
    public long amountFen(long inFundId) {
        long total = 0;
        for (Leg leg : legs) {
            if (leg.fundId() == inFundId) {
                total = Math.addExact(total, leg.amountFen());
            }
        }
        return total;
    }

    /** The funds the transaction touches, in the order its legs first name them. */
    public List<Long> fundIds() {
        return legs.stream().map(Leg::fundId).distinct().toList();
    }

    /**
     * Whether the transaction counts in the books' balances: false for a pending reservation (it only holds money back
     * until it is posted or voided) and for a void (it releases a reservation and books nothing).
     */
    public boolean booked() {
        return phase.movesPostedBalances();
    }

    /** The legs summed per account, debits first, in the order the accounts first appear. */
    public List<Posting> postings() {
        Map<Long, long[]> byAccount = new LinkedHashMap<>();
        Map<Long, Long> fundOf = new LinkedHashMap<>();
        for (Leg leg : legs) {
            byAccount.computeIfAbsent(leg.debitAccountId(), k -> new long[2])[0] += leg.amountFen();
            byAccount.computeIfAbsent(leg.creditAccountId(), k -> new long[2])[1] += leg.amountFen();
            fundOf.put(leg.debitAccountId(), leg.fundId());
            fundOf.put(leg.creditAccountId(), leg.fundId());
        }
        List<Posting> debits = new ArrayList<>();
        List<Posting> credits = new ArrayList<>();
        byAccount.forEach((accountId, dc) -> {
            long net = dc[0] - dc[1];
            if (net > 0) {
                debits.add(new Posting(fundOf.get(accountId), accountId, net, 0));
            } else if (net < 0) {
                credits.add(new Posting(fundOf.get(accountId), accountId, 0, -net));
            }
        });
        debits.addAll(credits);
        return debits;
    }
}
