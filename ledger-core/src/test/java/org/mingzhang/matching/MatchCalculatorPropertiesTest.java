package org.mingzhang.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mingzhang.matching.MatchFixtures.CLOSES_AT;
import static org.mingzhang.matching.MatchFixtures.OPENS_AT;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.mingzhang.money.Money;

/**
 * The match's guarantees under random rules, gifts and budgets, with amounts leaning towards 1 fen and
 * {@link Money#FEN_MAX}, thresholds at and beside the base, rates at 0 and 1, and budgets at 0, one fen
 * short and exactly enough. Each explanation is checked against a tiny independent model (a plain
 * filter-cap-sum and BigInteger products) and against its own invariants; the final match never exceeds
 * the per-project cap or the budget; MARGINAL never gives more than FLAT; more base never gives less; and
 * pro-rata shares never overspend the budget, never exceed what a project asked, and are exact otherwise.
 */
class MatchCalculatorPropertiesTest {

    private static final long WINDOW_SECONDS = CLOSES_AT.getEpochSecond() - OPENS_AT.getEpochSecond();

    record GiftSpec(long amountFen, int donor, Instant receivedAt, boolean inKind, boolean refunded) {
    }

    record ProRataCase(List<Long> cappedFen, long budgetFen) {
    }

    // ---- the properties ----

    @Property
    @Label("the explanation agrees with an independent model, adds up, and never passes the project cap or the budget")
    void explanationAgreesWithModel(@ForAll("rules") MatchRule rule, @ForAll("gifts") List<MatchableGift> gifts,
                                    @ForAll("budgets") long budgetFen) {
        MatchExplanation e = MatchCalculator.explain(rule, gifts, budgetFen);

        long[] model = modelBase(rule, gifts);
        assertThat(e.receivedFen()).isEqualTo(model[0]);
        assertThat(e.baseFen()).isEqualTo(model[1]);
        assertThat(e.giftsExcluded()).isEqualTo((int) model[2]);
        long computed = modelComputed(rule, model[1]);
        assertThat(e.computedFen()).isEqualTo(computed);
        long capped = rule.perProjectCapFen() == null ? computed : Math.min(computed, rule.perProjectCapFen());
        assertThat(e.finalFen()).isEqualTo(Math.min(capped, budgetFen));

        assertThat(e.receivedFen() - e.removedByDonationCapFen() - e.removedByDonorCapFen()).isEqualTo(e.baseFen());
        assertThat(e.computedFen() - e.removedByProjectCapFen()).isEqualTo(e.cappedFen());
        assertThat(e.cappedFen() - e.removedByBudgetFen()).isEqualTo(e.finalFen());
        assertThat(e.finalFen()).isBetween(0L, budgetFen);
        if (rule.perProjectCapFen() != null) {
            assertThat(e.finalFen()).isLessThanOrEqualTo(rule.perProjectCapFen());
        }
        if (rule.mode() == MatchMode.MARGINAL && e.baseFen() > 0) {
            assertThat(e.bands()).hasSize(e.tierIndex() + 1);
            for (Band band : e.bands()) {
                // A band's shown match is its exact product rounded down, or one fen more when rounding the sum kept that fen.
                BigInteger exact = BigInteger.valueOf(band.amountInBandFen()).multiply(BigInteger.valueOf(band.rateBasisPoints()));
                long floor = exact.divide(BigInteger.valueOf(Rate.BASIS_POINTS_MAX)).longValueExact();
                assertThat(band.matchInBandFen()).isBetween(floor, floor + 1);
            }
        }
    }

    @Property
    @Label("for the same base, MARGINAL never gives more than FLAT")
    void marginalNeverExceedsFlat(@ForAll("rules") MatchRule rule, @ForAll("bases") long baseFen) {
        for (long base : aroundThresholds(rule, baseFen)) {
            assertThat(MatchCalculator.computeFen(rule.withMode(MatchMode.MARGINAL), base))
                    .isLessThanOrEqualTo(MatchCalculator.computeFen(rule.withMode(MatchMode.FLAT), base));
        }
    }

    @Property
    @Label("in both modes, more base never gives less match")
    void moreBaseNeverLess(@ForAll("rules") MatchRule rule, @ForAll("bases") long baseFen, @ForAll("deltas") long deltaFen) {
        for (MatchMode mode : MatchMode.values()) {
            MatchRule r = rule.withMode(mode);
            assertThat(MatchCalculator.computeFen(r, baseFen)).isLessThanOrEqualTo(MatchCalculator.computeFen(r, baseFen + deltaFen));
            List<Long> bases = aroundThresholds(r, baseFen);
            for (int i = 1; i < bases.size(); i++) {
                assertThat(MatchCalculator.computeFen(r, bases.get(i - 1))).isLessThanOrEqualTo(MatchCalculator.computeFen(r, bases.get(i)));
            }
        }
    }

