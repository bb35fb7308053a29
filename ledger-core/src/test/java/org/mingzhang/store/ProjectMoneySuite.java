package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Phase;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.Transaction;
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
import org.mingzhang.project.DecidePlanChange;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisbursementStatus;
import org.mingzhang.project.DisposeLeftover;
import org.mingzhang.project.EditProject;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.PayDisbursement;
import org.mingzhang.project.PlanVersion;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.ProposePlanChange;
import org.mingzhang.project.RequestDisbursement;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * The whole life of a project's money, on a real database, with the figures worked by hand:
 *
 * <pre>
 * plan 5,000.00: 感应灯具 3,600.00 + 安装人工 1,400.00; a seed pool matches 20% flat
 * gifts 2,000.00 + 2,000.00 = raised 4,000.00; at the close of fundraising the match is 800.00 → received 4,800.00
 * plan version 2 moves 200.00 from 灯具 to 人工: 3,400.00 + 1,600.00
 * #1 灯具 3,000.00 approved and paid                              灯具 left   400.00
 * #2 人工 1,000.00: its requester may not approve it; approved, paid  人工 left   600.00
 * #3 人工   300.00: approved, then rejected (the reservation is voided)
 * #4 灯具   700.00: 300.00 over the line, refused; approved with the overrun recorded, paid
 * #5 人工   500.00: more than the 100.00 available, refused
 * disbursed 4,700.00 (灯具 3,700.00, 人工 1,000.00); leftover 100.00 returned to the fund; accepted.
 * the gifts are restricted income (410102 4,000.00); the match is the federation's money designated for the project
 * (310101 800.00). Paying spends the restricted gifts first: #1 and #2 release 4,000.00 (Dr 410102 / Cr 410101),
 * #4 takes 700.00 of the match (Dr 310101 / Cr 3101); the leftover 100.00 is the rest of the match (Dr 310101 / Cr 3101).
 * at the end: 410102 0, 3102 0, 310101 0; 410101 4,000.00, 3101 800.00, programme costs 4,700.00, bank 100.00
 * </pre>
 * Every command of the walk goes through {@link #step}, which checks after it that every fund's trial balance
 * balances and the hash chain verifies.
 */
abstract class ProjectMoneySuite extends LedgerOnDatabase {

    static final Actor WANG = new Actor(41, "王会计");
    static final Actor LI = new Actor(42, "李委员");
    static final Actor ZHAO = new Actor(43, "赵委员");
    static final Instant OPENS = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-06-30T15:59:59Z");
    static final Instant GIFT_DAY = Instant.parse("2026-05-02T02:00:00Z");
    static final String LAMPS = "感应灯具";
    static final String LABOUR = "安装人工";

    ProjectPlan plan(long lampsFen, long labourFen, String pool, String need) {
        return new ProjectPlan("楼道照明改造", "便民维修", need, List.of("更换 36 盏感应灯", "三个月内完工"), lampsFen + labourFen,
                List.of(new BudgetLine(1, LAMPS, lampsFen, null), new BudgetLine(2, LABOUR, labourFen, null)), "五月采购，六月安装",
                List.of(new TeamMember("张主任", "负责人")), OPENS, CLOSES, pool);
    }

    void funds() {
        f.fund("SEED", FundLevel.SEED, null, false);
        f.deposit("SEED", 10_000_00);
        f.fund("CITY");
        f.fund("STREET", FundLevel.STREET, "CITY", false);
        f.fund("COMM", FundLevel.COMMUNITY, "STREET", false);
        ledger.execute(new CreatePool(LedgerFixture.key(), WANG, f.code("YG"), "配捐", f.code("SEED"), 5_000_00,
                SettlementMode.AT_PROJECT_CLOSE, MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 2_000)), OPENS, CLOSES))).value();
    }

    Project running(String code) {
        ledger.execute(new CreateProject(WANG, f.code(code), f.code("COMM"), plan(3_600_00, 1_400_00, f.code("YG"), "楼道无灯"))).value();
        ledger.execute(new TransitionProject(WANG, f.code(code), ProjectTransition.SUBMIT, null)).value();
        return ledger.execute(new TransitionProject(LI, f.code(code), ProjectTransition.APPROVE, "同意")).value();
    }

    Outcome<Gift> give(String project, long fen) {
        return step(new RecordGift(LedgerFixture.key(), WANG, f.code("COMM"), f.code(project), fen, Channel.BANK_TRANSFER,
                new Donor("捐赠人", DonorKind.PERSON, null, null, null, false, false), null, GIFT_DAY, null));
    }

    Outcome<Disbursement> request(String project, String item, long fen) {
        return step(new RequestDisbursement(WANG, f.code(project), item, fen, "某照明公司", "采购", "INV-1", null));
    }

    Outcome<Disbursement> approve(long id, Actor by) {
        return step(new DecideDisbursement(by, id, Decision.APPROVE, false, null));
    }

    Outcome<Disbursement> pay(long id) {
        return step(new PayDisbursement(WANG, id, LedgerFixture.key()));
    }

    Project stored(String code) {
        return database.projectStore().project(f.code(code)).orElseThrow();
    }

    ProjectMoney money(String code) {
        return database.projectStore().money(stored(code));
    }

    /** Executes one command and then checks that the books still balance: every step of a scenario goes through here. */
    <T> Outcome<T> step(org.mingzhang.journal.LedgerCommand<T> command) {
        Outcome<T> outcome = ledger.execute(command);
        everyFundBalances();
        return outcome;
    }


    /** A refusal that writes nothing: the same journal length before and after. */
    void refusedWithNothingWritten(Runnable attempt, long journalBefore) {
        attempt.run();
        assertThat(f.transactionCount()).isEqualTo(journalBefore);
    }

    /** Restricted net assets of the fund: the restricted income not yet closed plus 3102 (credit balances). */
    long restrictedNetAssets(String fund) {
        return f.balance(fund, ChartTemplate.RESTRICTED_DONATIONS) + f.balance(fund, ChartTemplate.RESTRICTED_NET_ASSETS);
    }

    /**
     * The project's figures summed straight from the journal, independently of {@link ProjectMoney}: posted
     * programme costs per budget item and unresolved reservations per item, over the transactions naming it.
     */
    Map<String, long[]> perItemFromJournal(String code) {
        Project p = stored(code);
        Map<Long, String> itemOf = new HashMap<>();
        database.projectStore().disbursements(p.id()).forEach(d -> itemOf.put(d.id(), d.budgetItem()));
        long costs = ledger.account(ledger.reads().fund(f.code("COMM")).orElseThrow(), ChartTemplate.PROGRAMME_COSTS).orElseThrow().id();
        List<Transaction> named = new java.util.ArrayList<>();
        ledger.reads().forEachTransaction(t -> {
            if (p.code().equals(t.references().project())) {
                named.add(t);
            }
        });
        Set<Long> resolved = new HashSet<>();
        named.stream().filter(t -> t.pendingId() != null).forEach(t -> resolved.add(t.pendingId()));
        Map<String, long[]> byItem = new HashMap<>();
        for (Transaction t : named) {
            if (t.references().disbursement() == null) {
                continue;
            }
            String item = itemOf.get(Long.parseLong(t.references().disbursement()));
            for (Leg leg : t.legs()) {
                if (leg.debitAccountId() != costs) {
                    continue;
                }
                if (leg.posted()) {
                    byItem.computeIfAbsent(item, k -> new long[2])[0] += leg.amountFen();
                } else if (t.phase() == Phase.PENDING && !resolved.contains(t.id())) {
                    byItem.computeIfAbsent(item, k -> new long[2])[1] += leg.amountFen();
                }
            }
        }
        return byItem;
    }

    void figuresReconcile(String code) {
        ProjectMoney m = money(code);
        Map<String, long[]> journal = perItemFromJournal(code);
        for (String item : List.of(LAMPS, LABOUR)) {
            long[] j = journal.getOrDefault(item, new long[2]);
            assertThat(m.disbursedFen(item)).as("disbursed on %s", item).isEqualTo(j[0]);
            assertThat(m.reservedFen(item)).as("reserved on %s", item).isEqualTo(j[1]);
        }
        // The fund's programme costs are this project's payments: it is the fund's only project here.
        assertThat(m.disbursedFen()).isEqualTo(f.balance("COMM", ChartTemplate.PROGRAMME_COSTS));
    }

    @Test
    @DisplayName("when a project is walked from draft to acceptance then every figure is the hand-worked one and the books balance at each step")
    void wholeLife() {
        funds();
        step(new CreateProject(WANG, f.code("P"), f.code("COMM"), plan(3_600_00, 1_400_00, f.code("YG"), "草稿"))).value();
        Project edited = step(new EditProject(WANG, f.code("P"), plan(3_600_00, 1_400_00, f.code("YG"), "楼道无灯"))).value();
        assertThat(edited.plan().need()).isEqualTo("楼道无灯");
        step(new TransitionProject(WANG, f.code("P"), ProjectTransition.SUBMIT, null)).value();
        assertThat(((Outcome.Rejected<Project>) step(new EditProject(WANG, f.code("P"), plan(3_600_00, 1_400_00,
                f.code("YG"), "改")))).rejection()).isEqualTo(Rejection.PROJECT_STATE_MUST_ALLOW_ACTION);
        assertThat(((Outcome.Rejected<Project>) step(new TransitionProject(WANG, f.code("P"), ProjectTransition.APPROVE,
                null))).rejection()).isEqualTo(Rejection.PROJECT_MUST_NOT_BE_APPROVED_BY_ITS_SUBMITTER);
        step(new TransitionProject(LI, f.code("P"), ProjectTransition.APPROVE, "同意")).value();
        everyFundBalances();

        give("P", 2_000_00).value();
        Gift second = give("P", 2_000_00).value();
        everyFundBalances();
        assertThat(money("P").raisedFen()).isEqualTo(4_000_00);
        assertThat(((Outcome.Rejected<Disbursement>) request("P", LAMPS, 100_00)).rejection())
                .as("no payment while it raises money").isEqualTo(Rejection.PROJECT_STATE_MUST_ALLOW_ACTION);

        step(new TransitionProject(WANG, f.code("P"), ProjectTransition.CLOSE_FUNDRAISING, null)).value();
        everyFundBalances();
        assertThat(money("P").matchedFen()).isEqualTo(800_00);
        assertThat(money("P").availableFen()).isEqualTo(4_800_00);

        // Version 2: 200.00 moves from lamps to labour; it takes effect only when someone else approves it.
        PlanVersion v2 = step(new ProposePlanChange(WANG, f.code("P"), plan(3_400_00, 1_600_00, f.code("YG"), "楼道无灯"),
                "灯具降价")).value();
        assertThat(v2.versionNo()).isEqualTo(2);
        assertThat(stored("P").plan().budget().get(0).amountFen()).isEqualTo(3_600_00);
        assertThat(((Outcome.Rejected<PlanVersion>) step(new DecidePlanChange(WANG, f.code("P"), 2, true, null)))
                .rejection()).isEqualTo(Rejection.PLAN_CHANGE_MUST_NOT_BE_APPROVED_BY_ITS_PROPOSER);
        step(new DecidePlanChange(LI, f.code("P"), 2, true, "同意调整")).value();
        assertThat(stored("P").planVersion()).isEqualTo(2);
        assertThat(stored("P").plan().budget().get(0).amountFen()).isEqualTo(3_400_00);
        assertThat(database.projectStore().planVersions(stored("P").id())).extracting(PlanVersion::versionNo, PlanVersion::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, PlanVersion.Status.APPROVED),
                        org.assertj.core.groups.Tuple.tuple(2, PlanVersion.Status.APPROVED));

        // #1 lamps 3,000.00.
        Disbursement d1 = request("P", LAMPS, 3_000_00).value();
        assertThat(d1.status()).isEqualTo(DisbursementStatus.PENDING);
        approve(d1.id(), LI).value();
        assertThat(money("P").reservedFen(LAMPS)).isEqualTo(3_000_00);
        assertThat(money("P").availableFen()).isEqualTo(1_800_00);
        figuresReconcile("P");
        everyFundBalances();
        String key = LedgerFixture.key();
        Disbursement paid = step(new PayDisbursement(WANG, d1.id(), key)).value();
        assertThat(paid.status()).isEqualTo(DisbursementStatus.PAID);
        long afterFirstPayment = f.transactionCount();
        Outcome<Disbursement> again = step(new PayDisbursement(WANG, d1.id(), key));
        assertThat(((Outcome.Accepted<Disbursement>) again).replayed()).as("paying again with the same key is a replay").isTrue();
        assertThat(f.transactionCount()).isEqualTo(afterFirstPayment);
        assertThat(((Outcome.Rejected<Disbursement>) pay(d1.id())).rejection()).isEqualTo(Rejection.DISBURSEMENT_STATE_MUST_ALLOW_ACTION);
        figuresReconcile("P");
        everyFundBalances();

        // A new version may not cut a line below what was paid on it.
        assertThat(((Outcome.Rejected<PlanVersion>) step(new ProposePlanChange(WANG, f.code("P"),
                plan(2_000_00, 3_000_00, f.code("YG"), "楼道无灯"), "灯具再降"))).rejection())
                .isEqualTo(Rejection.PLAN_CHANGE_MUST_KEEP_LINES_WITH_MONEY);

        // #2 labour 1,000.00: not approved by the one who asked.
        Disbursement d2 = step(new RequestDisbursement(ZHAO, f.code("P"), LABOUR, 1_000_00, "王师傅", "安装", null, null))
                .value();
        long before = f.transactionCount();
        refusedWithNothingWritten(() -> assertThat(((Outcome.Rejected<Disbursement>) approve(d2.id(), ZHAO)).rejection())
                .isEqualTo(Rejection.DISBURSEMENT_MUST_NOT_BE_DECIDED_BY_ITS_REQUESTER), before);
        approve(d2.id(), LI).value();
        pay(d2.id()).value();
        everyFundBalances();

        // #3 labour 300.00 approved, then rejected: the reservation is voided.
        Disbursement d4 = request("P", LABOUR, 300_00).value();
        approve(d4.id(), LI).value();
        assertThat(money("P").reservedFen(LABOUR)).isEqualTo(300_00);
        Disbursement rejected = step(new DecideDisbursement(ZHAO, d4.id(), Decision.REJECT, false, "发票不符")).value();
        assertThat(rejected.status()).isEqualTo(DisbursementStatus.REJECTED);
        assertThat(money("P").reservedFen(LABOUR)).isZero();
        figuresReconcile("P");
        everyFundBalances();

        // #4 lamps 700.00 with 400.00 left on the line: refused, then approved as an explicit overrun.
        Disbursement d3 = request("P", LAMPS, 700_00).value();
        before = f.transactionCount();
        refusedWithNothingWritten(() -> assertThat(((Outcome.Rejected<Disbursement>) approve(d3.id(), LI)).rejection())
                .isEqualTo(Rejection.DISBURSEMENT_MUST_FIT_BUDGET_LINE), before);
        Disbursement overrun = step(new DecideDisbursement(LI, d3.id(), Decision.APPROVE, true, "灯具涨价，委员会同意超支"))
                .value();
        assertThat(overrun.overrunApprovedFen()).isEqualTo(300_00);
        pay(d3.id()).value();
        everyFundBalances();

        // #5 more than the project holds.
        before = f.transactionCount();
        refusedWithNothingWritten(() -> assertThat(((Outcome.Rejected<Disbursement>) request("P", LABOUR, 500_00)).rejection())
                .isEqualTo(Rejection.PROJECT_MONEY_MUST_COVER_DISBURSEMENT), before);

        ProjectMoney m = money("P");
        assertThat(m.disbursedFen(LAMPS)).isEqualTo(3_700_00);
        assertThat(m.disbursedFen(LABOUR)).isEqualTo(1_000_00);
        assertThat(m.availableFen()).isEqualTo(100_00);
        figuresReconcile("P");

        // A gift's transaction is changed through the gift (a refund), never reversed behind its back.
        assertThat(((Outcome.Rejected<Transaction>) step(new org.mingzhang.journal.Reverse(LedgerFixture.key(), "王会计",
                second.transactionId(), "手工冲销", null))).rejection())
                .isEqualTo(Rejection.TRANSACTION_MUST_BE_CHANGED_THROUGH_ITS_RECORD);


        // Closing.
        assertThat(((Outcome.Rejected<Project>) step(new TransitionProject(LI, f.code("P"), ProjectTransition.ACCEPT,
                null))).rejection()).isEqualTo(Rejection.PROJECT_STATE_MUST_ALLOW_TRANSITION);
        Project completed = step(new CompleteProject(WANG, f.code("P"), new Closing("36 盏灯全部安装",
                List.of("已更换 36 盏", "两个月完工"), WANG))).value();
        assertThat(completed.status()).isEqualTo(ProjectStatus.COMPLETED);
        assertThat(((Outcome.Rejected<Project>) step(new TransitionProject(LI, f.code("P"), ProjectTransition.ACCEPT,
                null))).rejection()).isEqualTo(Rejection.PROJECT_LEFTOVER_MUST_BE_DISPOSED);
        step(new DisposeLeftover(LI, f.code("P"), LeftoverDisposition.RETURN_TO_FUND, null, "结余退回社区基金")).value();
        assertThat(money("P").availableFen()).isZero();
        assertThat(money("P").leftoverOutFen()).isEqualTo(100_00);
        everyFundBalances();
        assertThat(((Outcome.Rejected<Project>) step(new TransitionProject(WANG, f.code("P"), ProjectTransition.ACCEPT,
                null))).rejection()).isEqualTo(Rejection.PROJECT_MUST_NOT_BE_ACCEPTED_BY_ITS_COMPLETER);
        Project accepted = step(new TransitionProject(LI, f.code("P"), ProjectTransition.ACCEPT, "验收合格")).value();
        assertThat(accepted.status()).isEqualTo(ProjectStatus.ACCEPTED);
        everyFundBalances();
        assertThat(restrictedNetAssets("COMM")).as("restricted net assets of the fund").isZero();
        assertThat(f.balance("COMM", ChartTemplate.BANK)).isEqualTo(100_00);
        assertThat(f.balance("COMM", ChartTemplate.DESIGNATED_NET_ASSETS)).as("designated money of the fund").isZero();
        assertThat(f.balance("COMM", ChartTemplate.UNRESTRICTED_DONATIONS)).as("the gifts, released as they were spent")
                .isEqualTo(4_000_00);
        assertThat(f.balance("COMM", ChartTemplate.UNRESTRICTED_NET_ASSETS)).as("the match, spent and returned").isEqualTo(800_00);
        assertThat(f.balance("COMM", ChartTemplate.PROGRAMME_COSTS)).isEqualTo(4_700_00);

        // Closed for good: nothing posts to it afterwards.
        before = f.transactionCount();
        long after = before;
        refusedWithNothingWritten(() -> {
            assertThat(give("P", 100_00)).isInstanceOf(Outcome.Rejected.class);
            assertThat(request("P", LAMPS, 1_00)).isInstanceOf(Outcome.Rejected.class);
            assertThat(((Outcome.Rejected<Gift>) step(new RefundGift(LedgerFixture.key(), WANG, second.id(), "撤回")))
                    .rejection()).isEqualTo(Rejection.PROJECT_MUST_NOT_BE_ACCEPTED);
            assertThat(step(new DisposeLeftover(LI, f.code("P"), LeftoverDisposition.RETURN_TO_FUND, null, "再退")))
                    .isInstanceOf(Outcome.Rejected.class);
        }, after);

        // The trail and the leftover decision are kept like the journal.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql("UPDATE project_event SET reason = 'x'"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql("DELETE FROM project_event"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql("DELETE FROM project_leftover"))
                .hasMessageContaining("append-only");

        // The database itself refuses a transaction that names the accepted project.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql("INSERT INTO journal_transaction (id, idempotency_key, "
                        + "request_hash, fund_id, kind, phase, memo, occurred_at, recorded_at, recorded_by, prev_hash, hash, "
                        + "project_ref) VALUES (999999, 'raw', 'x', " + stored("P").fundId() + ", 'MANUAL', 'POSTED', 'raw', "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'sql', 'x', 'raw-hash', '" + f.code("P") + "')"))
                .hasMessageContaining("closed for good");

        // The writer's sums and storage agree after a restart.
        ledger.close();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
        f = new LedgerFixture(ledger, f.prefix);
        assertThat(((Outcome.Rejected<Disbursement>) request("P", LAMPS, 1_00)).rejection())
                .isEqualTo(Rejection.PROJECT_STATE_MUST_ALLOW_ACTION);
        assertThat(database.projectStore().events(stored("P").id())).extracting(e -> e.action()).contains("CREATE", "EDIT",
                "SUBMIT", "APPROVE", "CLOSE_FUNDRAISING", "PROPOSE_PLAN_V2", "APPROVE_PLAN_V2", "DISBURSEMENT_REQUESTED",
                "DISBURSEMENT_APPROVED", "DISBURSEMENT_PAID", "DISBURSEMENT_REJECTED", "COMPLETE", "LEFTOVER_RETURNED", "ACCEPT");
    }

    @Test
    @DisplayName("when leftover money moves to another project of the fund then that project can spend it and the move is in the journal")
    void leftoverToAnotherProject() {
        funds();
        running("A");
        running("B");
        give("A", 1_000_00).value();
        ledger.execute(new TransitionProject(WANG, f.code("A"), ProjectTransition.CLOSE_FUNDRAISING, null)).value();
        ledger.execute(new TransitionProject(WANG, f.code("B"), ProjectTransition.CLOSE_FUNDRAISING, null)).value();
        Disbursement d = request("A", LAMPS, 1_000_00).value();
        approve(d.id(), LI).value();
        pay(d.id()).value();
        ledger.execute(new CompleteProject(WANG, f.code("A"), new Closing("完成", List.of("完成", "完成"), WANG))).value();
        assertThat(money("A").availableFen()).isEqualTo(200_00);
        ledger.execute(new DisposeLeftover(LI, f.code("A"), LeftoverDisposition.TRANSFER_TO_PROJECT, f.code("B"), "转入 B")).value();
        assertThat(money("A").availableFen()).isZero();
        assertThat(money("B").transferredInFen()).isEqualTo(200_00);
        assertThat(money("B").availableFen()).isEqualTo(200_00);
        Disbursement onB = request("B", LABOUR, 200_00).value();
        approve(onB.id(), LI).value();
        pay(onB.id()).value();
        assertThat(money("B").availableFen()).isZero();
        everyFundBalances();
        assertThat(restrictedNetAssets("COMM")).isZero();
        assertThat(database.projectStore().leftovers(stored("A").id())).singleElement()
                .satisfies(l -> assertThat(l.targetProjectId()).isEqualTo(stored("B").id()));
    }

    @Test
    @DisplayName("when a disbursement is still open then the project cannot complete, and a cancelled one frees its money")
    void openDisbursementBlocksCompletion() {
        funds();
        running("A");
        give("A", 1_000_00).value();
        ledger.execute(new TransitionProject(WANG, f.code("A"), ProjectTransition.CLOSE_FUNDRAISING, null)).value();
        Disbursement d = request("A", LAMPS, 500_00).value();
        approve(d.id(), LI).value();
        long before = f.transactionCount();
        refusedWithNothingWritten(() -> assertThat(((Outcome.Rejected<Project>) ledger.execute(new CompleteProject(WANG, f.code("A"),
                new Closing("完成", List.of("完成", "完成"), WANG)))).rejection())
                .isEqualTo(Rejection.PROJECT_MUST_HAVE_NO_OPEN_DISBURSEMENTS), before);
        ledger.execute(new DecideDisbursement(WANG, d.id(), Decision.CANCEL, false, "供应商取消")).value();
        assertThat(money("A").reservedFen()).isZero();
        assertThat(money("A").availableFen()).isEqualTo(1_200_00);
        assertThat(((Outcome.Rejected<Project>) ledger.execute(new CompleteProject(WANG, f.code("A"),
                new Closing("完成", List.of("只有一个"), WANG)))).rejection()).isEqualTo(Rejection.PROJECT_GOAL_OUTCOMES_MUST_MATCH_GOALS);
        ledger.execute(new CompleteProject(WANG, f.code("A"), new Closing("完成", List.of("完成", "完成"), WANG))).value();
        everyFundBalances();
    }

    @Test
    @DisplayName("when twenty approvals race for money that covers ten then exactly ten are approved and nothing is over-reserved")
    void racingApprovals() throws Exception {
        funds();
        running("A");
        give("A", 1_000_00).value();
        ledger.execute(new TransitionProject(WANG, f.code("A"), ProjectTransition.CLOSE_FUNDRAISING, null)).value();
        // 1,000.00 raised + 200.00 matched (20%) = 1,200.00; twenty requests of 120.00, ten on each line.
        List<Disbursement> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(request("A", i % 2 == 0 ? LAMPS : LABOUR, 120_00).value());
        }
        List<java.util.concurrent.CompletableFuture<Outcome<Disbursement>>> approvals = new java.util.ArrayList<>();
        for (Disbursement d : requests) {
            approvals.add(ledger.submit(new DecideDisbursement(LI, d.id(), Decision.APPROVE, false, null)));
        }
        long approved = 0;
        for (var approval : approvals) {
            Outcome<Disbursement> outcome = approval.get();
            if (outcome.accepted()) {
                approved++;
            } else {
                assertThat(((Outcome.Rejected<Disbursement>) outcome).rejection())
                        .isEqualTo(Rejection.PROJECT_MONEY_MUST_COVER_DISBURSEMENT);
            }
        }
        assertThat(approved).isEqualTo(10);
        ProjectMoney m = money("A");
        assertThat(m.reservedFen()).isEqualTo(1_200_00);
        assertThat(m.availableFen()).isZero();
        figuresReconcile("A");
        everyFundBalances();

        // A restarted writer rebuilds the sums from the journal: the reservations still hold, and a freed one is usable.
        ledger.close();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
        f = new LedgerFixture(ledger, f.prefix);
        List<Disbursement> refused = requests.stream()
                .filter(d -> database.projectStore().disbursement(d.id()).orElseThrow().status() == DisbursementStatus.PENDING)
                .toList();
        List<Disbursement> reserved = requests.stream()
                .filter(d -> database.projectStore().disbursement(d.id()).orElseThrow().status() == DisbursementStatus.APPROVED)
                .toList();
        assertThat(((Outcome.Rejected<Disbursement>) approve(refused.get(0).id(), LI)).rejection())
                .isEqualTo(Rejection.PROJECT_MONEY_MUST_COVER_DISBURSEMENT);
        step(new DecideDisbursement(WANG, reserved.get(0).id(), Decision.CANCEL, false, "重复")).value();
        assertThat(approve(refused.get(0).id(), LI).value().status()).isEqualTo(DisbursementStatus.APPROVED);
    }

    @Test
    @DisplayName("when a project's pool settles pro rata at its close then the project is accepted only after that, and a "
            + "cancelled project of the pool gets no match")
    void proRataPoolSettlesBeforeAcceptance() {
        funds();
        ledger.execute(new CreatePool(LedgerFixture.key(), WANG, f.code("PR"), "按比例配捐", f.code("SEED"), 1_000_00,
                SettlementMode.PRO_RATA_AT_POOL_CLOSE, MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 2_000)), OPENS, CLOSES)))
                .value();
        for (String code : List.of("A", "B")) {
            step(new CreateProject(WANG, f.code(code), f.code("COMM"), plan(3_600_00, 1_400_00, f.code("PR"), "楼道无灯"))).value();
            step(new TransitionProject(WANG, f.code(code), ProjectTransition.SUBMIT, null)).value();
            step(new TransitionProject(LI, f.code(code), ProjectTransition.APPROVE, null)).value();
            give(code, 1_000_00).value();
        }
        step(new TransitionProject(WANG, f.code("A"), ProjectTransition.CLOSE_FUNDRAISING, null)).value();
        step(new TransitionProject(WANG, f.code("B"), ProjectTransition.CANCEL, "负责人离任")).value();
        Disbursement d = request("A", LAMPS, 1_000_00).value();
        approve(d.id(), LI).value();
        pay(d.id()).value();
        step(new CompleteProject(WANG, f.code("A"), new Closing("完成", List.of("完成", "完成"), WANG))).value();
        assertThat(((Outcome.Rejected<Project>) step(new TransitionProject(LI, f.code("A"), ProjectTransition.ACCEPT, null)))
                .rejection()).isEqualTo(Rejection.PROJECT_MATCH_MUST_BE_SETTLED);

        step(new org.mingzhang.matching.ClosePool(LedgerFixture.key(), WANG, f.code("PR"))).value();
        assertThat(money("A").matchedFen()).isEqualTo(200_00);
        assertThat(money("B").matchedFen()).as("the cancelled project").isZero();
        step(new DisposeLeftover(LI, f.code("A"), LeftoverDisposition.RETURN_TO_FUND, null, "配捐结余退回")).value();
        assertThat(step(new TransitionProject(LI, f.code("A"), ProjectTransition.ACCEPT, null)).value().status())
                .isEqualTo(ProjectStatus.ACCEPTED);
        // B's gifts are still restricted to it: the committee returns them to the fund (or the accountant refunds them).
        step(new DisposeLeftover(LI, f.code("B"), LeftoverDisposition.RETURN_TO_FUND, null, "项目取消，捐款转入社区基金")).value();
        assertThat(restrictedNetAssets("COMM")).isZero();
    }
}
