package org.mingzhang.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.matching.MatchBase;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.MatchableGift;

/**
 * The method (version {@value Outflow#METHOD_VERSION}, docs/reference/attribution.md), applied to the journal's
 * transactions in order, one at a time. It looks only at what a transaction does to the accounts that hold a project's
 * money (410102, 3102, 310101 of the project's fund, as {@link org.mingzhang.project.ProjectMoney} counts them): money in
 * becomes units, money out is attributed to the units. So the units' remaining always sum to what the project holds.
 * The writer's projection and the first build run the same code; only where the units come from differs ({@link Context}).
 */
final class Attributor {

    /** What the method reads beside the transactions. */
    interface Context {

        /** The project with this code, or null. */
        ProjectRef project(String code);

        /** An account's code. */
        String accountCode(long accountId);

        /** Every unit of the project, to change in place. */
        Map<Unit.Key, Unit> units(long projectId);

        /**
         * One unit of the project, or null, without reading the others (a gift's own unit is new with the gift). The
         * caller puts a new one with {@link #put}.
         */
        Unit unit(long projectId, Unit.Key key);

        void put(Unit unit);

        /** The project's gifts as the matching rule sees them, by id (their amounts are replaced by what stands). */
        Map<Long, MatchableGift> giftsOf(long projectId);

        /** The matching rule of the pool with this code (null if there is none). */
        MatchRule rule(String poolCode);
    }

    /** A project's id and fund. */
    record ProjectRef(long id, long fundId) {
    }

    /** A unit by project and key. */
    private record UnitRef(long projectId, Unit.Key key) {
    }

    private static final Set<String> HELD = Set.of(ChartTemplate.RESTRICTED_DONATIONS, ChartTemplate.RESTRICTED_NET_ASSETS,
            ChartTemplate.DESIGNATED_NET_ASSETS);

    private final Context context;
    private final List<Outflow> outflows = new ArrayList<>();
    /** Units changed, in the order first changed. */
    private final Set<UnitRef> changed = new LinkedHashSet<>();
    /** A leftover out of a project, held until the next transaction says whether it moved to another project. */
    private Transaction pendingLeftover;

    Attributor(Context context) {
        this.context = context;
    }

    /** Applies one transaction (those that name no project change nothing here). */
    void accept(Transaction t) {
        if (pendingLeftover != null) {
            Transaction out = pendingLeftover;
            pendingLeftover = null;
            if (t.kind() == TransactionKind.LEFTOVER && t.idempotencyKey() != null
                    && t.idempotencyKey().startsWith(out.idempotencyKey() + ":to:")) {
                move(out, t);
                return;
            }
            outflow(out, OutflowKind.LEFTOVER_RETURNED, null, null, null);
        }
        String code = t.references().project();
        ProjectRef project = code == null ? null : context.project(code);
        if (project == null) {
            return;
        }
        long delta = heldDelta(t, project);
        Long giftId = parse(t.references().gift());
        boolean refund = giftId != null && (t.kind() == TransactionKind.REFUND || t.kind() == TransactionKind.REVERSAL);
        if (refund) {
            // What stands of the gift falls by the whole refund, paid back now or owed by the fund.
            Unit own = context.units(project.id()).get(new Unit.Key(giftId, Part.GIFT));
            if (own != null) {
                long refunded = refundedFen(t, project);
                put(own.with(own.inFen(), Math.max(0, own.standingFen() - refunded), own.remainingFen()));
            }
        }
        if (delta > 0) {
            inflow(t, project, delta, giftId);
        } else if (delta < 0) {
            if (t.kind() == TransactionKind.LEFTOVER) {
                pendingLeftover = t;
            } else if (refund) {
                outflow(t, OutflowKind.REFUND, null, new Unit.Key(giftId, Part.GIFT), null);
            } else if (t.kind() == TransactionKind.MATCH) {
                outflow(t, OutflowKind.MATCH_RETURNED, null, giftId == null ? null : new Unit.Key(giftId, Part.MATCH), null);
            } else if (t.references().disbursement() != null) {
                outflow(t, OutflowKind.PAYMENT, parse(t.references().disbursement()), null, null);
            } else if (t.kind() == TransactionKind.FEE) {
                outflow(t, OutflowKind.FEE, null, null, null);
            } else {
                outflow(t, OutflowKind.OTHER, null, null, null);
            }
        }
    }