    @Property
    @Label("one more gift never lowers a project's match before the budget, whatever the caps")
    void anotherGiftNeverLowersTheMatch(@ForAll("rules") MatchRule rule, @ForAll("gifts") List<MatchableGift> gifts,
                                        @ForAll("giftSpecs") GiftSpec extra) {
        List<MatchableGift> more = new ArrayList<>(gifts);
        more.add(toGift("extra", extra));
        MatchExplanation before = MatchCalculator.explain(rule, gifts, 0);
        MatchExplanation after = MatchCalculator.explain(rule, more, 0);
        assertThat(after.baseFen()).isGreaterThanOrEqualTo(before.baseFen());
        assertThat(after.cappedFen()).isGreaterThanOrEqualTo(before.cappedFen());
    }

    @Property
    @Label("pro-rata shares never overspend, never exceed what a project asked, and leave less than a fen per project")
    void proRataNeverOverspends(@ForAll("proRataCases") ProRataCase c) {
        List<Long> shares = MatchCalculator.proRata(c.cappedFen(), c.budgetFen());
        assertThat(shares).hasSameSizeAs(c.cappedFen());
        BigInteger sum = BigInteger.ZERO;
        BigInteger shareSum = BigInteger.ZERO;
        int positive = 0;
        for (int i = 0; i < shares.size(); i++) {
            assertThat(shares.get(i)).isBetween(0L, c.cappedFen().get(i));
            sum = sum.add(BigInteger.valueOf(c.cappedFen().get(i)));
            shareSum = shareSum.add(BigInteger.valueOf(shares.get(i)));
            positive += c.cappedFen().get(i) > 0 ? 1 : 0;
        }
        BigInteger budget = BigInteger.valueOf(c.budgetFen());
        if (sum.compareTo(budget) <= 0) {
            assertThat(shares).isEqualTo(c.cappedFen());
        } else {
            assertThat(shareSum).isLessThanOrEqualTo(budget);
            assertThat(budget.subtract(shareSum)).isLessThan(BigInteger.valueOf(Math.max(positive, 1)));
            for (int i = 0; i < shares.size(); i++) {
                BigInteger exact = BigInteger.valueOf(c.cappedFen().get(i)).multiply(budget).divide(sum);
                assertThat(BigInteger.valueOf(shares.get(i))).isEqualTo(exact);
            }
        }
    }

    // ---- the model: the rule's words, written the plainest way ----

    /** Received, base and excluded count, by filtering, capping each gift, then each donor. */
    private static long[] modelBase(MatchRule rule, List<MatchableGift> gifts) {
        long received = 0;
        long excluded = 0;
        Map<String, Long> byDonor = new HashMap<>();
        for (MatchableGift g : gifts) {
            boolean inWindow = !g.receivedAt().isBefore(rule.opensAt()) && !g.receivedAt().isAfter(rule.closesAt());
            if (g.refundedAt() != null || !inWindow || (g.inKind() && !rule.inKindEligible())) {
                excluded++;
                continue;
            }
            received += g.amountFen();
            long counted = rule.perDonationCapFen() == null ? g.amountFen() : Math.min(g.amountFen(), rule.perDonationCapFen());
            byDonor.merge(g.donorKey(), counted, Long::sum);
        }
        long base = 0;
        for (long donor : byDonor.values()) {
            base += rule.perDonorCapFen() == null ? donor : Math.min(donor, rule.perDonorCapFen());
        }
        return new long[] {received, base, excluded};
    }

    private static long modelComputed(MatchRule rule, long base) {
        List<Tier> tiers = rule.tiers();
        BigInteger exact = BigInteger.ZERO;
        if (rule.mode() == MatchMode.FLAT) {
            Tier reached = tiers.get(0);
            for (Tier t : tiers) {
                if (t.minRaisedFen() <= base) {
                    reached = t;
                }
            }
            exact = BigInteger.valueOf(base).multiply(BigInteger.valueOf(reached.rateBasisPoints()));
        } else {
            for (int i = 0; i < tiers.size(); i++) {
                long from = tiers.get(i).minRaisedFen();
                long to = i + 1 < tiers.size() ? tiers.get(i + 1).minRaisedFen() : Long.MAX_VALUE;
                long inBand = Math.max(0, Math.min(base, to) - from);
                exact = exact.add(BigInteger.valueOf(inBand).multiply(BigInteger.valueOf(tiers.get(i).rateBasisPoints())));
            }
        }
        return exact.divide(BigInteger.valueOf(Rate.BASIS_POINTS_MAX)).longValueExact();
    }

    /** The base itself and every threshold with its neighbours, ascending: where a cliff or an off-by-one would show. */
    private static List<Long> aroundThresholds(MatchRule rule, long baseFen) {
        TreeSet<Long> bases = new TreeSet<>();
        bases.add(baseFen);
        for (Tier t : rule.tiers()) {
            for (long b = t.minRaisedFen() - 1; b <= t.minRaisedFen() + 1; b++) {
                if (b >= 0) {
                    bases.add(b);
                }
            }
        }
        return new ArrayList<>(bases);
    }

