package org.mingzhang.reports;

import static org.mingzhang.reports.DocumentBlocks.date;
import static org.mingzhang.reports.DocumentBlocks.yuanWithCapital;
import static org.mingzhang.reports.pdf.Amounts.yuan;

import java.util.ArrayList;
import java.util.List;
import org.mingzhang.disclosure.PublicNames;
import org.mingzhang.matching.Band;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.reports.CommitteeDocuments.Gathered;
import org.mingzhang.reports.pdf.Amounts;
import org.mingzhang.reports.pdf.BarChart;
import org.mingzhang.reports.pdf.ChineseDates;
import org.mingzhang.reports.pdf.Field;
import org.mingzhang.reports.pdf.PdfReport;
import org.mingzhang.reports.pdf.Table;
import org.mingzhang.reports.pdf.Table.Align;
import org.mingzhang.reports.pdf.Table.Column;
import org.mingzhang.reports.pdf.Table.Row;

/**
 * Renders a {@link ClosingDocument} as 《社区基金项目结项报告》: goals against results, every source and use of the money on
 * its own line, spending by budget line against the plan with the reason for each variance, the payments, a chart of
 * plan against actual, the acceptance record and the block a reader checks the paper with.
 */
final class ClosingReportPdf {

    private ClosingReportPdf() {
    }

    static byte[] render(Gathered<ClosingDocument> gathered) {
        ClosingDocument m = gathered.model();
        ProjectReport r = m.report();
        Provenance p = gathered.provenance();
        PdfReport pdf = DocumentBlocks.open(p, "社区基金项目结项报告", r.title());
        pdf.title("社区基金项目结项报告");
        boolean ended = r.status() == ProjectStatus.COMPLETED || r.status() == ProjectStatus.ACCEPTED;
        pdf.subtitle(r.fundName() + " · " + r.title() + (ended ? "" : "（阶段报告）"));
        if (!ended) {
            pdf.note("项目" + Labels.status(r.status()) + "，尚未结项：本报告为阶段报告，数字截至下方“数据截至”所示时间。");
        }

        pdf.heading("一、项目概况");
        pdf.fields(List.of(
                new Field("项目名称", r.title()),
                new Field("项目编号", r.projectCode()),
                new Field("所属基金", r.fundName() + "（" + r.fundCode() + "）"),
                new Field("项目类别", r.category()),
                new Field("项目状态", Labels.status(r.status())),
                new Field("计划版本", "第 " + r.planVersion() + " 版"),
                new Field("募集目标", yuan(r.targetFen()) + " 元")));

        goals(pdf, r);
        money(pdf, m, r);
        match(pdf, m, r);
        lines(pdf, r);
        payments(pdf, m);
        leftovers(pdf, r);
        acceptance(pdf, m);

        DocumentBlocks.signatures(pdf, "九、签字盖章", DocumentBlocks.projectSignatures("基金管理委员会验收意见"));
        DocumentBlocks.verification(pdf, p);
        return pdf.finish();
    }

