package org.mingzhang.reports.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Documents the tests build: the toolkit sample with every element, and long tables. */
final class Samples {

    static final Path DIRECTORY = Path.of("target", "pdf-samples");

    private static final String[] PAYEES = {"惠民超市", "城南五金店", "张师傅（水电维修）", "社区印务", "绿园苗圃", "志愿者餐费",
            "明达建材有限公司", "老年活动中心", "快递费", "银行手续费"};
    private static final String[] PURPOSES = {"购买慰问品：大米、食用油", "楼道照明灯具更换", "活动宣传单印刷", "花坛补种月季",
            "议事会茶水", "凭证MZ-2025-0417号附件复印", "健身器材维修（含人工）", "邮寄捐赠收据"};

    private Samples() {
    }

    static DocumentInfo info() {
        return new DocumentInfo("幸福里社区楼道照明改造项目结项报告", "结项报告", "MZ-2026-0001", "明账, 结项报告");
    }

    /** The sample with every element, as a finance-office reader would see a committee document. */
    static byte[] toolkitSample() {
        PdfReport report = PdfReport.a4(info());
        report.title("幸福里社区楼道照明改造项目结项报告");
        report.subtitle("编号 MZ-2026-0001　·　" + ChineseDates.date(java.time.LocalDate.of(2026, 5, 1)));
        report.heading("一、项目基本情况");
        report.fields(List.of(
                new Field("项目名称", "幸福里社区楼道照明改造（第一期）"),
                new Field("项目负责人", "王秀兰（居民议事会成员）"),
                new Field("实施期间", ChineseDates.date(java.time.LocalDate.of(2026, 3, 1)) + " 至 "
                        + ChineseDates.date(java.time.LocalDate.of(2026, 4, 30))),
                new Field("批准预算", Amounts.yuan(2_345_678) + " 元（大写：" + Amounts.capital(2_345_678) + "）"),
                new Field("实际支出", Amounts.yuan(2_210_050) + " 元（大写：" + Amounts.capital(2_210_050) + "）"),
                new Field("项目目标", "为幸福里小区12栋、14栋共8个单元的楼道更换声控节能灯，解决夜间照明不足、老人上下楼不便的问题，"
                        + "并在每单元入口安装一盏长明灯。")));
        report.heading("二、执行情况说明");
        report.paragraph("\u3000\u3000本项目自2026年3月启动，经居民议事会两次审议（第3号、第5号决议），由社区志愿者组织实施。"
                + "全部采购均取得正式发票，单笔500元以上的支出经两名理事签字确认；材料验收时邀请了三位居民代表到场。"
                + "实际支出较预算节余1,356.28元，节余资金按决议转入社区公益金，用于下一期改造。");
        report.paragraph("\u3000\u3000施工期间曾因材料延迟到货停工一周（见附件《情况说明》），未影响总体进度。"
                + "居民满意度调查共回收问卷146份，其中“满意”和“比较满意”合计占93.2%。对于个别住户反映的“灯光太亮”问题，"
                + "已调整三处灯具的角度。");
        report.note("注：本报告金额单位为人民币元；大写金额依《会计基础工作规范》书写。");
        report.heading("三、预算执行对比");
        report.chart(budgetChart(8));
        report.heading("四、支出明细");
        report.table(expenseTable(300, "表1　支出明细"));
        report.heading("五、核验");
        report.verification("https://mingzhang.example.org/v/MZ-2026-0001?h=3f9a1c0b7e",
                List.of("扫码核对本报告与明账账本的一致性", "文件编号：MZ-2026-0001",
                        "内容摘要（SHA-256 前 16 位）：3f9a1c0b7e2d4a65", "生成时间：" + ChineseDates.dateTime(
                                java.time.Instant.parse("2026-05-01T02:05:00Z"))));
        report.heading("六、签字确认");
        report.signatures(List.of(
                SignatureBox.signAndDate("项目负责人", "王秀兰"),
                SignatureBox.signAndDate("财务审核", null),
                new SignatureBox("居民议事会意见", "同意结项，节余资金转入社区公益金。",
                        List.of("主任签字：", "（盖章）日期：________年____月____日")),
                SignatureBox.signAndDate("监督人", null)));
        return report.finish();
    }

    static BarChart budgetChart(int lines) {
        String[] names = {"灯具采购", "电线及辅材", "安装人工", "宣传印刷", "验收及公示", "不可预见费", "志愿者保险",
                "入口长明灯（含防水接线盒）"};
        List<String> categories = new ArrayList<>();
        long[] budget = new long[lines];
        long[] actual = new long[lines];
        for (int i = 0; i < lines; i++) {
            categories.add(names[i % names.length] + (i < names.length ? "" : String.valueOf(i / names.length + 1)));
            budget[i] = 50_000L + (i * 7_919L % 13) * 40_000L;
            actual[i] = budget[i] - (i * 3_571L % 9) * 9_950L + (i == 5 ? 30_000 : 0);
        }
        return new BarChart("图1　预算与实际支出对比", "元", categories,
                List.of(new BarChart.Series("预算", budget), new BarChart.Series("实际", actual)));
    }

    static Table expenseTable(int rows, String caption) {
        List<Table.Row> body = new ArrayList<>(rows + 1);
        long total = 0;
        for (int i = 0; i < rows; i++) {
            long fen = 1_000L + (i * 104_729L) % 2_345_600L;
            total += fen;
            body.add(Table.Row.of(String.valueOf(i + 1),
                    ChineseDates.date(java.time.LocalDate.of(2026, 3, 1).plusDays(i % 60)),
                    String.format("MZ-2026-%04d", i + 1), PAYEES[i % PAYEES.length],
                    PURPOSES[i % PURPOSES.length] + (i % 37 == 0 ? "，另含运输及搬运费用，经理事会第5号决议同意列支" : ""),
                    Amounts.yuan(fen)));
        }
        body.add(Table.Row.total("", "", "", "", "合计", Amounts.yuan(total)));
        return new Table(caption, List.of(
                new Table.Column("序号", 0.6, Table.Align.CENTER),
                new Table.Column("日期", 1.5, Table.Align.LEFT),
                new Table.Column("凭证号", 1.4, Table.Align.LEFT),
                new Table.Column("收款方", 1.5, Table.Align.LEFT),
                new Table.Column("用途", 2.6, Table.Align.LEFT),
                new Table.Column("金额（元）", 1.3, Table.Align.RIGHT)), body);
    }

    static Path write(String name, byte[] pdf) throws IOException {
        Files.createDirectories(DIRECTORY);
        return Files.write(DIRECTORY.resolve(name), pdf);
    }
}
