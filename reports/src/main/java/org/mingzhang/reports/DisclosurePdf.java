package org.mingzhang.reports;

import static org.mingzhang.reports.pdf.Amounts.yuan;

import java.util.ArrayList;
import java.util.List;
import org.mingzhang.disclosure.PublicNames;
import org.mingzhang.reports.CommitteeDocuments.Gathered;
import org.mingzhang.reports.pdf.Amounts;
import org.mingzhang.reports.pdf.ChineseDates;
import org.mingzhang.reports.pdf.PdfReport;
import org.mingzhang.reports.pdf.SignatureBox;
import org.mingzhang.reports.pdf.Table;
import org.mingzhang.reports.pdf.Table.Align;
import org.mingzhang.reports.pdf.Table.Column;
import org.mingzhang.reports.pdf.Table.Row;

/**
 * Renders a {@link DisclosureDocument} as a fund's 公示 for an A4 notice board: the balances and what moved them, every
 * gift with its donor as the public may see them, every payment by project and budget line, and each project's status.
 */
final class DisclosurePdf {

    private DisclosurePdf() {
    }

    static byte[] render(Gathered<DisclosureDocument> gathered) {
        DisclosureDocument m = gathered.model();
        Provenance p = gathered.provenance();
        String period = ChineseDates.date(m.from()) + "至" + ChineseDates.date(m.to());
        PdfReport pdf = DocumentBlocks.open(p, m.fundName() + "收支公示", period);
        pdf.title(m.fundName() + "收支公示");
        pdf.subtitle("公示期间：" + period);
        pdf.paragraph("根据《慈善法》和社区基金管理办法，现将" + m.fundName() + "（" + m.fundCode() + "）本期资金来源、使用及项目情况公示如下，"
                + "接受居民和捐赠人监督。");

        pdf.heading("一、资金概况");
        DisclosureDocument.Balances o = m.opening();
        DisclosureDocument.Balances c = m.closing();
        pdf.table(new Table("期初与期末（单位：元）", List.of(new Column("项目", 3, Align.LEFT),
                new Column("期初（" + ChineseDates.date(m.from()) + "）", 2.5, Align.RIGHT),
                new Column("期末（" + ChineseDates.date(m.to()) + "）", 2.5, Align.RIGHT)), List.of(
                Row.of("货币资金（现金及银行存款）", yuan(o.cashFen()), yuan(c.cashFen())),
                Row.of("限定性净资产（指定用途）", yuan(o.restrictedFen()), yuan(c.restrictedFen())),
                Row.of("非限定性净资产", yuan(o.unrestrictedFen()), yuan(c.unrestrictedFen())),
                Row.total("净资产合计", yuan(o.netAssetsFen()), yuan(c.netAssetsFen())))));
        pdf.table(new Table("本期变动（单位：元）", List.of(new Column("项目", 4, Align.LEFT), new Column("金额", 2, Align.RIGHT),
                new Column("说明", 3, Align.LEFT)), List.of(
                Row.of("期初净资产", yuan(o.netAssetsFen()), ""),
                Row.of("加：本期收到捐赠", yuan(m.giftsFen()), m.gifts().size() + " 笔，明细见第二部分"),
                Row.of("减：本期项目支出", yuan(m.paymentsFen()), m.payments().size() + " 笔，明细见第三部分"),
                Row.of("加：其他变动", yuan(m.otherChangesFen()), "配捐转入、管理费、退款、物资等"),
                Row.total("期末净资产", yuan(c.netAssetsFen()), Amounts.capital(c.netAssetsFen())))));

        gifts(pdf, m);
        payments(pdf, m);
        projects(pdf, m);

        pdf.heading("五、监督");
        pdf.paragraph("捐赠人姓名按隐私规则公示：个人捐赠人隐去姓名中间的字，匿名捐赠显示为“爱心人士”，企业和单位经同意后公示名称；"
                + "电话、身份证号等个人信息不予公示。对公示内容如有疑问，请向社区基金管理委员会反映。");
        pdf.signatures(List.of(new SignatureBox("公示单位", m.fundName() + "管理委员会",
                List.of("（盖章）", "公示日期：________年____月____日"))));
        DocumentBlocks.verification(pdf, p);
        return pdf.finish();
    }

