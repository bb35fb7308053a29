package org.mingzhang.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.assembly.LedgerAssembly;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.CreateFund;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.matching.CreatePool;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.SettlementMode;
import org.mingzhang.matching.Tier;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.ChargeManagementFee;
import org.mingzhang.project.Closing;
import org.mingzhang.project.CompleteProject;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.DecideDisbursement;
import org.mingzhang.project.DecideDisbursement.Decision;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisposeLeftover;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.PayDisbursement;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.RequestDisbursement;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.store.Database;
import org.mingzhang.user.Actor;

/**
 * A closing report gathered from a real ledger on H2, with every figure worked by hand:
 *
 * <pre>
 * plan 4,500.00: 感应灯具 3,000.00 (note: 按 36 盏估价) + 安装人工 1,500.00; management fee 5%
 * pool YG: FLAT 20% from 0.00, 30% from 3,000.00; at most 1,500.00 of one gift counts; at most 800.00 per project
 * gifts  BANK_TRANSFER  ENTERPRISE    某超市      2,000.00
 *        CASH           PERSON        李明          200.00
 *        WECHAT_PAY     PERSON        王芳          500.00 + 300.00 (one donor, two gifts)
 *        CHARITY_SALE   ORGANIZATION  居委会义卖    600.00
 *        raised 3,600.00 from 4 donors
 * match  received 3,600.00 − 500.00 over the per-gift cap = base 3,100.00 → tier 1, 30% = 930.00
 *        − 130.00 over the per-project cap = 800.00, paid when fundraising closes
 * fee    5% of 3,600.00 = 180.00
 * paid   灯具 2,400.00; 人工 1,600.00 (100.00 beyond its line, approved: 人工费上涨); 灯具 100.00 approved, unpaid
 * held   3,600.00 + 800.00 − 180.00 − 4,000.00 = 220.00; reserved 100.00; available 120.00
 * </pre>
 * The fund also holds 1,000.00 of its own money, which no figure of the project may count. From there the project is
 * either paid out, completed, its leftover 120.00 returned and accepted; or 李明's gift is refunded after the project
 * spent its restricted money, so the fund owes him 200.00 and the match falls to 20% of 2,900.00 = 580.00.
 */
class ProjectReportsTest {

    static final Actor WANG = new Actor(41, "王会计");
    static final Actor LI = new Actor(42, "李委员");
    static final Instant OPENS = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-06-30T15:59:59Z");
    static final Instant GIFT_DAY = Instant.parse("2026-05-02T02:00:00Z");
    static final String LAMPS = "感应灯具";
    static final String LABOUR = "安装人工";

