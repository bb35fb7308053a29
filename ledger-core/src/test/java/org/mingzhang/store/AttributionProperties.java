package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mingzhang.store.jooq.Tables.ATTRIBUTION;
import static org.mingzhang.store.jooq.Tables.ATTRIBUTION_OUTFLOW;
import static org.mingzhang.store.jooq.Tables.ATTRIBUTION_UNIT;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.attribution.GiftFlow;
import org.mingzhang.attribution.OutflowKind;
import org.mingzhang.attribution.ProjectFlow;
import org.mingzhang.attribution.Use;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.matching.CreatePool;
import org.mingzhang.matching.MatchBase;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.MatchableGift;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.Tier;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.ChargeManagementFee;
import org.mingzhang.project.Closing;
import org.mingzhang.project.CompleteProject;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.DecideDisbursement;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisposeLeftover;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.PayDisbursement;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.RequestDisbursement;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * Attribution to the fen under random use (issue 13): a community fund with four projects (three matched by a seed pool
 * whose rule caps each gift and each donor, two charging a management fee) takes random gifts from a few repeating
 * donors, refunds whole and in part (before and after the match), closes of fundraising (the match settles), several
 * payments, fees, and leftover decisions (moved to another running project, or returned), all through the real ledger.
 * After every step, for every project of the try:
 *
 * <ul>
 *   <li>each outflow's attribution rows sum to it exactly, and it is exactly what the transaction took from what the
 *       project holds;</li>
 *   <li>no unit is negative, each unit's attributions are what came into it less what remains, and no gift is attributed
 *       more than its own money, its match share and what it carried in with leftover put in;</li>
 *   <li>the units' remaining sum to what the project holds as its sheet reports (and its flow's unspent says);</li>
 *   <li>each gift's flow adds up: unspent = amount + match share − its uses other than leftover moved on;</li>
 *   <li>the units and every attribution part equal the same method folded from the journal by a plain fold written here,
 *       apart from the production code (its own largest remainder, match split and leftover pairing).</li>
 * </ul>
 */
abstract class AttributionProperties extends PropertiesOnDatabase {

    enum Kind { GIFT, REFUND, REFUND_PART, CLOSE_FUNDRAISING, PAY, FEE, LEFTOVER }

    record Action(Kind kind, int target, int pick, long amountFen) {
    }

    static final Actor WANG = new Actor(91, "王会计");
    static final Actor LI = new Actor(92, "李委员");
    static final Instant OPENS = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-31T15:59:59Z");
    static final Instant GIFT_DAY = Instant.parse("2026-07-01T00:00:00Z");
    static final Set<String> HELD = Set.of(ChartTemplate.RESTRICTED_DONATIONS, ChartTemplate.RESTRICTED_NET_ASSETS,
            ChartTemplate.DESIGNATED_NET_ASSETS);
    static final int PROJECTS = 4;

