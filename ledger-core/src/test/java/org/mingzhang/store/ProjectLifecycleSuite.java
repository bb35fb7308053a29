package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectEvent;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * Projects go through the single writer like money does, so that a project's state and the gifts booked
 * against it are decided in one order. Proves, on a real database: a plan is kept whole (goals, budget
 * lines, team), each move is allowed only from its states and is recorded with who, when and why, the
 * person who submitted a plan cannot approve it, every refusal writes nothing, and a restarted ledger
 * carries on where it stopped.
 */
abstract class ProjectLifecycleSuite extends LedgerOnDatabase {

    static final Actor SHEQU = new Actor(11, "社区居委会 张主任");
    static final Actor WEIYUAN = new Actor(12, "基金委员会 李委员");

    ProjectPlan plan(long targetFen) {
        return new ProjectPlan("楼道照明改造", "便民维修", "居民反映三号楼楼道夜间无照明", List.of("更换 36 盏感应灯", "三个月内完工"),
                targetFen, List.of(new BudgetLine(1, "感应灯具", 3_600_00, "36 盏 × 100 元"),
                        new BudgetLine(2, "安装人工", 1_400_00, null)),
                "五月采购，六月安装，七月验收", List.of(new TeamMember("王师傅", "电工"), new TeamMember("张主任", "负责人")),
                Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-31T15:59:59Z"), null);
    }

    Outcome<Project> create(String code, long targetFen) {
        return ledger.execute(new CreateProject(SHEQU, f.code(code), f.code("COMM"), plan(targetFen)));
    }

    Outcome<Project> move(String code, ProjectTransition transition, Actor by) {
        return ledger.execute(new TransitionProject(by, f.code(code), transition, "会议决定"));
    }

    void community() {
        f.fund("CITY");
        f.fund("STREET", FundLevel.STREET, "CITY", false);
        f.fund("COMM", FundLevel.COMMUNITY, "STREET", false);
    }

    @Test
    @DisplayName("when a plan is written, submitted and approved by someone else then it raises money, with its plan and trail kept")
    void happyPath() {
        community();
        Project draft = create("P1", 5_000_00).value();
        assertThat(draft.status()).isEqualTo(ProjectStatus.DRAFT);
        assertThat(move("P1", ProjectTransition.SUBMIT, SHEQU).value().status()).isEqualTo(ProjectStatus.SUBMITTED);
        Project approved = move("P1", ProjectTransition.APPROVE, WEIYUAN).value();
        assertThat(approved.status()).isEqualTo(ProjectStatus.FUNDRAISING);
        assertThat(approved.submittedBy()).isEqualTo(SHEQU);

        Project stored = database.projectStore().project(f.code("P1")).orElseThrow();
        assertThat(stored).isEqualTo(approved);
        List<ProjectEvent> events = database.projectStore().events(stored.id());
        assertThat(events).extracting(ProjectEvent::action).containsExactly("CREATE", "SUBMIT", "APPROVE");
        assertThat(events.get(2).by()).isEqualTo(WEIYUAN);
        assertThat(events.get(2).from()).isEqualTo(ProjectStatus.SUBMITTED);
        assertThat(events.get(2).to()).isEqualTo(ProjectStatus.FUNDRAISING);
        assertThat(events.get(2).reason()).isEqualTo("会议决定");
    }

    @Test
    @DisplayName("when the submitter approves, a move comes from the wrong state, or a plan is inconsistent then it is refused and nothing is written")
    void refusals() {
        community();
        create("P1", 5_000_00).value();
        move("P1", ProjectTransition.SUBMIT, SHEQU).value();

        assertThat(rejection(move("P1", ProjectTransition.APPROVE, SHEQU))).isEqualTo(Rejection.PROJECT_MUST_NOT_BE_APPROVED_BY_ITS_SUBMITTER);
        Outcome.Rejected<Project> wrongState = (Outcome.Rejected<Project>) move("P1", ProjectTransition.CLOSE_FUNDRAISING, WEIYUAN);
        assertThat(wrongState.rejection()).isEqualTo(Rejection.PROJECT_STATE_MUST_ALLOW_TRANSITION);
        assertThat(wrongState.detail()).contains("is SUBMITTED");
        assertThat(rejection(move("NONE", ProjectTransition.SUBMIT, SHEQU))).isEqualTo(Rejection.PROJECT_MUST_EXIST);
        assertThat(rejection(create("P1", 5_000_00))).isEqualTo(Rejection.PROJECT_CODE_MUST_BE_UNIQUE);
        assertThat(rejection(create("P2", 4_999_99))).isEqualTo(Rejection.PROJECT_BUDGET_MUST_MATCH_TARGET);
        assertThat(rejection(ledger.execute(new CreateProject(SHEQU, f.code("P3"), f.code("NOPE"), plan(5_000_00)))))
                .isEqualTo(Rejection.FUND_MUST_EXIST);

        Project p1 = database.projectStore().project(f.code("P1")).orElseThrow();
        assertThat(p1.status()).isEqualTo(ProjectStatus.SUBMITTED);
        assertThat(database.projectStore().events(p1.id())).hasSize(2);
        assertThat(database.projectStore().project(f.code("P2"))).isEmpty();
    }

    @Test
    @DisplayName("when the ledger restarts then projects and their trails carry on")
    void restart() {
        community();
        create("P1", 5_000_00).value();
        move("P1", ProjectTransition.SUBMIT, SHEQU).value();
        ledger.close();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), LedgerWriter.Settings.DEFAULT);

        assertThat(rejection(move("P1", ProjectTransition.APPROVE, SHEQU))).isEqualTo(Rejection.PROJECT_MUST_NOT_BE_APPROVED_BY_ITS_SUBMITTER);
        move("P1", ProjectTransition.APPROVE, WEIYUAN).value();
        Project p1 = database.projectStore().project(f.code("P1")).orElseThrow();
        assertThat(database.projectStore().events(p1.id())).extracting(ProjectEvent::seq).containsExactly(1, 2, 3);
    }

    private static <T> Rejection rejection(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<T>) outcome).rejection();
    }
}
