package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
import org.mingzhang.matching.CreatePool;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.Settlement;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.Tier;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * The race a first-come pool invites: twelve projects share a pool of 1,000.00 that matches 50% of what
 * each raises; each project's own thread sends eight gifts of 100.00 and then closes its fundraising,
 * while another thread refunds random gifts, all at once. Demand (12 × 400.00) is almost five times the
 * budget. Proves, on each database: the pool is never seen below zero; without refunds the matches paid
 * add up to the budget exactly, never more; with refunds, what projects keep plus what the pool holds is
 * still exactly the budget; every project settles once; every fund's books balance.
 */
abstract class MatchingConcurrencySuite extends LedgerOnDatabase {

    static final Actor ACCOUNTANT = new Actor(41, "王会计");
    static final Actor COMMITTEE = new Actor(42, "李委员");
    static final Instant OPENS = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-31T15:59:59Z");
    static final int PROJECTS = 12;
    static final long BUDGET_FEN = 1_000_00;

    @Test
    @DisplayName("when gifts and settlements race into one small pool then the matches paid add up to its budget exactly")
    void racingGiftsAndSettlements() throws Exception {
        List<Settlement> settlements = race(false);
        assertThat(settlements.stream().mapToLong(Settlement::finalFen).sum()).isEqualTo(BUDGET_FEN);
    }

    @Test
    @DisplayName("when refunds race with them too then what projects keep plus what the pool holds is still exactly the budget")
    void racingWithRefunds() throws Exception {
        List<Settlement> settlements = race(true);
        long paid = settlements.stream().mapToLong(Settlement::finalFen).sum();
        long returned = settlements.stream().mapToLong(Settlement::returnedFen).sum();
        // Money a refund returns may be paid again to a project that settles later, but never more than that.
        assertThat(paid).isLessThanOrEqualTo(BUDGET_FEN + returned);
    }

    /** Runs the race; checks what holds in every case and returns the settlements for the caller's own checks. */
    private List<Settlement> race(boolean withRefunds) throws Exception {
        f.fund("SEED", FundLevel.SEED, null, false);
        f.deposit("SEED", 10_000_00);
        f.fund("CITY");
        f.fund("STREET", FundLevel.STREET, "CITY", false);
        f.fund("COMM", FundLevel.COMMUNITY, "STREET", false);
        MatchRule rule = MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 5_000)), OPENS, CLOSES);
        ledger.execute(new CreatePool(LedgerFixture.key(), ACCOUNTANT, f.code("POOL"), "小池", f.code("SEED"), BUDGET_FEN,
                SettlementMode.AT_PROJECT_CLOSE, rule)).value();
        for (int p = 0; p < PROJECTS; p++) {
            ProjectPlan plan = new ProjectPlan("项目" + p, "助老助残", "需要", List.of("目标"), 1_000_00,
                    List.of(new BudgetLine(1, "支出", 1_000_00, null)), "计划", List.of(new TeamMember("负责人", "负责人")),
                    OPENS, CLOSES, f.code("POOL"));
            ledger.execute(new CreateProject(ACCOUNTANT, f.code("P" + p), f.code("COMM"), plan)).value();
            ledger.execute(new TransitionProject(ACCOUNTANT, f.code("P" + p), ProjectTransition.SUBMIT, null)).value();
            ledger.execute(new TransitionProject(COMMITTEE, f.code("P" + p), ProjectTransition.APPROVE, null)).value();
        }

        ConcurrentLinkedQueue<Gift> given = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong lowestPoolSeen = new AtomicLong(Long.MAX_VALUE);
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                lowestPoolSeen.accumulateAndGet(f.account("POOL", "1002").availableFen(), Math::min);
            }
        });
        watcher.start();
        ExecutorService pool = Executors.newFixedThreadPool(PROJECTS + 1);
        List<Future<?>> futures = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            String project = f.code("P" + p);
            futures.add(pool.submit(() -> {
                for (int g = 0; g < 8; g++) {
                    Outcome<Gift> outcome = ledger.execute(new RecordGift(LedgerFixture.key(), ACCOUNTANT, f.code("COMM"), project,
                            100_00, Channel.WECHAT_PAY, new Donor("居民" + g, DonorKind.PERSON, "139" + project.hashCode() + g, null,
                                    null, false, false), null, Instant.parse("2026-05-01T02:00:00Z"), null));
                    given.add(outcome.value());
                }
                ledger.execute(new TransitionProject(ACCOUNTANT, project, ProjectTransition.CLOSE_FUNDRAISING, null)).value();
                return null;
            }));
        }
        futures.add(pool.submit(() -> {
            for (int i = 0; withRefunds && i < 20; i++) {
                Gift[] now = given.toArray(Gift[]::new);
                if (now.length > 0) {
                    Gift victim = now[ThreadLocalRandom.current().nextInt(now.length)];
                    Outcome<Gift> refund = ledger.execute(new RefundGift(LedgerFixture.key(), ACCOUNTANT, victim.id(), "退款"));
                    if (refund instanceof Outcome.Rejected<Gift> r) {
                        assertThat(r.rejection()).isEqualTo(Rejection.GIFT_MUST_NOT_BE_REFUNDED_TWICE);
                    }
                }
                Thread.sleep(2);
            }
            return null;
        }));
        pool.shutdown();
        assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).as("no deadlock").isTrue();
        for (Future<?> future : futures) {
            future.get();
        }
        done.set(true);
        watcher.join();

        List<Settlement> settlements = database.matchingStore().settlements().stream()
                .filter(s -> database.projectStore().projects().stream().anyMatch(p -> p.id() == s.projectId()
                        && p.code().startsWith(f.prefix))).toList();
        assertThat(settlements).hasSize(PROJECTS);
        long kept = settlements.stream().mapToLong(Settlement::netFen).sum();
        long poolHolds = f.account("POOL", "1002").availableFen() + f.account("POOL", "1122").balanceFen();
        assertThat(kept + poolHolds).as("what projects keep plus what the pool holds").isEqualTo(BUDGET_FEN);
        assertThat(lowestPoolSeen.get()).isNotNegative();
        assertThat(settlements).allSatisfy(s -> assertThat(s.finalFen()).isLessThanOrEqualTo(s.cappedFen()));
        for (Fund fund : ledger.reads().funds()) {
            TrialBalance tb = ledger.trialBalance(fund, null, false);
            assertThat(tb.totalDebitFen()).isEqualTo(tb.totalCreditFen());
        }
        assertThat(ledger.verify().ok()).isTrue();
        return settlements;
    }
}
