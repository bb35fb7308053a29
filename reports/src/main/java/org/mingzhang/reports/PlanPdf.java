package org.mingzhang.reports;

import static org.mingzhang.reports.DocumentBlocks.date;
import static org.mingzhang.reports.DocumentBlocks.yuanWithCapital;
import static org.mingzhang.reports.pdf.Amounts.yuan;

import java.util.ArrayList;
import java.util.List;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.TeamMember;
import org.mingzhang.reports.CommitteeDocuments.Gathered;
import org.mingzhang.reports.pdf.Amounts;
import org.mingzhang.reports.pdf.ChineseDates;
import org.mingzhang.reports.pdf.Field;
import org.mingzhang.reports.pdf.PdfReport;
import org.mingzhang.reports.pdf.Table;
import org.mingzhang.reports.pdf.Table.Align;
import org.mingzhang.reports.pdf.Table.Column;
import org.mingzhang.reports.pdf.Table.Row;

/** Renders a {@link PlanDocument} as 《社区基金项目计划书》: what the committee reads, signs and seals before fundraising. */
final class PlanPdf {

    private PlanPdf() {
    }

    static byte[] render(Gathered<PlanDocument> gathered) {
        PlanDocument m = gathered.model();
        Provenance p = gathered.provenance();
        PdfReport pdf = DocumentBlocks.open(p, "社区基金项目计划书", m.title());
        pdf.title("社区基金项目计划书");
        pdf.subtitle(m.fundName() + " · " + m.title());
        if (m.status() == ProjectStatus.DRAFT || m.status() == ProjectStatus.SUBMITTED) {
            pdf.note("本计划书为" + Labels.status(m.status()) + "稿，经基金管理委员会批准后方可开展募集。");
        } else if (m.status() == ProjectStatus.REJECTED) {
            pdf.note("本计划书未获基金管理委员会批准，仅供存档。");
        }

        pdf.heading("一、项目基本信息");
        pdf.fields(List.of(
                new Field("项目名称", m.title()),
                new Field("项目编号", m.projectCode()),
                new Field("所属基金", m.fundName() + "（" + m.fundCode() + "）"),
                new Field("项目类别", m.category()),
                new Field("计划版本", "第 " + m.planVersion() + " 版"),
                new Field("项目状态", Labels.status(m.status())),
                new Field("募集目标", yuanWithCapital(m.targetFen())),
                new Field("募集期", ChineseDates.date(m.fundraisingOpensAt()) + " 至 " + ChineseDates.date(m.fundraisingClosesAt())),
                new Field("管理费", m.managementFeeBasisPoints() == 0 ? "不收取"
                        : "按募集金额的 " + ProjectPlan.percent(m.managementFeeBasisPoints()) + " 计提")));

        pdf.heading("二、居民需求");
        if (m.answeredNeed() != null) {
            PlanDocument.AnsweredNeed n = m.answeredNeed();
            pdf.fields(List.of(
                    new Field("需求事项", n.title() + "（编号 " + n.id() + "）"),
                    new Field("提出方", n.raisedBy()),
                    new Field("支持居民", n.supporters() + " 人"),
                    new Field("登记日期", date(n.recordedAt()))));
        }
        pdf.paragraph(m.need());

        pdf.heading("三、项目目标");
        for (int i = 0; i < m.goals().size(); i++) {
            pdf.paragraph((i + 1) + ". " + m.goals().get(i));
        }

        pdf.heading("四、项目预算");
        List<Row> budget = new ArrayList<>();
        for (BudgetLine b : m.budget()) {
            budget.add(Row.of(String.valueOf(b.lineNo()), b.item(), yuan(b.amountFen()), b.note() == null ? "" : b.note()));
        }
        budget.add(Row.total("", "合计", yuan(m.budgetTotalFen()), ""));
        pdf.table(new Table("预算明细（单位：元）", List.of(
                new Column("序号", 0.7, Align.CENTER),
                new Column("预算科目", 3.2, Align.LEFT),
                new Column("金额", 1.7, Align.RIGHT),
                new Column("说明", 3.4, Align.LEFT)), budget));
        pdf.paragraph("预算合计（大写）：" + Amounts.capital(m.budgetTotalFen()));

        pdf.heading("五、执行计划");
        pdf.paragraph(m.executionPlan());

        pdf.heading("六、执行团队");
        List<Row> team = new ArrayList<>();
        for (TeamMember t : m.team()) {
            team.add(Row.of(t.name(), t.role()));
        }
        pdf.table(new Table(List.of(new Column("姓名", 2, Align.LEFT), new Column("职责", 5, Align.LEFT)), team));

        pdf.heading("七、配捐安排");
        if (m.pool() == null) {
            pdf.paragraph("本项目不申请种子基金配捐。");
        } else {
            pdf.fields(List.of(
                    new Field("配捐池", m.pool().name() + "（" + m.pool().code() + "）"),
                    new Field("配捐池预算", yuan(m.pool().budgetFen()) + " 元"),
                    new Field("配捐规则", String.join("；\n", m.pool().ruleInWords()) + "。")));
            pdf.note("配捐按项目实际募集金额计算，以配捐池剩余预算为限；捐赠退款后配捐随之重新计算。配捐为种子基金的内部划转，不开具捐赠票据。");
        }

        pdf.heading("八、审批记录");
        List<Field> record = new ArrayList<>();
        record.add(new Field("提交审批", m.submitted() == null ? "尚未提交"
                : m.submitted().by() + "，" + date(m.submitted().at())));
        if (m.decided() == null) {
            record.add(new Field("审批结果", "待基金管理委员会审批"));
        } else {
            record.add(new Field("审批结果", m.approved() ? "批准" : "不予批准"));
            record.add(new Field("审批人", m.decided().by()));
            record.add(new Field("审批日期", date(m.decided().at())));
            if (m.decided().reason() != null) {
                record.add(new Field("审批意见", m.decided().reason()));
            }
        }
        pdf.fields(record);

        DocumentBlocks.signatures(pdf, "九、签字盖章", DocumentBlocks.projectSignatures("基金管理委员会意见"));

        DocumentBlocks.verification(pdf, p);
        return pdf.finish();
    }
}
