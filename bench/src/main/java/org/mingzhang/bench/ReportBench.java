package org.mingzhang.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.assembly.LedgerAssembly;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.RecordGift;
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
import org.mingzhang.project.Closing;
import org.mingzhang.project.CompleteProject;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.DecideDisbursement;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisposeLeftover;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.PayDisbursement;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.RequestDisbursement;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.reports.CommitteeDocuments;
import org.mingzhang.reports.CommitteePdfs;
import org.mingzhang.store.Database;
import org.mingzhang.user.Actor;

/**
 * How long the committee's PDFs take and how big they are for a large project: one project with {@code GIFTS} gifts
 * (5,000 by default, from as many donors, every channel) and {@code PAYMENTS} paid disbursements (200) over 8 budget
 * lines, completed and accepted, in a fund whose disclosure of the year lists every one of those gifts. Each document is
 * gathered and rendered {@code WARMUP} times, then timed {@code RUNS} times (the very first document, which parses the
 * fonts, is timed on its own); the median and the slowest of gathering and
 * rendering, and the size of the PDF, are printed as a Markdown table. Run by {@code bench/reports/run-report-bench.sh}.
 */
public final class ReportBench {

    static final Actor WANG = new Actor(41, "王会计");
    static final Actor LI = new Actor(42, "李委员");
    static final String[] ITEMS = {"活动场地租赁", "志愿者保险", "宣传物料印制", "老年人体检服务", "餐食补贴", "交通费", "器材采购", "不可预见费"};

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int gifts = Integer.getInteger("GIFTS", 5_000);
        int payments = Integer.getInteger("PAYMENTS", 200);
        int warmup = Integer.getInteger("WARMUP", 5);
        int runs = Integer.getInteger("RUNS", 20);
        // Mid-July 2026, as the tests' worked examples: the gifts and payments fall in the ledger's current year.
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-07-15T02:00:00Z")));
        try (Database database = Database.open("jdbc:h2:mem:report-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
             Ledger ledger = LedgerAssembly.open(database.ports(), clock, LedgerWriter.Settings.DEFAULT)) {
            long started = System.nanoTime();
            book(ledger, gifts, payments);
            System.err.printf("booked %d gifts and %d payments in %.1f s%n", gifts, payments, (System.nanoTime() - started) / 1e9);
            CommitteeDocuments documents = new CommitteeDocuments(database.projectStore(), database.projectSheets(),
                    database.projectGiving(), database.matchingReads(ledger), database.matchingStore(), database.needStore(),
                    database.giftStore(), ledger.reads(), "https://mingzhang.example.org");
            // The first document of a process parses the two fonts and runs cold code: what a service pays once.
            long first = System.nanoTime();
            CommitteePdfs.plan(documents.plan("BIG").orElseThrow());
            System.out.printf("first document of the process (fonts parsed, code cold): %d ms%n%n",
                    (System.nanoTime() - first) / 1_000_000);
            System.out.println("| document | pages | size | gather median | gather max | render median | render max |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            measure("项目计划书 plan.pdf", warmup, runs, () -> documents.plan("BIG").orElseThrow(), CommitteePdfs::plan);
            measure("结项报告 closing-report.pdf", warmup, runs, () -> documents.closingReport("BIG").orElseThrow(),
                    CommitteePdfs::closingReport);
            measure("公示 disclosure.pdf (" + gifts + " gifts)", warmup, runs,
                    () -> documents.disclosure("COMM", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).orElseThrow(),
                    CommitteePdfs::disclosure);
        }
    }

    private static <T> void measure(String name, int warmup, int runs, Supplier<CommitteeDocuments.Gathered<T>> gather,
                                    java.util.function.Function<CommitteeDocuments.Gathered<T>, byte[]> render) throws Exception {
        byte[] pdf = null;
        for (int i = 0; i < warmup; i++) {
            pdf = render.apply(gather.get());
        }
        long[] gatherNs = new long[runs];
        long[] renderNs = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            CommitteeDocuments.Gathered<T> g = gather.get();
            long t1 = System.nanoTime();
            byte[] again = render.apply(g);
            long t2 = System.nanoTime();
            if (!Arrays.equals(again, pdf)) {
                throw new IllegalStateException(name + ": the same books rendered different bytes");
            }
            gatherNs[i] = t1 - t0;
            renderNs[i] = t2 - t1;
        }
        int pages;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
        }
        Arrays.sort(gatherNs);
        Arrays.sort(renderNs);
        System.out.printf("| %s | %d | %,d KB | %d ms | %d ms | %d ms | %d ms |%n", name, pages, (pdf.length + 1023) / 1024,
                gatherNs[runs / 2] / 1_000_000, gatherNs[runs - 1] / 1_000_000, renderNs[runs / 2] / 1_000_000,
                renderNs[runs - 1] / 1_000_000);
    }

    private static <T> T execute(Ledger ledger, LedgerCommand<T> command) {
        return ledger.execute(command).value();
    }

    private static void book(Ledger ledger, int gifts, int payments) {
        Instant opens = Instant.parse("2026-03-01T00:00:00Z");
        Instant closes = Instant.parse("2026-06-30T15:59:59Z");
        execute(ledger, new CreateFund("SEED", "县慈善总会种子基金", FundLevel.SEED, null, false));
        execute(ledger, new PostEntry(UUID.randomUUID().toString(), "bench", TransactionKind.MANUAL, "SEED", "种子基金注资", null,
                References.NONE, List.of(PostingLine.debit(ChartTemplate.BANK, 100_000_000_00L),
                        PostingLine.credit(ChartTemplate.UNRESTRICTED_DONATIONS, 100_000_000_00L))));
        execute(ledger, new CreateFund("CITY", "县慈善总会", FundLevel.CITY, null, false));
        execute(ledger, new CreateFund("STREET", "城关街道基金", FundLevel.STREET, "CITY", false));
        execute(ledger, new CreateFund("COMM", "幸福里社区基金", FundLevel.COMMUNITY, "STREET", false));
        execute(ledger, new CreatePool(UUID.randomUUID().toString(), WANG, "POOL", "2026年社区基金配捐池", "SEED", 10_000_000_00L,
                SettlementMode.AT_PROJECT_CLOSE, MatchRule.of(MatchMode.FLAT, List.of(new Tier(0, 1_000), new Tier(1_000_000_00L, 2_000),
                        new Tier(3_000_000_00L, 3_000)), opens, closes).withPerProjectCapFen(2_000_000_00L)));
        // 5,000 gifts of 50.00 to 1,950.00 make about 5,000,000.00: the budget is sized so that 200 payments use most of it.
        SplittableRandom random = new SplittableRandom(2026);
        long[] amounts = new long[gifts];
        long raised = 0;
        for (int i = 0; i < gifts; i++) {
            amounts[i] = (50 + 50L * random.nextInt(39)) * 100;
            raised += amounts[i];
        }
        long perLine = raised / ITEMS.length / 100 * 100;
        List<BudgetLine> budget = new ArrayList<>();
        for (int i = 0; i < ITEMS.length; i++) {
            budget.add(new BudgetLine(i + 1, ITEMS[i], perLine, "按全年活动计划测算"));
        }
        ProjectPlan plan = new ProjectPlan("幸福里长者关爱行动", "助老助残", "社区 60 岁以上老人 1,200 人，独居老人 86 人，缺少日常照护和体检服务。",
                List.of("为 86 位独居老人每周上门探访", "为 1,200 位老人提供年度体检", "组建 40 人志愿者队伍"), perLine * ITEMS.length,
                budget, "三月至六月募集；七月起按月开展探访、体检和志愿者培训，年底结项。",
                List.of(new TeamMember("刘书记", "项目负责人"), new TeamMember("陈会计", "财务监督"), new TeamMember("赵医生", "体检协调")),
                opens, closes, "POOL", 300);
        execute(ledger, new CreateProject(WANG, "BIG", "COMM", plan));
        execute(ledger, new TransitionProject(WANG, "BIG", ProjectTransition.SUBMIT, null));
        execute(ledger, new TransitionProject(LI, "BIG", ProjectTransition.APPROVE, "同意"));
        Channel[] channels = {Channel.WECHAT_PAY, Channel.ALIPAY, Channel.BANK_TRANSFER, Channel.CASH, Channel.CHARITY_SALE};
        for (int i = 0; i < gifts; i++) {
            DonorKind kind = i % 50 == 0 ? DonorKind.ENTERPRISE : i % 97 == 0 ? DonorKind.ORGANIZATION : DonorKind.PERSON;
            Donor donor = new Donor(kind == DonorKind.PERSON ? "居民" + i : "爱心单位" + i, kind,
                    kind == DonorKind.PERSON ? "+86138%08d".formatted(i) : null, null, null, i % 7 == 0, i % 3 == 0);
            execute(ledger, new RecordGift("gift-" + i, WANG, "COMM", "BIG", amounts[i], channels[i % channels.length], donor, null,
                    opens.plusSeconds(60L * i), null));
        }
        execute(ledger, new TransitionProject(WANG, "BIG", ProjectTransition.CLOSE_FUNDRAISING, null));
        long perPayment = perLine * ITEMS.length / payments / 100 * 100 * 9 / 10;
        for (int i = 0; i < payments; i++) {
            String item = ITEMS[i % ITEMS.length];
            Disbursement d = execute(ledger, new RequestDisbursement(WANG, "BIG", item, perPayment, "某服务机构", "第 " + (i + 1) + " 期服务费",
                    "INV-2026-" + (10_000 + i), null));
            execute(ledger, new DecideDisbursement(LI, d.id(), DecideDisbursement.Decision.APPROVE, false, null));
            execute(ledger, new PayDisbursement(WANG, d.id(), "pay-" + i));
        }
        List<String> outcomes = List.of("每周探访 86 位独居老人，共 2,064 人次", "完成 1,187 位老人体检", "志愿者队伍 43 人");
        execute(ledger, new CompleteProject(WANG, "BIG", new Closing("项目按计划完成，老人和家属满意度 96%。", outcomes, WANG)));
        execute(ledger, new DisposeLeftover(LI, "BIG", LeftoverDisposition.RETURN_TO_FUND, null, "结余转回社区基金，用于下一年度助老项目"));
        execute(ledger, new TransitionProject(LI, "BIG", ProjectTransition.ACCEPT, "验收合格"));
    }
}
