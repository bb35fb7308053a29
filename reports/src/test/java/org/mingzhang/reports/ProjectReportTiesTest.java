package org.mingzhang.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.ProjectStatus;

/**
 * A report's own check, without a ledger: the worked example of {@link ProjectReportsTest} (running, one payment
 * reserved) ties, and each figure that a torn read or a wrong port could leave out of step is named with its values.
 */
class ProjectReportTiesTest {

    static final ProjectReport.Raised RAISED = new ProjectReport.Raised(3_600_00, 0, List.of(
            new ProjectReport.Source(Channel.BANK_TRANSFER, DonorKind.ENTERPRISE, 1, 2_000_00),
            new ProjectReport.Source(Channel.CASH, DonorKind.PERSON, 1, 200_00),
            new ProjectReport.Source(Channel.WECHAT_PAY, DonorKind.PERSON, 2, 800_00),
            new ProjectReport.Source(Channel.CHARITY_SALE, DonorKind.ORGANIZATION, 1, 600_00)), 4);
    static final ProjectReport.Match MATCH = new ProjectReport.Match("YG", "配捐", true, MatchMode.FLAT, 5, 3_600_00, 500_00, 0,
            3_100_00, 1, 3_000, List.of(), 930_00, 130_00, 800_00, 5_000_00, 0, 800_00, new ProjectReport.Settled(800_00, 0));
    static final ProjectReport.Sheet SHEET = new ProjectReport.Sheet(800_00, 0, 0, 180_00, 4_000_00, 0, 0, 100_00, 220_00, 120_00);
    static final List<ProjectReport.Line> LINES = List.of(
            new ProjectReport.Line(1, "感应灯具", 3_000_00, 2_400_00, 100_00, 0, "按 36 盏估价", List.of()),
            new ProjectReport.Line(2, "安装人工", 1_500_00, 1_600_00, 0, 100_00, null, List.of("人工费上涨")));

    static ProjectReport report(ProjectReport.Raised raised, ProjectReport.Match match, ProjectReport.Sheet sheet,
                                List<ProjectReport.Line> lines, List<ProjectReport.Leftover> leftovers) {
        return new ProjectReport("P", "楼道照明改造", "COMM", "幸福社区基金", "便民维修", ProjectStatus.IN_PROGRESS, 1, 4_500_00,
                "YG", 500, raised, match, sheet, lines, leftovers, List.of(new ProjectReport.Goal("更换 36 盏感应灯", null)), null);
    }

    @Test
    @DisplayName("when the worked example's figures are given then the report ties")
    void workedExampleTies() {
        ProjectReport r = report(RAISED, MATCH, SHEET, LINES, List.of());
        assertThat(r.mismatches()).isEmpty();
        assertThat(r.ties()).isTrue();
    }

    @Nested
    @DisplayName("when one figure is out of step then the report does not tie and names it with its values")
    class OutOfStep {

        @Test
        @DisplayName("a line that lost a payment")
        void line() {
            List<ProjectReport.Line> lines = List.of(LINES.get(0),
                    new ProjectReport.Line(2, "安装人工", 1_500_00, 1_599_99, 0, 100_00, null, List.of()));
            assertThat(report(RAISED, MATCH, SHEET, lines, List.of()).mismatches())
                    .containsExactly("the budget lines disbursed 3999.99 but the project disbursed 4000.00");
        }

        @Test
        @DisplayName("a budget that no longer adds up to the target, and money on an item the plan does not list")
        void plan() {
            List<ProjectReport.Line> lines = List.of(LINES.get(0),
                    new ProjectReport.Line(2, "安装人工", 1_000_00, 1_000_00, 0, 0, null, List.of()),
                    new ProjectReport.Line(0, "旧灯拆除", 0, 600_00, 0, 0, null, List.of()));
            assertThat(report(RAISED, MATCH, SHEET, lines, List.of()).mismatches()).containsExactly(
                    "the budget lines plan 4000.00 but the target is 4500.00",
                    "budget item '旧灯拆除' is not in the plan in force but has 600.00 disbursed and 0.00 reserved");
        }

        @Test
        @DisplayName("sources that miss a gift, and more donors than gifts")
        void sources() {
            ProjectReport.Raised raised = new ProjectReport.Raised(3_600_00, 0, RAISED.sources().subList(0, 3), 5);
            assertThat(report(raised, MATCH, SHEET, LINES, List.of()).mismatches()).containsExactly(
                    "the sources hold 3000.00 but raised 3600.00 less 0.00 refunded from the fund is 3600.00",
                    "5 donors cannot have given 4 standing gifts");
        }

        @Test
        @DisplayName("a holding that is not what came in less what went out, nor what is available plus reserved")
        void held() {
            ProjectReport.Sheet sheet = new ProjectReport.Sheet(800_00, 0, 0, 180_00, 4_000_00, 0, 0, 100_00, 320_00, 120_00);
            assertThat(report(RAISED, MATCH, sheet, LINES, List.of()).mismatches()).containsExactly(
                    "received 4400.00 less fees 180.00, disbursed 4000.00 and leftover moved out 0.00 is 220.00 but the project holds 320.00",
                    "held 320.00 less reserved 100.00 is not the available 120.00");
        }

        @Test
        @DisplayName("a leftover decision the money does not show")
        void leftover() {
            List<ProjectReport.Leftover> leftovers = List.of(
                    new ProjectReport.Leftover(LeftoverDisposition.RETURN_TO_FUND, 120_00, null, "结余退回"));
            assertThat(report(RAISED, MATCH, SHEET, LINES, leftovers).mismatches())
                    .containsExactly("the leftover decisions move 120.00 but the project moved out 0.00");
        }

        @Test
        @DisplayName("match money without a settlement, and a settlement the explanation does not give")
        void match() {
            ProjectReport.Match unsettled = new ProjectReport.Match("YG", "配捐", true, MatchMode.FLAT, 5, 3_600_00, 500_00, 0,
                    3_100_00, 1, 3_000, List.of(), 930_00, 130_00, 800_00, 5_000_00, 0, 800_00, null);
            assertThat(report(RAISED, unsettled, SHEET, LINES, List.of()).mismatches())
                    .containsExactly("the project was matched 800.00 without a settled match");
            ProjectReport.Match overpaid = new ProjectReport.Match("YG", "配捐", true, MatchMode.FLAT, 5, 3_600_00, 500_00, 0,
                    3_100_00, 1, 3_000, List.of(), 930_00, 130_00, 800_00, 5_000_00, 0, 800_00, new ProjectReport.Settled(900_00, 0));
            assertThat(report(RAISED, overpaid, SHEET, LINES, List.of()).mismatches()).containsExactly(
                    "the project was matched 800.00 but the pool paid 900.00 and took back 0.00",
                    "the match explains 800.00 but the pool paid 900.00 and took nothing back");
            assertThat(report(RAISED, null, SHEET, LINES, List.of()).mismatches()).containsExactly(
                    "the plan names pool YG but no match was read for it",
                    "the project was matched 800.00 without a settled match");
        }
    }
}