    /**
     * Mid-July 2026 and running: the worked example's gifts and payments stay in the ledger's current year whatever day
     * the suite runs (a year that has ended changes what may be spent), as ledger-core's TestClock does.
     */
    static Clock in2026() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-07-15T02:00:00Z")));
    }

    Database database;
    Ledger ledger;
    ProjectReports reports;
    final String prefix = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:reports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        ledger = LedgerAssembly.open(database.ports(), in2026(), LedgerWriter.Settings.DEFAULT);
        reports = new ProjectReports(database.projectStore(), database.projectSheets(), database.projectGiving(),
                database.matchingReads(ledger), ledger.reads());
    }

    @AfterEach
    void close() {
        if (ledger != null) {
            ledger.close();
        }
        if (database != null) {
            database.close();
        }
    }

    String code(String name) {
        return prefix + "-" + name;
    }

    /** Executes a command that must be accepted: a refusal fails the test with its rejection and detail. */
    <T> T book(LedgerCommand<T> command) {
        return ledger.execute(command).value();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    ProjectReport report() {
        return reports.gather(code("P")).orElseThrow();
    }

    void funds() {
        book(new CreateFund(code("SEED"), "种子基金", FundLevel.SEED, null, false));
        deposit("SEED", 10_000_00);
        book(new CreateFund(code("CITY"), "市慈善总会", FundLevel.CITY, null, false));
        book(new CreateFund(code("STREET"), "街道基金", FundLevel.STREET, code("CITY"), false));
        book(new CreateFund(code("COMM"), "幸福社区基金", FundLevel.COMMUNITY, code("STREET"), false));
        deposit("COMM", 1_000_00);
        book(new CreatePool(key(), WANG, code("YG"), "配捐", code("SEED"), 5_000_00, SettlementMode.AT_PROJECT_CLOSE,
                MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 2_000), new Tier(3_000_00, 3_000)), OPENS, CLOSES)
                        .withPerDonationCapFen(1_500_00L).withPerProjectCapFen(800_00L)));
    }

    /** Unrestricted money of the fund's own, in its bank account. */
    void deposit(String fund, long fen) {
        book(new PostEntry(key(), "test", TransactionKind.MANUAL, code(fund), "存入 the fund's own money", null, References.NONE,
                List.of(PostingLine.debit(ChartTemplate.BANK, fen), PostingLine.credit(ChartTemplate.UNRESTRICTED_DONATIONS, fen))));
    }

    ProjectPlan plan(String pool) {
        return new ProjectPlan("楼道照明改造", "便民维修", "楼道无灯", List.of("更换 36 盏感应灯", "六月底前完工"), 4_500_00,
                List.of(new BudgetLine(1, LAMPS, 3_000_00, "按 36 盏估价"), new BudgetLine(2, LABOUR, 1_500_00, null)),
                "五月采购，六月安装", List.of(new TeamMember("张主任", "负责人")), OPENS, CLOSES, pool, 500);
    }

    void raising(String project, String pool) {
        book(new CreateProject(WANG, code(project), code("COMM"), plan(pool)));
        book(new TransitionProject(WANG, code(project), ProjectTransition.SUBMIT, null));
        book(new TransitionProject(LI, code(project), ProjectTransition.APPROVE, "同意"));
    }

    Gift give(long fen, Channel channel, Donor donor) {
        return book(new RecordGift(key(), WANG, code("COMM"), code("P"), fen, channel, donor, null, GIFT_DAY, null));
    }

    Disbursement approved(String item, long fen, String overrunReason) {
        Disbursement d = book(new RequestDisbursement(WANG, code("P"), item, fen, "某照明公司", "采购安装", "INV-" + fen, null));
        return book(new DecideDisbursement(LI, d.id(), Decision.APPROVE, overrunReason != null, overrunReason));
    }

    void pay(Disbursement d) {
        book(new PayDisbursement(WANG, d.id(), key()));
    }

    /** The worked example up to its open reservation; answers 李明's gift and the unpaid disbursement. */
    record Running(Gift cashGift, Disbursement unpaid) {
    }

    Running running() {
        funds();
        raising("P", code("YG"));
        Donor wang = new Donor("王芳", DonorKind.PERSON, "13800000001", null, null, false, false);
        give(2_000_00, Channel.BANK_TRANSFER, new Donor("某超市", DonorKind.ENTERPRISE, null, null, "91370000MA3C000001", false, true));
        Gift cash = give(200_00, Channel.CASH, new Donor("李明", DonorKind.PERSON, "13800000002", null, null, false, false));
        give(500_00, Channel.WECHAT_PAY, wang);
        give(300_00, Channel.WECHAT_PAY, wang);
        give(600_00, Channel.CHARITY_SALE, new Donor("居委会义卖", DonorKind.ORGANIZATION, null, null, null, false, true));
        book(new TransitionProject(WANG, code("P"), ProjectTransition.CLOSE_FUNDRAISING, null));
        book(new ChargeManagementFee(key(), WANG, code("P")));
        pay(approved(LAMPS, 2_400_00, null));
        pay(approved(LABOUR, 1_600_00, "人工费上涨"));
        return new Running(cash, approved(LAMPS, 100_00, null));
    }

    @Nested
    @DisplayName("when the project runs with one payment approved and unpaid")
    class WhileRunning {

        @Test
        @DisplayName("then the report has the hand-worked header, sources, match, money and lines, and ties")
        void figures() {
            running();
            ProjectReport r = report();

            assertThat(r.projectCode()).isEqualTo(code("P"));
            assertThat(r.title()).isEqualTo("楼道照明改造");
            assertThat(r.fundCode()).isEqualTo(code("COMM"));
            assertThat(r.fundName()).isEqualTo("幸福社区基金");
            assertThat(r.category()).isEqualTo("便民维修");
            assertThat(r.status()).isEqualTo(ProjectStatus.IN_PROGRESS);
            assertThat(r.planVersion()).isEqualTo(1);
            assertThat(r.targetFen()).isEqualTo(4_500_00);
            assertThat(r.poolCode()).isEqualTo(code("YG"));
            assertThat(r.managementFeeBasisPoints()).isEqualTo(500);

            assertThat(r.raised().totalFen()).isEqualTo(3_600_00);
            assertThat(r.raised().refundedFromFundFen()).isZero();
            assertThat(r.raised().sources()).containsExactly(
                    new ProjectReport.Source(Channel.BANK_TRANSFER, DonorKind.ENTERPRISE, 1, 2_000_00),
                    new ProjectReport.Source(Channel.CASH, DonorKind.PERSON, 1, 200_00),
                    new ProjectReport.Source(Channel.WECHAT_PAY, DonorKind.PERSON, 2, 800_00),
                    new ProjectReport.Source(Channel.CHARITY_SALE, DonorKind.ORGANIZATION, 1, 600_00));
            assertThat(r.raised().donors()).as("王芳 gave twice and counts once").isEqualTo(4);

            ProjectReport.Match m = r.match();
            assertThat(m.poolCode()).isEqualTo(code("YG"));
            assertThat(m.eligible()).isTrue();
            assertThat(m.mode()).isEqualTo(MatchMode.FLAT);
            assertThat(m.giftsCounted()).isEqualTo(5);
            assertThat(m.receivedFen()).isEqualTo(3_600_00);
            assertThat(m.removedByDonationCapFen()).as("某超市's 2,000.00 counts 1,500.00").isEqualTo(500_00);
            assertThat(m.removedByDonorCapFen()).isZero();
            assertThat(m.baseFen()).isEqualTo(3_100_00);
            assertThat(m.tierIndex()).isEqualTo(1);
            assertThat(m.rateBasisPoints()).isEqualTo(3_000);
            assertThat(m.bands()).isEmpty();
            assertThat(m.computedFen()).isEqualTo(930_00);
            assertThat(m.removedByProjectCapFen()).isEqualTo(130_00);
            assertThat(m.cappedFen()).isEqualTo(800_00);
            assertThat(m.budgetAvailableFen()).isEqualTo(5_000_00);
            assertThat(m.removedByBudgetFen()).isZero();
            assertThat(m.finalFen()).isEqualTo(800_00);
            assertThat(m.settled()).isEqualTo(new ProjectReport.Settled(800_00, 0));

            assertThat(r.sheet()).isEqualTo(new ProjectReport.Sheet(800_00, 0, 0, 180_00, 4_000_00, 0, 0, 100_00, 220_00, 120_00));
            assertThat(r.receivedFen()).isEqualTo(4_400_00);

            assertThat(r.lines()).extracting(ProjectReport.Line::lineNo, ProjectReport.Line::item, ProjectReport.Line::plannedFen,
                            ProjectReport.Line::disbursedFen, ProjectReport.Line::differenceFen, ProjectReport.Line::reservedFen,
                            ProjectReport.Line::overrunApprovedFen, ProjectReport.Line::note, ProjectReport.Line::overrunReasons)
                    .containsExactly(
                            tuple(1, LAMPS, 3_000_00L, 2_400_00L, -600_00L, 100_00L, 0L, "按 36 盏估价", List.of()),
                            tuple(2, LABOUR, 1_500_00L, 1_600_00L, 100_00L, 0L, 100_00L, null, List.of("人工费上涨")));

            assertThat(r.goals()).containsExactly(new ProjectReport.Goal("更换 36 盏感应灯", null),
                    new ProjectReport.Goal("六月底前完工", null));
            assertThat(r.results()).isNull();
            assertThat(r.leftovers()).isEmpty();
            assertThat(r.mismatches()).isEmpty();
            assertThat(r.ties()).isTrue();
        }
    }

    @Nested
    @DisplayName("when the project is paid out, completed, its leftover returned and accepted")
    class Accepted {

        @Test
        @DisplayName("then the report shows every line as spent, the leftover decision and the outcomes, holds nothing and ties")
        void figures() {
            Running run = running();
            pay(run.unpaid());
            book(new CompleteProject(WANG, code("P"), new Closing("36 盏感应灯已安装，楼道夜间照明恢复",
                    List.of("已更换 36 盏", "6 月 28 日完工"), WANG)));
            book(new DisposeLeftover(LI, code("P"), LeftoverDisposition.RETURN_TO_FUND, null, "结余退回社区基金"));
            book(new TransitionProject(LI, code("P"), ProjectTransition.ACCEPT, "验收合格"));
            ProjectReport r = report();

            assertThat(r.status()).isEqualTo(ProjectStatus.ACCEPTED);
            assertThat(r.raised().totalFen()).isEqualTo(3_600_00);
            assertThat(r.match().settled()).isEqualTo(new ProjectReport.Settled(800_00, 0));
            assertThat(r.sheet()).isEqualTo(new ProjectReport.Sheet(800_00, 0, 0, 180_00, 4_100_00, 0, 120_00, 0, 0, 0));
            assertThat(r.lines()).extracting(ProjectReport.Line::item, ProjectReport.Line::disbursedFen,
                            ProjectReport.Line::differenceFen, ProjectReport.Line::reservedFen)
                    .containsExactly(tuple(LAMPS, 2_500_00L, -500_00L, 0L), tuple(LABOUR, 1_600_00L, 100_00L, 0L));
            assertThat(r.leftovers()).containsExactly(
                    new ProjectReport.Leftover(LeftoverDisposition.RETURN_TO_FUND, 120_00, null, "结余退回社区基金"));
            assertThat(r.goals()).containsExactly(new ProjectReport.Goal("更换 36 盏感应灯", "已更换 36 盏"),
                    new ProjectReport.Goal("六月底前完工", "6 月 28 日完工"));
            assertThat(r.results()).isEqualTo("36 盏感应灯已安装，楼道夜间照明恢复");
            assertThat(r.mismatches()).isEmpty();
        }
    }

    @Nested
    @DisplayName("when a gift is refunded after the project spent its restricted money")
    class RefundedAfterSpending {

        @Test
        @DisplayName("then raised stays, the sources lose the gift, the fund owes it, the match falls, and the report still ties")
        void figures() {
            Running run = running();
            book(new RefundGift(key(), WANG, run.cashGift().id(), "捐赠人要求退回"));
            ProjectReport r = report();

            assertThat(r.raised().totalFen()).as("the refund came from the fund, not the project").isEqualTo(3_600_00);
            assertThat(r.raised().refundedFromFundFen()).isEqualTo(200_00);
            assertThat(r.raised().sourcesFen()).isEqualTo(3_400_00);
            // The giving projection keeps the source the refunded gift came from, with nothing left in it.
            assertThat(r.raised().sources()).containsExactly(
                    new ProjectReport.Source(Channel.BANK_TRANSFER, DonorKind.ENTERPRISE, 1, 2_000_00),
                    new ProjectReport.Source(Channel.CASH, DonorKind.PERSON, 0, 0),
                    new ProjectReport.Source(Channel.WECHAT_PAY, DonorKind.PERSON, 2, 800_00),
                    new ProjectReport.Source(Channel.CHARITY_SALE, DonorKind.ORGANIZATION, 1, 600_00));
            assertThat(r.raised().donors()).isEqualTo(3);

            // The match now: 3,400.00 − 500.00 = 2,900.00, below 3,000.00, so 20% = 580.00; 220.00 goes back to the pool,
            // 120.00 of it from what the project still had free of the match, 100.00 owed by the fund.
            ProjectReport.Match m = r.match();
            assertThat(m.receivedFen()).isEqualTo(3_400_00);
            assertThat(m.baseFen()).isEqualTo(2_900_00);
            assertThat(m.tierIndex()).isZero();
            assertThat(m.rateBasisPoints()).isEqualTo(2_000);
            assertThat(m.finalFen()).isEqualTo(580_00);
            assertThat(m.settled()).isEqualTo(new ProjectReport.Settled(800_00, 220_00));
            assertThat(r.sheet()).isEqualTo(new ProjectReport.Sheet(680_00, 100_00, 0, 180_00, 4_000_00, 0, 0, 100_00, 100_00, 0));
            assertThat(r.mismatches()).isEmpty();
        }
    }

    @Nested
    @DisplayName("when a project names no pool, or no project has the code")
    class WithoutPool {

        @Test
        @DisplayName("then the report has no match and ties, and an unknown code gathers nothing")
        void figures() {
            funds();
            raising("P", null);
            give(300_00, Channel.ALIPAY, new Donor("赵六", DonorKind.PERSON, null, null, null, true, false));
            ProjectReport r = report();

            assertThat(r.poolCode()).isNull();
            assertThat(r.match()).isNull();
            assertThat(r.status()).isEqualTo(ProjectStatus.FUNDRAISING);
            assertThat(r.raised().sources()).containsExactly(new ProjectReport.Source(Channel.ALIPAY, DonorKind.PERSON, 1, 300_00));
            assertThat(r.sheet()).isEqualTo(new ProjectReport.Sheet(0, 0, 0, 0, 0, 0, 0, 0, 300_00, 300_00));
            assertThat(r.lines()).extracting(ProjectReport.Line::disbursedFen).containsExactly(0L, 0L);
            assertThat(r.mismatches()).isEmpty();
            assertThat(reports.gather(code("NONE"))).isEmpty();
        }
    }
}
