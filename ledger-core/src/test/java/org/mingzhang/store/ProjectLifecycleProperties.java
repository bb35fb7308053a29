package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.mingzhang.account.ChartTemplate;
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
import org.mingzhang.matching.CreatePool;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.Tier;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.Closing;
import org.mingzhang.project.CompleteProject;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.DecideDisbursement;
import org.mingzhang.project.DecideDisbursement.Decision;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisposeLeftover;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.PayDisbursement;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.RequestDisbursement;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * The lifecycle under random use: two projects of one fund, matched by a seed pool, take random gifts,
 * refunds, closes, payment requests, approvals (some by the requester, some over the budget line with or
 * without the committee's explicit approval), rejections, cancellations, payments, completions, leftover
 * decisions and acceptances. A model predicts whether each command is accepted from the state before it,
 * the figures as storage has them and the statuses it keeps. After every step, for each project: it has
 * never paid out more than it received, its available money is never negative, what it paid and reserved
 * is what the model's accepted payments say, and no budget line carries more than its budget plus the
 * overruns approved on it. At the end: every fund balances, the chain verifies, and the fund's restricted
 * net assets are exactly the projects' unspent money.
 */
abstract class ProjectLifecycleProperties extends PropertiesOnDatabase {

    enum Kind { GIFT, REFUND, CLOSE, REQUEST, APPROVE, APPROVE_OVERRUN, SELF_APPROVE, REJECT, CANCEL, PAY, COMPLETE, RETURN_LEFTOVER,
        MOVE_LEFTOVER, ACCEPT }

    record Action(Kind kind, int target, int line, long amountFen) {
    }

    static final Actor WANG = new Actor(61, "王会计");
    static final Actor LI = new Actor(62, "李委员");
    static final Instant OPENS = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-31T15:59:59Z");
    static final Instant RECEIVED = Instant.parse("2026-05-01T02:00:00Z");
    static final String[] ITEMS = {"材料", "人工"};
    static final long[] BUDGET = {300_00, 200_00};

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Kind.GIFT)),
                Tuple.of(2, Arbitraries.just(Kind.REFUND)), Tuple.of(2, Arbitraries.just(Kind.CLOSE)),
                Tuple.of(10, Arbitraries.just(Kind.REQUEST)), Tuple.of(8, Arbitraries.just(Kind.APPROVE)),
                Tuple.of(2, Arbitraries.just(Kind.APPROVE_OVERRUN)), Tuple.of(1, Arbitraries.just(Kind.SELF_APPROVE)),
                Tuple.of(1, Arbitraries.just(Kind.REJECT)), Tuple.of(1, Arbitraries.just(Kind.CANCEL)),
                Tuple.of(3, Arbitraries.just(Kind.PAY)), Tuple.of(1, Arbitraries.just(Kind.COMPLETE)),
                Tuple.of(1, Arbitraries.just(Kind.RETURN_LEFTOVER)), Tuple.of(1, Arbitraries.just(Kind.MOVE_LEFTOVER)),
                Tuple.of(1, Arbitraries.just(Kind.ACCEPT)));
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(1L)),
                Tuple.of(6, Arbitraries.longs().between(1, 400_00)), Tuple.of(2, Arbitraries.longs().between(400_00, 1_200_00)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 1), amounts)
                .as(Action::new).list().ofMinSize(40).ofMaxSize(80);
    }

    @Property(tries = 60)
    @Label("a project never pays out more than it received, whatever the order of lifecycle commands")
    void neverPaysOutMoreThanItReceived(@ForAll("opening") List<Long> openingGifts, @ForAll("actions") List<Action> actions) {
        new Run(openingGifts).play(actions);
    }

    /** Gifts project 0 receives before its fundraising closes, so that every try has money to pay out. */
    @Provide
    Arbitrary<List<Long>> opening() {
        return Arbitraries.longs().between(1, 400_00).list().ofMinSize(1).ofMaxSize(4);
    }

    /** What the model keeps of a disbursement. */
    static final class Payment {
        final long id;
        final int project;
        final int line;
        final long amountFen;
        String status = "PENDING";
        long overrunFen;

        Payment(long id, int project, int line, long amountFen) {
            this.id = id;
            this.project = project;
            this.line = line;
            this.amountFen = amountFen;
        }
    }

    private final class Run {
        final LedgerFixture f = new LedgerFixture(ledger);
        final ProjectStore store = handle.database().projectStore();
        final ProjectStatus[] status = {ProjectStatus.FUNDRAISING, ProjectStatus.FUNDRAISING};
        final List<Gift> gifts = new ArrayList<>();
        final List<Boolean> refunded = new ArrayList<>();
        final List<Payment> payments = new ArrayList<>();

        Run(List<Long> openingGifts) {
            f.fund("SEED", FundLevel.SEED, null, false);
            f.deposit("SEED", 100_000_00);
            f.fund("CITY");
            f.fund("STREET", FundLevel.STREET, "CITY", false);
            f.fund("COMM", FundLevel.COMMUNITY, "STREET", false);
            ledger.execute(new CreatePool(LedgerFixture.key(), WANG, f.code("YG"), "配捐", f.code("SEED"), 300_00,
                    SettlementMode.AT_PROJECT_CLOSE, MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 2_500)), OPENS, CLOSES))).value();
            for (int p = 0; p < 2; p++) {
                ProjectPlan plan = new ProjectPlan("项目" + p, "便民维修", "需要", List.of("目标"), BUDGET[0] + BUDGET[1],
                        List.of(new BudgetLine(1, ITEMS[0], BUDGET[0], null), new BudgetLine(2, ITEMS[1], BUDGET[1], null)), "计划",
                        List.of(new TeamMember("负责人", "负责人")), OPENS, CLOSES, f.code("YG"));
                ledger.execute(new CreateProject(WANG, code(p), f.code("COMM"), plan)).value();
                ledger.execute(new TransitionProject(WANG, code(p), ProjectTransition.SUBMIT, null)).value();
                ledger.execute(new TransitionProject(LI, code(p), ProjectTransition.APPROVE, null)).value();
            }
            openingGifts.forEach(fen -> gift(0, fen));
            move(0, ProjectTransition.CLOSE_FUNDRAISING, WANG, true, ProjectStatus.IN_PROGRESS);
        }

        String code(int project) {
            return f.code("P" + project);
        }

        ProjectMoney money(int project) {
            return store.money(store.project(code(project)).orElseThrow());
        }

        void play(List<Action> actions) {
            for (Action a : actions) {
                int p = a.target() % 2;
                switch (a.kind()) {
                    case GIFT -> gift(p, a.amountFen());
                    case REFUND -> refund(a.target());
                    case CLOSE -> move(p, ProjectTransition.CLOSE_FUNDRAISING, WANG, status[p] == ProjectStatus.FUNDRAISING,
                            ProjectStatus.IN_PROGRESS);
                    case REQUEST -> request(p, a.line(), a.amountFen());
                    case APPROVE -> approve(a.target(), false, LI);
                    case APPROVE_OVERRUN -> approve(a.target(), true, LI);
                    case SELF_APPROVE -> approve(a.target(), false, WANG);
                    case REJECT -> close(a.target(), Decision.REJECT, LI);
                    case CANCEL -> close(a.target(), Decision.CANCEL, WANG);
                    case PAY -> pay(a.target());
                    case COMPLETE -> complete(p);
                    case RETURN_LEFTOVER -> leftover(p, false);
                    case MOVE_LEFTOVER -> leftover(p, true);
                    case ACCEPT -> move(p, ProjectTransition.ACCEPT, LI, status[p] == ProjectStatus.COMPLETED
                            && money(p).availableFen() == 0, ProjectStatus.ACCEPTED);
                }
                invariants();
            }
            for (Fund fund : ledger.reads().funds()) {
                TrialBalance tb = ledger.trialBalance(fund, null, false);
                assertThat(tb.totalDebitFen()).isEqualTo(tb.totalCreditFen());
            }
            assertThat(ledger.verify().ok()).isTrue();
            long unspent = 0;
            for (int p = 0; p < 2; p++) {
                ProjectMoney m = money(p);
                unspent += m.availableFen() + m.reservedFen();
            }
            assertThat(f.balance("COMM", ChartTemplate.RESTRICTED_DONATIONS) + f.balance("COMM", ChartTemplate.RESTRICTED_NET_ASSETS)
                    + f.balance("COMM", ChartTemplate.DESIGNATED_NET_ASSETS))
                    .as("restricted and designated net assets are the projects' unspent money").isEqualTo(unspent);
        }

        void invariants() {
            for (int p = 0; p < 2; p++) {
                ProjectMoney m = money(p);
                assertThat(m.disbursedFen()).as("paid out by project %d", p).isLessThanOrEqualTo(m.receivedFen() - m.leftoverOutFen());
                assertThat(m.availableFen()).as("available to project %d", p).isNotNegative();
                int project = p;
                assertThat(m.disbursedFen()).isEqualTo(sum(project, "PAID", -1));
                assertThat(m.reservedFen()).isEqualTo(sum(project, "APPROVED", -1));
                for (int line = 0; line < 2; line++) {
                    long overruns = overruns(p, line);
                    assertThat(m.disbursedFen(ITEMS[line]) + m.reservedFen(ITEMS[line])).as("line %s of project %d", ITEMS[line], p)
                            .isLessThanOrEqualTo(BUDGET[line] + overruns);
                    assertThat(m.disbursedFen(ITEMS[line])).isEqualTo(sum(project, "PAID", line));
                }
            }
            // The read side's projections (a project's money, match base and giving), committed with each step, equal the
            // same figures folded from the journal: leftovers returned and moved, refunds, reservations, payments.
            new ProjectionChecks(handle.database()).projectionsEqualTheJournal("a lifecycle step", List.of(code(0), code(1)));
        }

        /** Mostly a payment in the given state (when there is one), sometimes any: the others test the refusals. */
        Payment pick(int pick, String state) {
            List<Payment> inState = payments.stream().filter(x -> x.status.equals(state)).toList();
            return inState.isEmpty() || pick % 5 == 0 ? payments.get(pick % payments.size()) : inState.get(pick % inState.size());
        }

        long sum(int project, String state, int line) {
            return payments.stream().filter(x -> x.project == project && x.status.equals(state) && (line < 0 || x.line == line))
                    .mapToLong(x -> x.amountFen).sum();
        }

        long overruns(int project, int line) {
            return payments.stream().filter(x -> x.project == project && x.line == line
                    && (x.status.equals("APPROVED") || x.status.equals("PAID"))).mapToLong(x -> x.overrunFen).sum();
        }

        void expect(Outcome<?> outcome, boolean accepted) {
            assertThat(outcome.accepted()).as("%s", outcome).isEqualTo(accepted);
        }

        void gift(int p, long fen) {
            Outcome<Gift> outcome = ledger.execute(new RecordGift(LedgerFixture.key(), WANG, f.code("COMM"), code(p), fen,
                    Channel.BANK_TRANSFER, new Donor("捐赠人", DonorKind.PERSON, null, null, null, false, false), null, RECEIVED, null));
            expect(outcome, status[p] == ProjectStatus.FUNDRAISING);
            if (outcome.accepted()) {
                gifts.add(outcome.value());
                refunded.add(false);
            }
        }

        void refund(int pick) {
            if (gifts.isEmpty()) {
                return;
            }
            int i = pick % gifts.size();
            Gift g = gifts.get(i);
            int p = g.projectId() == store.project(code(0)).orElseThrow().id() ? 0 : 1;
            // A refund gives back what the project still holds of the donor's restricted money, unreserved, never the
            // pool's match; what was spent, the fund owes the donor. Only an accepted project's gifts stay.
            ProjectMoney m = money(p);
            long back = Math.max(0, Math.min(g.amountFen(), Math.min(m.restrictedIncomeFen(2026), m.availableCashFen())));
            long restrictedBefore = m.restrictedFen();
            boolean expected = !refunded.get(i) && status[p] != ProjectStatus.ACCEPTED;
            Outcome<Gift> outcome = ledger.execute(new RefundGift(LedgerFixture.key(), WANG, g.id(), "退款"));
            expect(outcome, expected);
            if (expected) {
                assertThat(outcome.value().refundOwedFen()).as("owed of %s", g).isEqualTo(g.amountFen() - back);
                assertThat(money(p).restrictedFen()).as("restricted money of project %d", p).isEqualTo(restrictedBefore - back);
            }
            if (expected) {
                refunded.set(i, true);
            }
        }

        void move(int p, ProjectTransition move, Actor by, boolean expected, ProjectStatus next) {
            expect(ledger.execute(new TransitionProject(by, code(p), move, null)), expected);
            if (expected) {
                status[p] = next;
            }
        }

        void request(int p, int line, long fen) {
            boolean expected = status[p] == ProjectStatus.IN_PROGRESS && fen <= money(p).availableFen();
            Outcome<Disbursement> outcome = ledger.execute(new RequestDisbursement(WANG, code(p), ITEMS[line], fen, "收款人", "用途",
                    null, null));
            expect(outcome, expected);
            if (expected) {
                payments.add(new Payment(outcome.value().id(), p, line, fen));
            }
        }

        void approve(int pick, boolean overrun, Actor by) {
            if (payments.isEmpty()) {
                return;
            }
            Payment x = pick(pick, "PENDING");
            ProjectMoney m = money(x.project);
            long lineLeft = BUDGET[x.line] + overruns(x.project, x.line) - m.disbursedFen(ITEMS[x.line]) - m.reservedFen(ITEMS[x.line]);
            long beyond = Math.max(0, x.amountFen - Math.max(0, lineLeft));
            boolean expected = x.status.equals("PENDING") && by != WANG && status[x.project] == ProjectStatus.IN_PROGRESS
                    && x.amountFen <= m.availableFen() && (beyond == 0 || overrun);
            net.jqwik.api.statistics.Statistics.label("approval").collect(!x.status.equals("PENDING") ? "not pending"
                    : by == WANG ? "by the requester" : x.amountFen > m.availableFen() ? "more than available"
                    : beyond == 0 ? "within the line" : overrun ? "overrun approved" : "overrun refused");
            net.jqwik.api.statistics.Statistics.label("line reserved").collect(m.reservedFen(ITEMS[x.line]) > 0);
            Outcome<Disbursement> outcome = ledger.execute(new DecideDisbursement(by, x.id, Decision.APPROVE, overrun,
                    overrun ? "委员会同意超支" : null));
            expect(outcome, expected);
            if (expected) {
                x.status = "APPROVED";
                x.overrunFen = beyond;
                assertThat(outcome.value().overrunApprovedFen()).isEqualTo(beyond);
            }
        }

        void close(int pick, Decision decision, Actor by) {
            if (payments.isEmpty()) {
                return;
            }
            Payment x = payments.get(pick % payments.size());
            boolean expected = x.status.equals("PENDING") || x.status.equals("APPROVED");
            expect(ledger.execute(new DecideDisbursement(by, x.id, decision, false, "不需要了")), expected);
            if (expected) {
                x.status = decision == Decision.REJECT ? "REJECTED" : "CANCELLED";
            }
        }

        void pay(int pick) {
            if (payments.isEmpty()) {
                return;
            }
            Payment x = pick(pick, "APPROVED");
            boolean expected = x.status.equals("APPROVED") && status[x.project] == ProjectStatus.IN_PROGRESS;
            expect(ledger.execute(new PayDisbursement(WANG, x.id, LedgerFixture.key())), expected);
            if (expected) {
                x.status = "PAID";
            }
        }

        void complete(int p) {
            boolean open = payments.stream().anyMatch(x -> x.project == p && (x.status.equals("PENDING") || x.status.equals("APPROVED")));
            boolean expected = status[p] == ProjectStatus.IN_PROGRESS && !open;
            expect(ledger.execute(new CompleteProject(WANG, code(p), new Closing("完成", List.of("达成"), WANG))), expected);
            if (expected) {
                status[p] = ProjectStatus.COMPLETED;
            }
        }

        void leftover(int p, boolean toOther) {
            int other = 1 - p;
            boolean expected = status[p] == ProjectStatus.COMPLETED && money(p).availableFen() > 0
                    && (!toOther || status[other] == ProjectStatus.FUNDRAISING || status[other] == ProjectStatus.IN_PROGRESS);
            expect(ledger.execute(new DisposeLeftover(LI, code(p), toOther ? LeftoverDisposition.TRANSFER_TO_PROJECT
                    : LeftoverDisposition.RETURN_TO_FUND, toOther ? code(other) : null, "委员会决定")), expected);
        }
    }
}