    /** Ends the run: a leftover still held was returned to the fund. */
    void finish() {
        if (pendingLeftover != null) {
            Transaction out = pendingLeftover;
            pendingLeftover = null;
            outflow(out, OutflowKind.LEFTOVER_RETURNED, null, null, null);
        }
    }

    List<Outflow> outflows() {
        return outflows;
    }

    /** The units changed so far, as they now stand. */
    List<Unit> changedUnits() {
        List<Unit> units = new ArrayList<>(changed.size());
        for (UnitRef ref : changed) {
            units.add(context.unit(ref.projectId(), ref.key()));
        }
        return units;
    }

    // --- money in ------------------------------------------------------------------------------------------------

    private void inflow(Transaction t, ProjectRef project, long amount, Long giftId) {
        if (t.kind() == TransactionKind.DONATION && giftId != null) {
            Unit.Key key = new Unit.Key(giftId, Part.GIFT);
            Unit was = context.unit(project.id(), key);
            put(was == null ? new Unit(project.id(), giftId, Part.GIFT, Unit.Origin.OWN, amount, amount, amount)
                    : was.with(was.inFen() + amount, was.standingFen() + amount, was.remainingFen() + amount));
        } else if (t.kind() == TransactionKind.MATCH && t.references().pool() != null) {
            match(project, amount, context.rule(t.references().pool()));
        } else {
            add(project.id(), new Unit.Key(Unit.UNTIED, t.kind() == TransactionKind.MATCH ? Part.MATCH : Part.GIFT), amount,
                    Unit.Origin.UNTIED);
        }
    }

    /**
     * Splits match money booked into a project across its gifts in proportion to each gift's counted part in the match
     * base, as the rule counts it now: the part after the per-donation cap (an excluded gift counts nothing), and, where
     * a donor's gifts pass the per-donor cap, the donor's capped sum shared among the donor's gifts in proportion to their
     * counted parts. Two largest-remainder splits: across donors (in the order of each donor's lowest gift id), then
     * within a donor across the gifts (by id). Money that no gift counts for is tied to no gift.
     */
    private void match(ProjectRef project, long amount, MatchRule rule) {
        Map<Unit.Key, Unit> units = context.units(project.id());
        Map<String, Map<Long, Long>> byDonor = new LinkedHashMap<>();
        if (rule != null) {
            Map<Long, MatchableGift> gifts = new TreeMap<>(context.giftsOf(project.id()));
            for (Map.Entry<Long, MatchableGift> e : gifts.entrySet()) {
                Unit own = units.get(new Unit.Key(e.getKey(), Part.GIFT));
                if (own == null || own.standingFen() == 0) {
                    continue;
                }
                MatchableGift g = e.getValue();
                MatchableGift standing = new MatchableGift(g.giftId(), own.standingFen(), g.donorKey(), g.donorName(),
                        g.receivedAt(), g.inKind(), null);
                long counted = MatchBase.Part.of(rule, standing).countedFen();
                if (counted > 0) {
                    byDonor.computeIfAbsent(g.donorKey(), k -> new TreeMap<>()).put(e.getKey(), counted);
                }
            }
        }
        if (byDonor.isEmpty()) {
            add(project.id(), new Unit.Key(Unit.UNTIED, Part.MATCH), amount, Unit.Origin.UNTIED);
            return;
        }
        long cap = rule.perDonorCapFen() == null ? Long.MAX_VALUE : rule.perDonorCapFen();
        List<Map<Long, Long>> donors = new ArrayList<>(byDonor.values());
        long[] capped = new long[donors.size()];
        for (int i = 0; i < capped.length; i++) {
            capped[i] = Math.min(cap, donors.get(i).values().stream().mapToLong(Long::longValue).sum());
        }
        long[] toDonor = Shares.split(amount, capped);
        for (int i = 0; i < capped.length; i++) {
            int index = i;
            List<Long> ids = new ArrayList<>(donors.get(i).keySet());
            long[] counted = ids.stream().mapToLong(id -> donors.get(index).get(id)).toArray();
            long[] toGift = Shares.split(toDonor[i], counted);
            for (int j = 0; j < ids.size(); j++) {
                if (toGift[j] > 0) {
                    add(project.id(), new Unit.Key(ids.get(j), Part.MATCH), toGift[j], Unit.Origin.OWN);
                }
            }
        }
    }