    // ---- the generators ----

    /** Positive amounts leaning towards 1 fen, small sums, and the largest amount the API accepts. */
    private static Arbitrary<Long> amounts() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(1L)),
                Tuple.of(2, Arbitraries.just(Money.FEN_MAX)),
                Tuple.of(1, Arbitraries.just(Money.FEN_MAX - 1)),
                Tuple.of(3, Arbitraries.longs().between(1, 100)),
                Tuple.of(6, Arbitraries.longs().between(1, 10_000_000)),
                Tuple.of(2, Arbitraries.longs().between(1, Money.FEN_MAX)));
    }

    private static Arbitrary<Integer> rates() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.just(Rate.BASIS_POINTS_MAX)),
                Tuple.of(1, Arbitraries.just(1)),
                Tuple.of(6, Arbitraries.integers().between(0, Rate.BASIS_POINTS_MAX)));
    }

    @Provide
    Arbitrary<MatchRule> rules() {
        Arbitrary<Integer> tierCount = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(1, 5)),
                Tuple.of(2, Arbitraries.integers().between(1, MatchRule.TIERS_MAX)));
        Arbitrary<List<Tier>> tiers = tierCount.flatMap(n -> Combinators.combine(
                amounts().set().ofSize(n - 1), rates().list().ofSize(n)).as((thresholds, rateList) -> {
                    List<Long> mins = new ArrayList<>(new TreeSet<>(thresholds));
                    mins.add(0, 0L);
                    List<Integer> sortedRates = rateList.stream().sorted().toList();
                    List<Tier> list = new ArrayList<>();
                    for (int i = 0; i < mins.size(); i++) {
                        list.add(new Tier(mins.get(i), sortedRates.get(i)));
                    }
                    return list;
                }));
        Arbitrary<Long> cap = amounts().injectNull(0.4);
        return Combinators.combine(Arbitraries.of(MatchMode.class), tiers, cap, cap, cap, Arbitraries.of(true, false))
                .as((mode, t, project, donation, donor, inKind) -> new MatchRule(mode, t, project, donation, donor, inKind,
                        OPENS_AT, CLOSES_AT, null, null));
    }

    @Provide
    Arbitrary<GiftSpec> giftSpecs() {
        Arbitrary<Instant> received = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(OPENS_AT.minusNanos(1))),
                Tuple.of(1, Arbitraries.just(OPENS_AT)),
                Tuple.of(1, Arbitraries.just(CLOSES_AT)),
                Tuple.of(1, Arbitraries.just(CLOSES_AT.plusNanos(1))),
                Tuple.of(8, Arbitraries.longs().between(0, WINDOW_SECONDS).map(OPENS_AT::plusSeconds)));
        return Combinators.combine(amounts(), Arbitraries.integers().between(0, 4), received,
                        Arbitraries.frequency(Tuple.of(1, true), Tuple.of(5, false)),
                        Arbitraries.frequency(Tuple.of(1, true), Tuple.of(5, false)))
                .as(GiftSpec::new);
    }

    @Provide
    Arbitrary<List<MatchableGift>> gifts() {
        return giftSpecs().list().ofMaxSize(30).map(specs -> {
            List<MatchableGift> gifts = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                gifts.add(toGift("g" + i, specs.get(i)));
            }
            return gifts;
        });
    }

    private static MatchableGift toGift(String id, GiftSpec s) {
        return new MatchableGift(id, s.amountFen(), "donor-" + s.donor(), null, s.receivedAt(), s.inKind(),
                s.refunded() ? s.receivedAt() : null);
    }

    @Provide
    Arbitrary<Long> budgets() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.just(1L)),
                Tuple.of(1, Arbitraries.just(Long.MAX_VALUE)),
                Tuple.of(6, amounts()));
    }

    @Provide
    Arbitrary<Long> bases() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)), Tuple.of(9, amounts()));
    }

    @Provide
    Arbitrary<Long> deltas() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(3, Arbitraries.just(1L)),
                Tuple.of(5, amounts()));
    }

    @Provide
    Arbitrary<ProRataCase> proRataCases() {
        Arbitrary<Long> capped = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)), Tuple.of(6, amounts()));
        return capped.list().ofMaxSize(50).flatMap(list -> {
            long sum = list.stream().mapToLong(Long::longValue).sum();
            // Budgets right at the edge matter most: exactly the sum, one fen short, and much less.
            Arbitrary<Long> budget = Arbitraries.frequencyOf(
                    Tuple.of(2, Arbitraries.just(sum)),
                    Tuple.of(2, Arbitraries.just(Math.max(0, sum - 1))),
                    Tuple.of(1, Arbitraries.just(0L)),
                    Tuple.of(4, Arbitraries.longs().between(0, Math.max(0, sum))),
                    Tuple.of(1, amounts()));
            return budget.map(b -> new ProRataCase(list, b));
        });
    }
}