    private static void gifts(PdfReport pdf, DisclosureDocument m) {
        pdf.heading("二、资金来源：捐赠明细");
        if (m.gifts().isEmpty()) {
            pdf.paragraph("本期未收到捐赠。");
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (DisclosureDocument.GiftLine g : m.gifts()) {
            rows.add(Row.of(ChineseDates.date(g.receivedAt()), g.receiptNo(), g.donor(), PublicNames.kind(g.donorKind()),
                    Labels.channel(g.channel()), g.projectCode() == null ? "非限定" : g.projectCode(),
                    yuan(g.amountFen()) + (g.refundedFen() == 0 ? "" : "\n（已退 " + yuan(g.refundedFen()) + "）")));
        }
        rows.add(Row.total("合计", m.gifts().size() + " 笔", "", "", "", "", yuan(m.giftsFen())));
        pdf.table(new Table("捐赠明细（单位：元）", List.of(
                // Wide enough that a date, a receipt number and a project code each stay on one line: a notice of
                // hundreds of gifts is then one line per gift.
                new Column("日期", 1.6, Align.LEFT),
                new Column("收据号", 2.1, Align.LEFT),
                new Column("捐赠人", 1.6, Align.LEFT),
                new Column("类型", 0.6, Align.CENTER),
                new Column("方式", 1.0, Align.CENTER),
                new Column("定向项目", 1.7, Align.LEFT),
                new Column("金额", 1.4, Align.RIGHT)), rows));
        if (m.giftsRefundedFen() != 0) {
            pdf.note("其中已退款 " + yuan(m.giftsRefundedFen()) + " 元，退款已计入“其他变动”。");
        }
    }

    private static void payments(PdfReport pdf, DisclosureDocument m) {
        pdf.heading("三、资金使用：项目支出明细");
        if (m.payments().isEmpty()) {
            pdf.paragraph("本期无项目支出。");
            return;
        }
        List<Row> rows = new ArrayList<>();
        String project = null;
        long subtotal = 0;
        for (DisclosureDocument.PaymentLine x : m.payments()) {
            if (project != null && !project.equals(x.projectCode())) {
                rows.add(Row.total("", "小计", "", "", yuan(subtotal)));
                subtotal = 0;
            }
            project = x.projectCode();
            subtotal = Math.addExact(subtotal, x.amountFen());
            rows.add(Row.of(ChineseDates.date(x.paidAt()), x.projectTitle() + "（" + x.projectCode() + "）", x.budgetItem(), x.purpose(),
                    yuan(x.amountFen())));
        }
        rows.add(Row.total("", "小计", "", "", yuan(subtotal)));
        rows.add(Row.total("", "合计", "", m.payments().size() + " 笔", yuan(m.paymentsFen())));
        pdf.table(new Table("项目支出（单位：元）", List.of(
                new Column("日期", 1.6, Align.LEFT),
                new Column("项目", 2.6, Align.LEFT),
                new Column("预算科目", 1.8, Align.LEFT),
                new Column("用途", 2.4, Align.LEFT),
                new Column("金额", 1.4, Align.RIGHT)), rows));
    }

    private static void projects(PdfReport pdf, DisclosureDocument m) {
        pdf.heading("四、项目情况");
        if (m.projects().isEmpty()) {
            pdf.paragraph("本基金尚无已提交的项目。");
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (DisclosureDocument.ProjectLine x : m.projects()) {
            rows.add(Row.of(x.title() + "（" + x.code() + "）", Labels.status(x.status()), yuan(x.targetFen()), yuan(x.raisedFen()),
                    yuan(x.matchedFen()), yuan(x.disbursedFen()), yuan(x.heldFen())));
        }
        pdf.table(new Table("各项目情况（单位：元；截至数据截至时间）", List.of(
                new Column("项目", 2.8, Align.LEFT),
                new Column("状态", 1.3, Align.CENTER),
                new Column("目标", 1.3, Align.RIGHT),
                new Column("已募集", 1.3, Align.RIGHT),
                new Column("配捐", 1.2, Align.RIGHT),
                new Column("已支出", 1.3, Align.RIGHT),
                new Column("结余", 1.3, Align.RIGHT)), rows));
    }
}