    private static void goals(PdfReport pdf, ProjectReport r) {
        pdf.heading("二、目标与成果");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < r.goals().size(); i++) {
            ProjectReport.Goal g = r.goals().get(i);
            rows.add(Row.of(String.valueOf(i + 1), g.goal(), g.outcome() == null ? "（尚未填报）" : g.outcome()));
        }
        pdf.table(new Table(List.of(new Column("序号", 0.6, Align.CENTER), new Column("计划目标", 4, Align.LEFT),
                new Column("实际成果", 4.4, Align.LEFT)), rows));
        if (r.results() != null) {
            pdf.paragraph("总体成果：" + r.results());
        }
    }

    private static void money(PdfReport pdf, ClosingDocument m, ProjectReport r) {
        pdf.heading("三、资金收支");
        ProjectReport.Sheet s = r.sheet();
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("募集捐赠", yuan(r.raised().totalFen()), r.raised().donors() + " 位捐赠人，" + r.raised().gifts() + " 笔捐赠有效"));
        for (ProjectReport.Source src : r.raised().sources()) {
            rows.add(Row.of("　其中：" + Labels.channel(src.channel()) + " · " + PublicNames.kind(src.donorKind()),
                    yuan(src.amountFen()), src.gifts() + " 笔"));
        }
        if (r.raised().refundedFromFundFen() != 0) {
            rows.add(Row.of("　其中：已支出后退款（由基金承担）", yuan(r.raised().refundedFromFundFen()), "退还捐赠人，不减少项目已支出金额"));
        }
        rows.add(Row.of("种子基金配捐", yuan(s.matchedFen()), r.match() == null ? "未申请配捐"
                : r.match().poolName() + (r.match().settled() == null ? "（尚未结算）" : "")));
        if (s.owedToPoolFen() != 0) {
            rows.add(Row.of("　其中：应退回配捐池", yuan(s.owedToPoolFen()), "退款后重算配捐，已支出部分由基金欠付配捐池"));
        }
        if (s.transferredInFen() != 0) {
            rows.add(Row.of("其他项目结余转入", yuan(s.transferredInFen()), ""));
        }
        rows.add(Row.total("收入合计", yuan(r.receivedFen()), Amounts.capital(r.receivedFen())));
        rows.add(Row.of("管理费", yuan(s.feesFen()), s.feesFen() == 0 ? "未收取"
                : "按计划 " + org.mingzhang.project.ProjectPlan.percent(r.managementFeeBasisPoints()) + " 计提"));
        rows.add(Row.of("项目支出（已拨付）", yuan(s.disbursedFen()), m.payments().size() + " 笔"
                + (s.goodsIssuedFen() == 0 ? "" : "，其中物资 " + yuan(s.goodsIssuedFen()) + " 元")));
        rows.add(Row.of("结余转出", yuan(s.leftoverOutFen()), s.leftoverOutFen() == 0 ? "" : "见第七部分"));
        rows.add(Row.total("项目结余", yuan(s.heldFen()), Amounts.capital(s.heldFen())));
        if (s.reservedFen() != 0) {
            rows.add(Row.of("　其中：已批准待支付", yuan(s.reservedFen()), "可用余额 " + yuan(s.availableFen()) + " 元"));
        }
        pdf.table(new Table("收支情况（单位：元）", List.of(new Column("项目", 3.4, Align.LEFT),
                new Column("金额", 2, Align.RIGHT), new Column("说明", 3.6, Align.LEFT)), rows));
        pdf.note("收入合计 − 管理费 − 项目支出 − 结余转出 = 项目结余。");
    }

    private static void match(PdfReport pdf, ClosingDocument m, ProjectReport r) {
        ProjectReport.Match x = r.match();
        if (x == null) {
            return;
        }
        pdf.heading("四、配捐计算");
        List<Field> f = new ArrayList<>();
        f.add(new Field("配捐池", x.poolName() + "（" + x.poolCode() + "）"));
        if (!m.matchRuleInWords().isEmpty()) {
            f.add(new Field("配捐规则", String.join("；\n", m.matchRuleInWords()) + "。"));
        }
        f.add(new Field("符合条件", x.eligible() ? "是" : "否（项目类别或所属基金不在配捐范围内）"));
        f.add(new Field("计入配捐的捐赠", x.giftsCounted() + " 笔，" + yuan(x.receivedFen()) + " 元"));
        if (x.removedByDonationCapFen() != 0 || x.removedByDonorCapFen() != 0) {
            f.add(new Field("上限扣除", "单笔上限扣除 " + yuan(x.removedByDonationCapFen()) + " 元，同一捐赠人上限扣除 "
                    + yuan(x.removedByDonorCapFen()) + " 元"));
        }
        f.add(new Field("配捐基数", yuan(x.baseFen()) + " 元"));
        if (x.mode() == MatchMode.FLAT && x.rateBasisPoints() != null) {
            f.add(new Field("适用比例", RuleWords.percent(x.rateBasisPoints()) + "（第 " + (x.tierIndex() + 1) + " 档，按募集总额计算）"));
        } else {
            List<String> bands = new ArrayList<>();
            for (Band b : x.bands()) {
                bands.add(yuan(b.fromFen()) + " 至 " + (b.toFen() == null ? "以上" : yuan(b.toFen())) + "：" + yuan(b.amountInBandFen())
                        + " × " + RuleWords.percent(b.rateBasisPoints()) + " = " + yuan(b.matchInBandFen()));
            }
            f.add(new Field("分段计算", bands.isEmpty() ? "—" : String.join("\n", bands)));
        }
        f.add(new Field("计算配捐", yuan(x.computedFen()) + " 元"));
        if (x.removedByProjectCapFen() != 0) {
            f.add(new Field("项目封顶扣除", yuan(x.removedByProjectCapFen()) + " 元"));
        }
        if (x.removedByBudgetFen() != 0) {
            f.add(new Field("配捐池预算不足扣除", yuan(x.removedByBudgetFen()) + " 元（配捐池可用 " + yuan(x.budgetAvailableFen()) + " 元）"));
        }
        f.add(new Field("配捐金额", yuanWithCapital(x.finalFen())));
        if (x.settled() != null) {
            f.add(new Field("结算情况", "已拨付 " + yuan(x.settled().paidFen()) + " 元"
                    + (x.settled().returnedFen() == 0 ? "" : "，因退款退回 " + yuan(x.settled().returnedFen()) + " 元")));
        } else {
            f.add(new Field("结算情况", "尚未结算（募集结束后按最终募集金额结算）"));
        }
        pdf.fields(f);
    }

    private static void lines(PdfReport pdf, ProjectReport r) {
        pdf.heading("五、预算执行情况");
        List<Row> rows = new ArrayList<>();
        long planned = 0;
        long actual = 0;
        List<String> categories = new ArrayList<>();
        long[] plannedSeries = new long[r.lines().size()];
        long[] actualSeries = new long[r.lines().size()];
        int i = 0;
        for (ProjectReport.Line l : r.lines()) {
            planned = Math.addExact(planned, l.plannedFen());
            actual = Math.addExact(actual, l.disbursedFen());
            rows.add(Row.of(l.lineNo() == 0 ? "—" : String.valueOf(l.lineNo()), l.item(), yuan(l.plannedFen()), yuan(l.disbursedFen()),
                    signed(l.differenceFen()), explanation(l)));
            categories.add(l.item());
            plannedSeries[i] = l.plannedFen();
            actualSeries[i] = l.disbursedFen();
            i++;
        }
        rows.add(Row.total("", "合计", yuan(planned), yuan(actual), signed(Math.subtractExact(actual, planned)), ""));
        pdf.table(new Table("预算与实际（单位：元；差异 = 实际 − 预算）", List.of(
                new Column("序号", 0.6, Align.CENTER),
                new Column("预算科目", 2.2, Align.LEFT),
                new Column("预算", 1.4, Align.RIGHT),
                new Column("实际", 1.4, Align.RIGHT),
                new Column("差异", 1.4, Align.RIGHT),
                new Column("说明", 2.6, Align.LEFT)), rows));
        pdf.chart(new BarChart("预算与实际对比", "元", categories,
                List.of(new BarChart.Series("预算", plannedSeries), new BarChart.Series("实际", actualSeries))));
    }

    /** The plan's note, why the committee approved an overrun, or what an unspent line means. */
    private static String explanation(ProjectReport.Line l) {
        List<String> parts = new ArrayList<>();
        if (l.lineNo() == 0) {
            parts.add("计划外科目");
        }
        if (!l.overrunReasons().isEmpty()) {
            parts.add("经批准超支 " + yuan(l.overrunApprovedFen()) + " 元：" + String.join("；", l.overrunReasons()));
        } else if (l.differenceFen() > 0) {
            parts.add("超出预算 " + yuan(l.differenceFen()) + " 元");
        } else if (l.differenceFen() < 0 && l.disbursedFen() > 0) {
            parts.add("节余 " + yuan(-l.differenceFen()) + " 元");
        } else if (l.disbursedFen() == 0 && l.plannedFen() > 0) {
            parts.add("尚未支出");
        }
        if (l.reservedFen() != 0) {
            parts.add("已批准待支付 " + yuan(l.reservedFen()) + " 元");
        }
        if (l.note() != null) {
            parts.add("预算说明：" + l.note());
        }
        return String.join("；", parts);
    }

    private static String signed(long fen) {
        return fen > 0 ? "+" + yuan(fen) : yuan(fen);
    }

    private static void payments(PdfReport pdf, ClosingDocument m) {
        pdf.heading("六、支出明细");
        if (m.payments().isEmpty()) {
            pdf.paragraph("本项目尚无支出。");
            return;
        }
        List<Row> rows = new ArrayList<>();
        int n = 1;
        for (ClosingDocument.Payment x : m.payments()) {
            rows.add(Row.of(String.valueOf(n++), ChineseDates.date(x.paidAt()), x.budgetItem(), x.purpose()
                    + (x.form() == org.mingzhang.project.DisbursementForm.GOODS ? "（物资）" : ""),
                    x.invoiceNo() == null ? "" : x.invoiceNo(), yuan(x.amountFen())));
        }
        rows.add(Row.total("", "合计", "", m.payments().size() + " 笔", "", yuan(m.paymentsFen())));
        pdf.table(new Table("已拨付支出（单位：元）", List.of(
                new Column("序号", 0.6, Align.CENTER),
                new Column("日期", 1.5, Align.LEFT),
                new Column("预算科目", 1.8, Align.LEFT),
                new Column("用途", 2.8, Align.LEFT),
                new Column("发票号", 1.3, Align.LEFT),
                new Column("金额", 1.4, Align.RIGHT)), rows));
    }

    private static void leftovers(PdfReport pdf, ProjectReport r) {
        pdf.heading("七、结余处置");
        if (r.leftovers().isEmpty()) {
            boolean ended = r.status() == ProjectStatus.COMPLETED || r.status() == ProjectStatus.ACCEPTED;
            pdf.paragraph(!ended ? "项目尚未结项，结余在结项时处置。"
                    : r.sheet().heldFen() == 0 ? "项目资金已全部使用，无结余。"
                    : "项目结余 " + yuan(r.sheet().heldFen()) + " 元，尚未作出处置决定（应在项目结束后三个月内处置）。");
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (ProjectReport.Leftover l : r.leftovers()) {
            rows.add(Row.of(Labels.disposition(l.disposition()), yuan(l.amountFen()),
                    l.targetProjectCode() == null ? "本基金" : "项目 " + l.targetProjectCode(), l.reason()));
        }
        pdf.table(new Table(List.of(new Column("处置方式", 2.4, Align.LEFT), new Column("金额", 1.5, Align.RIGHT),
                new Column("去向", 1.6, Align.LEFT), new Column("理由", 3.5, Align.LEFT)), rows));
        if (r.sheet().heldFen() != 0) {
            pdf.paragraph("处置后项目尚余 " + yuan(r.sheet().heldFen()) + " 元。");
        }
    }

    private static void acceptance(PdfReport pdf, ClosingDocument m) {
        pdf.heading("八、审批与验收记录");
        List<Field> f = new ArrayList<>();
        f.add(new Field("计划批准", decided(m.approved())));
        f.add(new Field("结项填报", decided(m.completed())));
        f.add(new Field("结项验收", m.accepted() == null ? "尚未验收" : decided(m.accepted())));
        pdf.fields(f);
    }

    private static String decided(Decision d) {
        if (d == null) {
            return "—";
        }
        return d.by() + "，" + date(d.at()) + (d.reason() == null ? "" : "。意见：" + d.reason());
    }
}
