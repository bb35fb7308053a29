package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import java.time.Instant;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.Project;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.BudgetLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;
import org.mingzhang.need.Need;
import org.mingzhang.need.NeedStatus;
import org.mingzhang.need.RecordNeed;
import org.mingzhang.need.WithdrawNeed;
import org.mingzhang.user.Actor;

/**
 * Residents' needs (居民点单) on a real database, through the single writer. Proves: a need is stored as
 * recorded and listed by fund and state in pages, an open need can be withdrawn once with who and why, a
 * need for an unknown fund or an unknown need is refused and writes nothing, and a project created from an
 * open need of its fund answers it in the same batch (ANSWERED in storage, also after a restart), while a
 * need that is answered, withdrawn, unknown or of another fund is refused with nothing written.
 */
abstract class NeedSuite extends LedgerOnDatabase {

    static final Actor JUWEIHUI = new Actor(31, "居委会 陈主任");
    static final Actor WEIYUAN = new Actor(32, "基金委员会 李委员");

    void funds() {
        f.fund("CITY");
        f.fund("STREET", FundLevel.STREET, "CITY", false);
        f.fund("TXSQ", FundLevel.COMMUNITY, "STREET", false);
        f.fund("OTHER", FundLevel.COMMUNITY, "STREET", false);
    }

    Outcome<Need> raise(String fund, String title) {
        return ledger.execute(new RecordNeed(JUWEIHUI, f.code(fund), title, "北侧土路雨天泥泞，老人出行不便", "3号楼居民", 12));
    }