    static Arbitrary<Long> amounts() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(1L)), Tuple.of(1, Arbitraries.just(3L)),
                Tuple.of(6, Arbitraries.longs().between(1, 500_00)), Tuple.of(2, Arbitraries.longs().between(500_00, 3_000_00)));
    }

    /** While the projects raise money: gifts from a few repeating donors, refunds whole and in part, fees. */
    @Provide
    Arbitrary<List<Action>> raising() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(Kind.GIFT)),
                Tuple.of(1, Arbitraries.just(Kind.REFUND)), Tuple.of(2, Arbitraries.just(Kind.REFUND_PART)),
                Tuple.of(1, Arbitraries.just(Kind.FEE)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, PROJECTS - 1), Arbitraries.integers().between(0, 999),
                amounts()).as(Action::new).list().ofMinSize(10).ofMaxSize(40);
    }

    /** Once most projects spend: payments, refunds after the match, fees, leftover decisions, a late close. */
    @Provide
    Arbitrary<List<Action>> spending() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Kind.GIFT)),
                Tuple.of(2, Arbitraries.just(Kind.REFUND)), Tuple.of(3, Arbitraries.just(Kind.REFUND_PART)),
                Tuple.of(1, Arbitraries.just(Kind.CLOSE_FUNDRAISING)), Tuple.of(8, Arbitraries.just(Kind.PAY)),
                Tuple.of(1, Arbitraries.just(Kind.FEE)), Tuple.of(3, Arbitraries.just(Kind.LEFTOVER)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, PROJECTS - 1), Arbitraries.integers().between(0, 999),
                amounts()).as(Action::new).list().ofMinSize(10).ofMaxSize(40);
    }

    @Property(tries = 15)
    @Label("every outflow's attributions sum to it exactly, no gift is attributed more than it put in, the units hold what "
            + "the project holds, and the projection equals a fold of the journal, whatever the gifts, matches, refunds, "
            + "payments, fees and leftover moves")
    void attributionAddsUp(@ForAll("raising") List<Action> raising, @ForAll("spending") List<Action> spending) {
        Run run = new Run();
        raising.forEach(run::step);
        // Most projects stop raising and start spending here (the match settles); the rest may close later, or never.
        for (int p = 0; p < PROJECTS; p++) {
            if (raising.size() % PROJECTS != p) {
                run.step(new Action(Kind.CLOSE_FUNDRAISING, p, 0, 0));
            }
        }
        spending.forEach(run::step);
        // The first build on books from before the projection: forget that it is built, open the ledger again, and the
        // units it folds from the whole journal are the ones it kept (the outflows, append-only, stay as they were).
        ledger.close();
        handle.database().dsl().deleteFrom(org.mingzhang.store.jooq.Tables.PROJECTION_BUILT)
                .where(org.mingzhang.store.jooq.Tables.PROJECTION_BUILT.NAME.eq(org.mingzhang.attribution.AttributionStore.NAME))
                .execute();
        ledger = org.mingzhang.assembly.LedgerAssembly.open(handle.database().ports(), org.mingzhang.journal.TestClock.in2026(),
                org.mingzhang.journal.LedgerWriter.Settings.DEFAULT);
        assertThat(new JooqAttributions(handle.database().dsl()).attributionBuilt()).isTrue();
        run.invariants("a build from the journal");
    }

    final class Run {

        final LedgerFixture f = new LedgerFixture(ledger, "A" + Long.toHexString(System.nanoTime()).toUpperCase());
        final Database database = handle.database();
        final long firstTransactionId;
        final List<Gift> gifts = new ArrayList<>();
        final Fund fund;

        Run() {
            f.fund("SEED", FundLevel.SEED, null, false);
            f.deposit("SEED", 50_000_00);
            f.fund("CITY");
            fund = f.fund("COMM", FundLevel.COMMUNITY, "CITY", false);
            MatchRule rule = MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 1_500), new Tier(2_000_00, 3_000)), OPENS, CLOSES)
                    .withPerDonationCapFen(800_00L).withPerDonorCapFen(1_200_00L);
            ledger.execute(new CreatePool(LedgerFixture.key(), WANG, f.code("YG"), "配捐", f.code("SEED"), 10_000_00,
                    SettlementMode.AT_PROJECT_CLOSE, rule)).value();
            project(0, true, 500);
            project(1, true, 0);
            project(2, false, 1_000);
            project(3, true, 0);
            firstTransactionId = ledger.reads().chainHead().transactionId();
        }

        void project(int p, boolean matched, int feeBasisPoints) {
            ProjectPlan plan = new ProjectPlan("项目 " + p, "便民维修", "居民需要", List.of("完成"), 200_000_00,
                    List.of(new BudgetLine(1, "材料", 200_000_00, null)), "计划", List.of(new TeamMember("负责人", "负责人")),
                    OPENS, CLOSES, matched ? f.code("YG") : null, feeBasisPoints);
            ledger.execute(new CreateProject(WANG, code(p), f.code("COMM"), plan, null)).value();
            ledger.execute(new TransitionProject(WANG, code(p), ProjectTransition.SUBMIT, null)).value();
            ledger.execute(new TransitionProject(LI, code(p), ProjectTransition.APPROVE, "同意")).value();
        }

        String code(int p) {
            return f.code("P" + p);
        }

        Project project(int p) {
            return database.projectStore().project(code(p)).orElseThrow();
        }

        void step(Action a) {
            switch (a.kind()) {
                case GIFT -> {
                    // Five donors, so that the per-donor cap meets several gifts of one donor.
                    String donor = "捐赠人" + (a.pick() % 5);
                    Outcome<Gift> g = run(new RecordGift(LedgerFixture.key(), WANG, f.code("COMM"), code(a.target()), a.amountFen(),
                            Channel.BANK_TRANSFER, new Donor(donor, DonorKind.PERSON, null, f.prefix + donor, null, false, false),
                            null, GIFT_DAY, null));
                    if (g.accepted()) {
                        gifts.add(g.value());
                    }
                }
                case REFUND, REFUND_PART -> {
                    if (!gifts.isEmpty()) {
                        int i = a.pick() % gifts.size();
                        Outcome<Gift> r = run(new RefundGift(LedgerFixture.key(), WANG, gifts.get(i).id(), "退款",
                                a.kind() == Kind.REFUND ? null : a.amountFen()));
                        if (r.accepted()) {
                            gifts.set(i, r.value());
                        }
                    }
                }
                case CLOSE_FUNDRAISING -> run(new TransitionProject(WANG, code(a.target()), ProjectTransition.CLOSE_FUNDRAISING, null));
                case PAY -> {
                    long held = database.projectSheets().money(project(a.target()).id()).availableCashFen();
                    long fen = a.pick() % 3 == 0 ? Math.max(1, held) : a.pick() % 3 == 1 ? Math.max(1, held / 2) : a.amountFen();
                    Outcome<Disbursement> d = run(new RequestDisbursement(WANG, code(a.target()), "材料", fen, "某公司", "采购材料",
                            null, null));
                    if (d.accepted()) {
                        Outcome<Disbursement> approved = run(new DecideDisbursement(LI, d.value().id(),
                                DecideDisbursement.Decision.APPROVE, false, null));
                        if (approved.accepted()) {
                            run(new PayDisbursement(WANG, d.value().id(), LedgerFixture.key()));
                        } else {
                            run(new DecideDisbursement(LI, d.value().id(), DecideDisbursement.Decision.REJECT, false, "不批"));
                        }
                    }
                }
                case FEE -> run(new ChargeManagementFee(LedgerFixture.key(), WANG, code(a.target())));
                case LEFTOVER -> {
                    int target = (a.target() + 1 + a.pick() % (PROJECTS - 1)) % PROJECTS;
                    run(new CompleteProject(WANG, code(a.target()), new Closing("完成", List.of("已完成"), WANG)));
                    run(new DisposeLeftover(LI, code(a.target()), a.pick() % 3 == 0 ? LeftoverDisposition.RETURN_TO_FUND
                            : LeftoverDisposition.TRANSFER_TO_PROJECT, a.pick() % 3 == 0 ? null : code(target), "结余处理"));
                }
            }
        }

        <T> Outcome<T> run(LedgerCommand<T> command) {
            Outcome<T> outcome = ledger.execute(command);
            net.jqwik.api.statistics.Statistics.collect(command.getClass().getSimpleName(),
                    outcome.accepted() ? "accepted" : ((Outcome.Rejected<T>) outcome).rejection().name());
            invariants(command.getClass().getSimpleName());
            return outcome;
        }

        void invariants(String after) {
            Map<String, Project> projects = new LinkedHashMap<>();
            Map<Long, Project> byId = new HashMap<>();
            for (int p = 0; p < PROJECTS; p++) {
                Project project = project(p);
                projects.put(project.code(), project);
                byId.put(project.id(), project);
            }
            List<Long> ids = List.copyOf(byId.keySet());
            var dsl = database.dsl();

            // What the projection keeps: units, outflows and their parts.
            Map<String, long[]> units = new TreeMap<>();
            dsl.selectFrom(ATTRIBUTION_UNIT).where(ATTRIBUTION_UNIT.PROJECT_ID.in(ids)).forEach(u -> units.put(
                    u.getProjectId() + ":" + u.getGiftId() + ":" + u.getPart(),
                    new long[] {u.getInFen(), u.getStandingFen(), u.getRemainingFen()}));
            Map<Long, Long> outflows = new TreeMap<>();
            dsl.selectFrom(ATTRIBUTION_OUTFLOW).where(ATTRIBUTION_OUTFLOW.PROJECT_ID.in(ids)).forEach(o -> {
                outflows.put(o.getTransactionId(), o.getAmountFen());
                assertThat(o.getFromGiftFen() + o.getFromMatchFen()).as("outflow %d's parts by kind after %s", o.getTransactionId(),
                        after).isEqualTo(o.getAmountFen());
                assertThat(o.getMethodVersion()).isEqualTo(1);
            });
            Map<String, Long> parts = new TreeMap<>();
            Map<Long, Long> partsByOutflow = new TreeMap<>();
            Map<String, Long> attributedToUnit = new HashMap<>();
            Map<Long, Long> attributedToGift = new HashMap<>();
            dsl.selectFrom(ATTRIBUTION).where(ATTRIBUTION.PROJECT_ID.in(ids)).forEach(r -> {
                parts.put(r.getTransactionId() + ":" + r.getGiftId() + ":" + r.getPart(), r.getAmountFen());
                partsByOutflow.merge(r.getTransactionId(), r.getAmountFen(), Long::sum);
                attributedToUnit.merge(r.getProjectId() + ":" + r.getGiftId() + ":" + r.getPart(), r.getAmountFen(), Long::sum);
                attributedToGift.merge(r.getGiftId(), r.getAmountFen(), Long::sum);
                assertThat(r.getMethodVersion()).isEqualTo(1);
            });

            // 1. Every outflow's parts sum to it exactly.
            assertThat(partsByOutflow).as("each outflow's attribution rows summed, after %s", after).isEqualTo(outflows);

            // 2. No unit negative; each unit's attributions are what came in less what remains; no gift attributed more
            //    than it, its match share and what it carried in put in.
            Map<Long, Long> putIn = new HashMap<>();
            units.forEach((key, v) -> {
                assertThat(v[2]).as("unit %s remaining after %s", key, after).isNotNegative();
                assertThat(attributedToUnit.getOrDefault(key, 0L)).as("unit %s attributed after %s", key, after)
                        .isEqualTo(v[0] - v[2]);
                putIn.merge(Long.parseLong(key.split(":")[1]), v[0], Long::sum);
            });
            attributedToGift.forEach((gift, fen) -> assertThat(fen).as("gift %d attributed after %s", gift, after)
                    .isLessThanOrEqualTo(putIn.getOrDefault(gift, 0L)));

            // 3. The units hold what the project holds.
            for (Project p : projects.values()) {
                long remaining = units.entrySet().stream().filter(e -> e.getKey().startsWith(p.id() + ":"))
                        .mapToLong(e -> e.getValue()[2]).sum();
                long holds = database.projectSheets().money(p.id()).holdingsFen();
                assertThat(remaining).as("project %s's units against what it holds, after %s", p.code(), after).isEqualTo(holds);
                ProjectFlow flow = database.attributions().projectFlow(p.id());
                assertThat(flow.unspentFen()).isEqualTo(holds);
                assertThat(flow.fromGiftsFen() + flow.fromMatchFen() + flow.movedInFen() + flow.untiedFen()
                        - flow.outflows().stream().mapToLong(Use::amountFen).sum()).as("project %s's flow after %s", p.code(), after)
                        .isEqualTo(holds);
            }

            // 4. Each gift's flow adds up.
            for (Gift g : gifts) {
                GiftFlow flow = database.attributions().giftFlow(g.id()).orElseThrow();
                long used = flow.uses().stream().filter(u -> u.kind() != OutflowKind.LEFTOVER_MOVED).mapToLong(Use::amountFen).sum();
                assertThat(flow.unspentFen()).as("gift %d's unspent after %s", g.id(), after)
                        .isEqualTo(flow.amountFen() + flow.matchShareFen() - used);
                assertThat(flow.uses()).isSortedAccordingTo(Comparator.comparing(Use::date));
            }

            // 5. The projection equals the plain fold of the journal.
            Fold fold = new Fold(projects, byId);
            ledger.reads().forEachTransaction(firstTransactionId, fold.transactions::add);
            fold.run();
            assertThat(units).as("units against the fold, after %s", after).usingRecursiveComparison().isEqualTo(fold.units);
            assertThat(parts).as("attribution parts against the fold, after %s", after).isEqualTo(fold.parts);
        }

        /**
         * The method (docs/reference/attribution.md) folded from the journal in the plainest way, apart from the
         * production code: the try's transactions in order, a leftover out paired with the transaction right after it.
         */
        final class Fold {
            final Map<String, Project> projects;
            final Map<Long, Project> byId;
            final List<Transaction> transactions = new ArrayList<>();
            /** "project:gift:PART" → {in, standing, remaining}. */
            final Map<String, long[]> units = new TreeMap<>();
            /** "transaction:gift:PART" → fen. */
            final Map<String, Long> parts = new TreeMap<>();
            final Map<Long, String> codes = new HashMap<>();

            Fold(Map<String, Project> projects, Map<Long, Project> byId) {
                this.projects = projects;
                this.byId = byId;
                ledger.reads().accounts(fund.id()).forEach(a -> codes.put(a.id(), a.code()));
            }

            void run() {
                for (int i = 0; i < transactions.size(); i++) {
                    Transaction t = transactions.get(i);
                    Project p = t.references().project() == null ? null : projects.get(t.references().project());
                    if (p == null) {
                        continue;
                    }
                    long delta = 0;
                    long legsSum = 0;
                    for (Leg leg : t.legs()) {
                        if (leg.posted() && leg.fundId() == p.fundId()) {
                            legsSum += leg.amountFen();
                            delta += HELD.contains(codes.get(leg.creditAccountId())) ? leg.amountFen() : 0;
                            delta -= HELD.contains(codes.get(leg.debitAccountId())) ? leg.amountFen() : 0;
                        }
                    }
                    String gift = t.references().gift();
                    if (gift != null && t.kind() == TransactionKind.REFUND) {
                        long[] own = units.get(p.id() + ":" + gift + ":GIFT");
                        own[1] = Math.max(0, own[1] - legsSum);
                    }
                    if (delta > 0 && t.kind() == TransactionKind.DONATION) {
                        units.put(p.id() + ":" + gift + ":GIFT", new long[] {delta, delta, delta});
                    } else if (delta > 0 && t.kind() == TransactionKind.MATCH) {
                        match(p, t.references().pool(), delta);
                    } else if (delta > 0) {
                        throw new AssertionError("the try books no other money into a project: " + t);
                    } else if (delta < 0) {
                        Transaction next = i + 1 < transactions.size() ? transactions.get(i + 1) : null;
                        boolean moved = t.kind() == TransactionKind.LEFTOVER && next != null
                                && next.idempotencyKey().startsWith(t.idempotencyKey() + ":to:");
                        String first = gift == null ? null : p.id() + ":" + gift + (t.kind() == TransactionKind.MATCH ? ":MATCH" : ":GIFT");
                        Map<String, Long> taken = take(p, first, -delta);
                        taken.forEach((key, fen) -> parts.put(t.id() + ":" + key.substring(key.indexOf(':') + 1), fen));
                        if (moved) {
                            Project to = projects.get(next.references().project());
                            taken.forEach((key, fen) -> {
                                long[] u = units.computeIfAbsent(to.id() + key.substring(key.indexOf(':')), k -> new long[3]);
                                u[0] += fen;
                                u[2] += fen;
                            });
                            i++;
                        }
                    }
                }
            }

            /** Takes {@code fen} from the project's units: {@code first}'s remaining first, the rest pro rata. */
            Map<String, Long> take(Project p, String first, long fen) {
                Map<String, Long> taken = new TreeMap<>();
                if (first != null && units.containsKey(first)) {
                    long t = Math.min(fen, units.get(first)[2]);
                    if (t > 0) {
                        taken.put(first, t);
                        fen -= t;
                    }
                }
                if (fen > 0) {
                    List<String> keys = units.keySet().stream().filter(k -> k.startsWith(p.id() + ":"))
                            .sorted(Comparator.comparingLong((String k) -> Long.parseLong(k.split(":")[1]))
                                    .thenComparing(k -> k.endsWith("GIFT") ? 0 : 1)).toList();
                    long[] weights = keys.stream().mapToLong(k -> units.get(k)[2] - taken.getOrDefault(k, 0L)).toArray();
                    long[] split = largestRemainder(fen, weights);
                    for (int i = 0; i < keys.size(); i++) {
                        if (split[i] > 0) {
                            taken.merge(keys.get(i), split[i], Long::sum);
                        }
                    }
                }
                taken.forEach((k, t) -> units.get(k)[2] -= t);
                return taken;
            }

            void match(Project p, String poolCode, long fen) {
                MatchRule rule = database.matchingStore().pool(poolCode).orElseThrow().rule();
                long cap = rule.perDonorCapFen() == null ? Long.MAX_VALUE : rule.perDonorCapFen();
                // donor → gift id → counted, donors in the order of their first gift.
                Map<String, TreeMap<Long, Long>> donors = new LinkedHashMap<>();
                for (Gift g : database.giftStore().gifts(null, p.id(), null, 0, Integer.MAX_VALUE)) {
                    long[] own = units.get(p.id() + ":" + g.id() + ":GIFT");
                    if (own == null || own[1] == 0) {
                        continue;
                    }
                    long counted = MatchBase.Part.of(rule, new MatchableGift(String.valueOf(g.id()), own[1], g.donor().key(),
                            g.donor().name(), g.receivedAt(), false, null)).countedFen();
                    if (counted > 0) {
                        donors.computeIfAbsent(g.donor().key(), k -> new TreeMap<>()).put(g.id(), counted);
                    }
                }
                List<TreeMap<Long, Long>> list = new ArrayList<>(donors.values());
                list.sort(Comparator.comparingLong(TreeMap::firstKey));
                long[] capped = list.stream().mapToLong(d -> Math.min(cap, d.values().stream().mapToLong(x -> x).sum())).toArray();
                long[] toDonor = largestRemainder(fen, capped);
                for (int d = 0; d < list.size(); d++) {
                    List<Long> ids = new ArrayList<>(list.get(d).keySet());
                    long[] toGift = largestRemainder(toDonor[d], list.get(d).values().stream().mapToLong(x -> x).toArray());
                    for (int i = 0; i < ids.size(); i++) {
                        if (toGift[i] > 0) {
                            long[] u = units.computeIfAbsent(p.id() + ":" + ids.get(i) + ":MATCH", k -> new long[3]);
                            u[0] += toGift[i];
                            u[2] += toGift[i];
                        }
                    }
                }
            }
        }
    }

    /** Hamilton's method as the reference page states it: floors, then one fen each by larger remainder, then by position. */
    static long[] largestRemainder(long amount, long[] weights) {
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            total = total.add(BigInteger.valueOf(w));
        }
        long[] parts = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i]));
            parts[i] = exact.divide(total).longValueExact();
            remainders[i] = exact.mod(total);
            given += parts[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int byRemainder = remainders[b].compareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
        });
        for (long k = 0; k < amount - given; k++) {
            parts[order[(int) k]]++;
        }
        return parts;
    }
}
