package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.mingzhang.account.TrialBalance;
import org.mingzhang.fund.Fund;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;
import org.mingzhang.matching.ClosePool;
import org.mingzhang.matching.CreatePool;
import org.mingzhang.matching.MatchCalculator;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.MatchableGift;
import org.mingzhang.matching.Settlement;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.Tier;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * Matching under random use. Each try opens two pools over four projects (one pool settling each
 * project at its close, one pro rata at the pool's close; modes, budgets and caps drawn at random) and
 * drives random gifts, refunds, project closes and pool closes, while a model predicts every answer with
 * the pure {@link MatchCalculator} (itself checked against a BigInteger model in its own properties).
 * Checked after every step: each answer is the model's; the pool's books never go below zero and hold
 * exactly what the model says; every settled match equals the rule applied to the eligible gifts at that
 * moment, limited by what the pool had (or its pro-rata share), and a refund after settlement takes back
 * exactly the difference. At the end every fund's trial balance balances and the chain verifies.
 */
abstract class MatchingProperties extends PropertiesOnDatabase {

    enum Kind { GIFT, REFUND, CLOSE_PROJECT, CLOSE_POOL }

    record Action(Kind kind, int target, long amountFen, int donor) {
    }

    static final Actor ACCOUNTANT = new Actor(51, "王会计");
    static final Actor COMMITTEE = new Actor(52, "李委员");
    static final Instant OPENS = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-31T15:59:59Z");
    static final Instant RECEIVED = Instant.parse("2026-05-01T02:00:00Z");
    static final List<Tier> TIERS = List.of(new Tier(0, 1_000), new Tier(1_000_00, 2_000), new Tier(3_000_00, 3_000));


    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(1L)),
                Tuple.of(6, Arbitraries.longs().between(1, 1_000_00)), Tuple.of(2, Arbitraries.longs().between(1_000_00, 3_000_00)));
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Kind.GIFT)),
                Tuple.of(4, Arbitraries.just(Kind.REFUND)), Tuple.of(3, Arbitraries.just(Kind.CLOSE_PROJECT)),
                Tuple.of(1, Arbitraries.just(Kind.CLOSE_POOL)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 99), amounts, Arbitraries.integers().between(0, 3))
                .as(Action::new).list().ofMinSize(1).ofMaxSize(50);
    }

    @Provide
    Arbitrary<long[]> settings() {
        // budget of pool 0, budget of pool 1, per-donation cap (0 = none), per-project cap (0 = none), modes (bit 0, bit 1)
        return Combinators.combine(Arbitraries.longs().between(1, 5_000_00), Arbitraries.longs().between(1, 5_000_00),
                Arbitraries.of(0L, 500_00L), Arbitraries.of(0L, 1_500_00L), Arbitraries.longs().between(0, 3))
                .as((b0, b1, donation, project, modes) -> new long[] {b0, b1, donation, project, modes});
    }

    @Property(tries = 60)
    void matchingAgreesWithTheRule(@ForAll("settings") long[] settings, @ForAll("actions") List<Action> actions) {
        new Run(settings).play(actions);
    }

    private final class Run {
        final LedgerFixture f = new LedgerFixture(ledger);
        final MatchRule[] rules = new MatchRule[2];
        final long[] available = new long[2];
        final boolean[] poolOpen = {true, true};
        final SettlementMode[] modes = {SettlementMode.AT_PROJECT_CLOSE, SettlementMode.PRO_RATA_AT_POOL_CLOSE};
        final boolean[] raising = {true, true, true, true};
        final Map<Integer, List<long[]>> gifts = new HashMap<>();   // project → {giftId, amount, donor, refunded}
        final Map<Integer, long[]> settled = new HashMap<>();       // project → {final, capped, returned}
        final List<Gift> recorded = new ArrayList<>();
        final Map<Long, Integer> projectOfGift = new HashMap<>();

        Run(long[] s) {
            f.fund("SEED", FundLevel.SEED, null, false);
            f.deposit("SEED", 1_000_000_00);
            f.fund("CITY");
            f.fund("STREET", FundLevel.STREET, "CITY", false);
            f.fund("COMM", FundLevel.COMMUNITY, "STREET", false);
            for (int p = 0; p < 2; p++) {
                MatchRule rule = MatchRule.of((s[4] >> p & 1) == 0 ? MatchMode.FLAT : MatchMode.MARGINAL, TIERS, OPENS, CLOSES);
                rule = rule.withPerDonationCapFen(s[2] == 0 ? null : s[2]).withPerProjectCapFen(s[3] == 0 ? null : s[3]);
                rules[p] = rule;
                available[p] = s[p];
                ledger.execute(new CreatePool(LedgerFixture.key(), ACCOUNTANT, f.code("POOL" + p), "池" + p, f.code("SEED"), s[p],
                        modes[p], rule)).value();
            }
            for (int i = 0; i < 4; i++) {
                ProjectPlan plan = new ProjectPlan("项目" + i, "便民维修", "需要", List.of("目标"), 1_000_00,
                        List.of(new BudgetLine(1, "支出", 1_000_00, null)), "计划", List.of(new TeamMember("负责人", "负责人")),
                        OPENS, CLOSES, f.code("POOL" + (i / 2)));
                ledger.execute(new CreateProject(ACCOUNTANT, f.code("P" + i), f.code("COMM"), plan)).value();
                ledger.execute(new TransitionProject(ACCOUNTANT, f.code("P" + i), ProjectTransition.SUBMIT, null)).value();
                ledger.execute(new TransitionProject(COMMITTEE, f.code("P" + i), ProjectTransition.APPROVE, null)).value();
                gifts.put(i, new ArrayList<>());
            }
        }

        void play(List<Action> actions) {
            for (Action a : actions) {
                switch (a.kind()) {
                    case GIFT -> gift(a.target() % 4, a.amountFen(), a.donor());
                    case REFUND -> refund(a.target());
                    case CLOSE_PROJECT -> closeProject(a.target() % 4);
                    case CLOSE_POOL -> closePool(a.target() % 2);
                }
                checkPools();
            }
            for (Fund fund : ledger.reads().funds()) {
                TrialBalance tb = ledger.trialBalance(fund, null, false);
                assertThat(tb.totalDebitFen()).isEqualTo(tb.totalCreditFen());
            }
            assertThat(ledger.verify().ok()).isTrue();
        }

        void gift(int project, long fen, int donor) {
            Outcome<Gift> outcome = ledger.execute(new RecordGift(LedgerFixture.key(), ACCOUNTANT, f.code("COMM"), f.code("P" + project),
                    fen, Channel.BANK_TRANSFER, new Donor("捐赠人" + donor, DonorKind.PERSON, null, f.prefix + "-" + donor, null, false,
                            false), null, RECEIVED, null));
            if (!raising[project]) {
                assertThat(rejection(outcome)).isEqualTo(Rejection.PROJECT_MUST_BE_RAISING);
                return;
            }
            Gift g = outcome.value();
            recorded.add(g);
            projectOfGift.put(g.id(), project);
            gifts.get(project).add(new long[] {g.id(), fen, donor, 0});
        }

        void refund(int pick) {
            if (recorded.isEmpty()) {
                return;
            }
            Gift g = recorded.get(pick % recorded.size());
            int project = projectOfGift.get(g.id());
            long[] model = gifts.get(project).stream().filter(x -> x[0] == g.id()).findFirst().orElseThrow();
            Outcome<Gift> outcome = ledger.execute(new RefundGift(LedgerFixture.key(), ACCOUNTANT, g.id(), "退款"));
            if (model[3] == 1) {
                assertThat(rejection(outcome)).isEqualTo(Rejection.GIFT_MUST_NOT_BE_REFUNDED_TWICE);
                return;
            }
            assertThat(outcome.accepted()).isTrue();
            model[3] = 1;
            long[] s = settled.get(project);
            if (s != null && s[0] - s[2] > 0) {
                int pool = project / 2;
                long cappedNow = MatchCalculator.explain(rules[pool], matchable(project), Long.MAX_VALUE).cappedFen();
                long entitled = modes[pool] == SettlementMode.AT_PROJECT_CLOSE || s[1] == 0 ? Math.min(cappedNow, s[0])
                        : Math.min(java.math.BigInteger.valueOf(cappedNow).multiply(java.math.BigInteger.valueOf(s[0]))
                                .divide(java.math.BigInteger.valueOf(s[1])).longValueExact(), s[0]);
                long back = Math.max(0, s[0] - s[2] - entitled);
                s[2] += back;
                available[pool] += back;
            }
        }

        void closeProject(int project) {
            Outcome<Project> outcome = ledger.execute(new TransitionProject(ACCOUNTANT, f.code("P" + project),
                    ProjectTransition.CLOSE_FUNDRAISING, null));
            if (!raising[project]) {
                assertThat(rejection(outcome)).isEqualTo(Rejection.PROJECT_STATE_MUST_ALLOW_TRANSITION);
                return;
            }
            assertThat(outcome.accepted()).isTrue();
            raising[project] = false;
            int pool = project / 2;
            if (modes[pool] == SettlementMode.AT_PROJECT_CLOSE && poolOpen[pool]) {
                var e = MatchCalculator.explain(rules[pool], matchable(project), available[pool]);
                settled.put(project, new long[] {e.finalFen(), e.cappedFen(), 0});
                available[pool] -= e.finalFen();
            }
        }

        void closePool(int pool) {
            Outcome<?> outcome = ledger.execute(new ClosePool(LedgerFixture.key(), ACCOUNTANT, f.code("POOL" + pool)));
            if (!poolOpen[pool]) {
                assertThat(rejection(outcome)).isEqualTo(Rejection.POOL_MUST_BE_OPEN);
                return;
            }
            if (modes[pool] == SettlementMode.PRO_RATA_AT_POOL_CLOSE) {
                if (raising[2 * pool] || raising[2 * pool + 1]) {
                    assertThat(rejection(outcome)).isEqualTo(Rejection.POOL_PROJECTS_MUST_HAVE_CLOSED_FUNDRAISING);
                    return;
                }
                List<Long> capped = new ArrayList<>();
                for (int p = 2 * pool; p < 2 * pool + 2; p++) {
                    capped.add(MatchCalculator.explain(rules[pool], matchable(p), Long.MAX_VALUE).cappedFen());
                }
                List<Long> shares = MatchCalculator.proRata(capped, available[pool]);
                for (int i = 0; i < 2; i++) {
                    settled.put(2 * pool + i, new long[] {shares.get(i), capped.get(i), 0});
                    available[pool] -= shares.get(i);
                }
            }
            assertThat(outcome.accepted()).as("%s", outcome).isTrue();
            poolOpen[pool] = false;
            available[pool] = 0;
        }

        List<MatchableGift> matchable(int project) {
            return gifts.get(project).stream().map(g -> new MatchableGift(String.valueOf(g[0]), g[1], "id:" + f.prefix + "-" + g[2],
                    null, RECEIVED, false, g[3] == 1 ? RECEIVED.plusSeconds(1) : null)).toList();
        }

        void checkPools() {
            for (int p = 0; p < 2; p++) {
                long actual = f.account("POOL" + p, "1002").availableFen();
                assertThat(actual).as("pool %d never below zero", p).isNotNegative();
                assertThat(actual).as("pool %d holds what the model says", p).isEqualTo(available[p]);
            }
            for (Map.Entry<Integer, long[]> e : settled.entrySet()) {
                long projectId = handle.database().projectStore().project(f.code("P" + e.getKey())).orElseThrow().id();
                Settlement s = handle.database().matchingStore().settlementOfProject(projectId).orElseThrow();
                assertThat(s.finalFen()).as("match of P%d", e.getKey()).isEqualTo(e.getValue()[0]);
                assertThat(s.returnedFen()).as("returned by P%d", e.getKey()).isEqualTo(e.getValue()[2]);
            }
        }
    }

    static Rejection rejection(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).rejection();
    }
}