    static <T> Rejection rejection(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<T>) outcome).rejection();
    }

    long fundId(String fund) {
        return ledger.fund(f.code(fund)).orElseThrow().id();
    }

    @Test
    @DisplayName("when the committee records a need then it is OPEN, answered by nobody, and storage holds it as recorded")
    void record() {
        funds();
        Need need = raise("TXSQ", "北侧道路硬化").value();

        assertThat(need.status()).isEqualTo(NeedStatus.OPEN);
        assertThat(need.fundId()).isEqualTo(fundId("TXSQ"));
        assertThat(need.title()).isEqualTo("北侧道路硬化");
        assertThat(need.raisedBy()).isEqualTo("3号楼居民");
        assertThat(need.supporters()).isEqualTo(12);
        assertThat(need.createdBy()).isEqualTo(JUWEIHUI);
        assertThat(need.answeredByProjectCode()).isNull();
        assertThat(need.answeredAt()).isNull();
        assertThat(database.needStore().need(need.id())).contains(need);
        assertThat(raise("TXSQ", "路灯").value().id()).isEqualTo(need.id() + 1);
    }

    @Test
    @DisplayName("when needs are listed by fund and by state then only those match, in id order, a page at a time")
    void list() {
        funds();
        Need first = raise("TXSQ", "道路").value();
        Need other = raise("OTHER", "别处的需求").value();
        Need second = raise("TXSQ", "路灯").value();
        Need third = raise("TXSQ", "健身器材").value();
        ledger.execute(new WithdrawNeed(JUWEIHUI, second.id(), "居民已自行解决")).value();

        assertThat(ids(fundId("TXSQ"), null, 0, 10)).containsExactly(first.id(), second.id(), third.id());
        assertThat(ids(fundId("TXSQ"), NeedStatus.OPEN, 0, 10)).containsExactly(first.id(), third.id());
        assertThat(ids(fundId("TXSQ"), NeedStatus.WITHDRAWN, 0, 10)).containsExactly(second.id());
        assertThat(ids(null, null, 0, 10)).containsExactly(first.id(), other.id(), second.id(), third.id());
        assertThat(ids(fundId("TXSQ"), null, 0, 2)).containsExactly(first.id(), second.id());
        assertThat(ids(fundId("TXSQ"), null, second.id(), 2)).containsExactly(third.id());
        assertThat(ids(fundId("TXSQ"), NeedStatus.ANSWERED, 0, 10)).isEmpty();
    }

    /** The ids of one page, as committed. */
    List<Long> ids(Long fundId, NeedStatus status, long afterId, int limit) {
        return database.needStore().page(fundId, status, afterId, limit).stream().map(Need::id).toList();
    }

    @Test
    @DisplayName("when an open need is withdrawn then it is WITHDRAWN with who and why, and a second withdrawal is refused")
    void withdraw() {
        funds();
        Need need = raise("TXSQ", "道路").value();
        Need withdrawn = ledger.execute(new WithdrawNeed(WEIYUAN, need.id(), "居民已自行解决")).value();

        assertThat(withdrawn.status()).isEqualTo(NeedStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnBy()).isEqualTo(WEIYUAN);
        assertThat(withdrawn.withdrawReason()).isEqualTo("居民已自行解决");
        assertThat(withdrawn.withdrawnAt()).isNotNull();
        assertThat(database.needStore().need(need.id())).contains(withdrawn);

        Outcome<Need> again = ledger.execute(new WithdrawNeed(WEIYUAN, need.id(), "again"));
        assertThat(rejection(again)).isEqualTo(Rejection.NEED_MUST_BE_OPEN);
        assertThat(((Outcome.Rejected<Need>) again).detail()).contains("WITHDRAWN");
        assertThat(database.needStore().need(need.id())).contains(withdrawn);
    }

    @Test
    @DisplayName("when a need names an unknown fund, or an unknown need is withdrawn, then it is refused and nothing is written")
    void refusals() {
        funds();
        Need kept = raise("TXSQ", "道路").value();

        Outcome<Need> noFund = raise("NOPE", "道路");
        assertThat(rejection(noFund)).isEqualTo(Rejection.FUND_MUST_EXIST);
        assertThat(((Outcome.Rejected<Need>) noFund).field()).isEqualTo("fundCode");
        assertThat(rejection(ledger.execute(new WithdrawNeed(WEIYUAN, 999_999, "none")))).isEqualTo(Rejection.NEED_MUST_EXIST);

        assertThat(database.needStore().needs()).containsExactly(kept);
        assertThat(raise("TXSQ", "路灯").value().id()).as("a refusal takes no id").isEqualTo(kept.id() + 1);
    }

    @Test
    @DisplayName("when a project is created from a need then the need is ANSWERED by it, also after a restart, and answers no second project")
    void answeredByAProject() {
        funds();
        Need open = raise("TXSQ", "道路").value();
        Need withdrawn = raise("TXSQ", "路灯").value();
        ledger.execute(new WithdrawNeed(WEIYUAN, withdrawn.id(), "居民已自行解决")).value();
        long journal = f.transactionCount();

        Project project = ledger.execute(new CreateProject(JUWEIHUI, f.code("P1"), f.code("TXSQ"), plan(), open.id())).value();
        assertThat(project.needId()).isEqualTo(open.id());
        Need answered = database.needStore().need(open.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo(NeedStatus.ANSWERED);
        assertThat(answered.answeredByProjectCode()).isEqualTo(f.code("P1"));
        assertThat(answered.answeredAt()).isEqualTo(project.createdAt());

        assertThat(rejection(ledger.execute(new CreateProject(JUWEIHUI, f.code("P2"), f.code("TXSQ"), plan(), open.id()))))
                .isEqualTo(Rejection.NEED_MUST_BE_OPEN);
        assertThat(rejection(ledger.execute(new CreateProject(JUWEIHUI, f.code("P3"), f.code("TXSQ"), plan(), withdrawn.id()))))
                .isEqualTo(Rejection.NEED_MUST_BE_OPEN);
        Need elsewhere = raise("OTHER", "健身器材").value();
        assertThat(rejection(ledger.execute(new CreateProject(JUWEIHUI, f.code("P4"), f.code("TXSQ"), plan(), elsewhere.id()))))
                .isEqualTo(Rejection.NEED_MUST_BELONG_TO_FUND);
        assertThat(rejection(ledger.execute(new CreateProject(JUWEIHUI, f.code("P5"), f.code("TXSQ"), plan(), 999_999L))))
                .isEqualTo(Rejection.NEED_MUST_EXIST);
        assertThat(database.projectStore().project(f.code("P2"))).as("a refused project is not written").isEmpty();
        assertThat(database.needStore().need(elsewhere.id()).orElseThrow().status()).isEqualTo(NeedStatus.OPEN);
        assertThat(f.transactionCount()).isEqualTo(journal);

        ledger.close();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), LedgerWriter.Settings.DEFAULT);
        assertThat(database.needStore().need(open.id())).contains(answered);
        assertThat(database.projectStore().project(f.code("P1")).orElseThrow().needId()).isEqualTo(open.id());
        Outcome<Need> withdrawAnswered = ledger.execute(new WithdrawNeed(WEIYUAN, open.id(), "改主意了"));
        assertThat(rejection(withdrawAnswered)).isEqualTo(Rejection.NEED_MUST_BE_OPEN);
        assertThat(((Outcome.Rejected<Need>) withdrawAnswered).detail()).contains(f.code("P1"));
    }

    @Test
    @DisplayName("when the project that answered a need is rejected then the need is OPEN again and another project may answer it")
    void reopenedWhenItsProjectIsRejected() {
        funds();
        Need need = raise("TXSQ", "道路").value();
        ledger.execute(new CreateProject(JUWEIHUI, f.code("P1"), f.code("TXSQ"), plan(), need.id())).value();
        ledger.execute(new TransitionProject(JUWEIHUI, f.code("P1"), ProjectTransition.SUBMIT, null)).value();
        ledger.execute(new TransitionProject(WEIYUAN, f.code("P1"), ProjectTransition.REJECT, "预算不实")).value();
        Need reopened = database.needStore().need(need.id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(NeedStatus.OPEN);
        assertThat(reopened.answeredByProjectCode()).isNull();

        ledger.execute(new CreateProject(JUWEIHUI, f.code("P2"), f.code("TXSQ"), plan(), need.id())).value();
        ledger.close();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), LedgerWriter.Settings.DEFAULT);
        assertThat(database.needStore().need(need.id()).orElseThrow().answeredByProjectCode()).isEqualTo(f.code("P2"));
        ledger.execute(new TransitionProject(JUWEIHUI, f.code("P2"), ProjectTransition.CANCEL, "另行安排")).value();
        assertThat(database.needStore().need(need.id()).orElseThrow().status()).isEqualTo(NeedStatus.OPEN);
    }

    static ProjectPlan plan() {
        return new ProjectPlan("道路硬化", "便民维修", "北侧土路雨天泥泞", List.of("硬化 300 米"), 50_000_00,
                List.of(new BudgetLine(1, "材料", 50_000_00, null)), "五月施工", List.of(new TeamMember("陈主任", "负责人")),
                Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-31T15:59:59Z"), null);
    }
}