    /** Leftover moved: attributed out of the source's units, and the same parts arrive as units in the target. */
    private void move(Transaction out, Transaction in) {
        ProjectRef target = context.project(in.references().project());
        long arrived = heldDelta(in, target);
        Outflow moved = outflow(out, OutflowKind.LEFTOVER_MOVED, null, null, target.id());
        if (moved == null) {
            return;
        }
        if (arrived != moved.amountFen()) {
            throw new IllegalStateException("leftover of transaction " + out.id() + " left with " + moved.amountFen()
                    + " fen but transaction " + in.id() + " brought " + arrived + " to project " + in.references().project());
        }
        for (Outflow.Share s : moved.shares()) {
            add(target.id(), new Unit.Key(s.giftId(), s.part()), s.amountFen(),
                    s.giftId() == Unit.UNTIED ? Unit.Origin.UNTIED : Unit.Origin.MOVED_IN);
        }
    }

    private void add(long projectId, Unit.Key key, long amount, Unit.Origin origin) {
        Unit was = context.units(projectId).get(key);
        put(was == null ? new Unit(projectId, key.giftId(), key.part(), origin, amount, 0, amount)
                : was.with(was.inFen() + amount, was.standingFen(), was.remainingFen() + amount));
    }

    // --- money out -----------------------------------------------------------------------------------------------

    /**
     * Attributes what the transaction took out of its project: first from {@code first}'s remaining (a refunded gift's
     * own money, or its match share for a match sent back), the rest across all the project's units in proportion to
     * their remaining, by {@link Shares}.
     */
    private Outflow outflow(Transaction t, OutflowKind kind, Long disbursementId, Unit.Key first, Long toProjectId) {
        ProjectRef project = context.project(t.references().project());
        long amount = -heldDelta(t, project);
        Map<Unit.Key, Unit> units = context.units(project.id());
        Map<Unit.Key, Long> taken = new TreeMap<>();
        long left = amount;
        if (first != null) {
            Unit u = units.get(first);
            long fromFirst = u == null ? 0 : Math.min(left, u.remainingFen());
            if (fromFirst > 0) {
                taken.put(first, fromFirst);
                left -= fromFirst;
            }
        }
        if (left > 0) {
            List<Unit> order = units.values().stream().sorted(java.util.Comparator.comparing(Unit::key)).toList();
            long[] weights = new long[order.size()];
            long sum = 0;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = order.get(i).remainingFen() - taken.getOrDefault(order.get(i).key(), 0L);
                sum += weights[i];
            }
            if (sum < left) {
                throw new IllegalStateException("project " + t.references().project() + "'s units hold " + sum + " fen; transaction "
                        + t.id() + " takes " + left + " more: the units no longer sum to what the project holds");
            }
            long[] parts = Shares.split(left, weights);
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] > 0) {
                    taken.merge(order.get(i).key(), parts[i], Long::sum);
                }
            }
        }
        List<Outflow.Share> shares = new ArrayList<>(taken.size());
        taken.forEach((key, fen) -> {
            Unit u = units.get(key);
            put(u.with(u.inFen(), u.standingFen(), u.remainingFen() - fen));
            shares.add(new Outflow.Share(key.giftId(), key.part(), fen));
        });
        Outflow outflow = new Outflow(t.id(), project.id(), kind, disbursementId, toProjectId, t.occurredAt(), amount,
                Outflow.METHOD_VERSION, shares);
        outflows.add(outflow);
        return outflow;
    }

    // --- reading a transaction -----------------------------------------------------------------------------------

    /** What the transaction adds to (positive) or takes from (negative) what the project holds. */
    private long heldDelta(Transaction t, ProjectRef project) {
        long delta = 0;
        for (Leg leg : t.legs()) {
            if (!leg.posted() || leg.fundId() != project.fundId()) {
                continue;
            }
            if (HELD.contains(context.accountCode(leg.creditAccountId()))) {
                delta = Math.addExact(delta, leg.amountFen());
            }
            if (HELD.contains(context.accountCode(leg.debitAccountId()))) {
                delta = Math.subtractExact(delta, leg.amountFen());
            }
        }
        return delta;
    }

    /** A refund's whole amount: what it paid back from the project and what the fund owes the donor (its legs' sum). */
    private static long refundedFen(Transaction t, ProjectRef project) {
        long sum = 0;
        for (Leg leg : t.legs()) {
            if (leg.posted() && leg.fundId() == project.fundId()) {
                sum = Math.addExact(sum, leg.amountFen());
            }
        }
        return sum;
    }

    private void put(Unit unit) {
        context.put(unit);
        changed.add(new UnitRef(unit.projectId(), unit.key()));
    }

    private static Long parse(String id) {
        return id == null ? null : Long.valueOf(id);
    }
}
