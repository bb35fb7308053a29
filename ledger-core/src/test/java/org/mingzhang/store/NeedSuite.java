package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.Decider;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;
import org.mingzhang.need.Need;
import org.mingzhang.need.NeedDecider;
import org.mingzhang.need.NeedStatus;
import org.mingzhang.need.RecordNeed;
import org.mingzhang.need.WithdrawNeed;
import org.mingzhang.user.Actor;

/**
 * Residents' needs (居民点单) on a real database, through the single writer. Proves: a need is stored as
 * recorded and listed by fund and state in pages, an open need can be withdrawn once with who and why, a
 * need for an unknown fund or an unknown need is refused and writes nothing, and a need answered by a
 * project from another decider in the same batch — as the project decider will — is ANSWERED in storage
 * and stays so when the ledger restarts.
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
    @DisplayName("when the project decider answers a need in its batch then it is ANSWERED by that project, also after a restart")
    void answer() {
        funds();
        Need open = raise("TXSQ", "道路").value();
        Need withdrawn = raise("TXSQ", "路灯").value();
        ledger.execute(new WithdrawNeed(WEIYUAN, withdrawn.id(), "居民已自行解决")).value();
        ledger.close();
        ledger = ledgerThatAnswers();

        Need answered = ledger.execute(new AnswerNeed(open.id(), "TXSQ-2026-001")).value();
        assertThat(answered.status()).isEqualTo(NeedStatus.ANSWERED);
        assertThat(answered.answeredByProjectCode()).isEqualTo("TXSQ-2026-001");
        assertThat(answered.answeredAt()).isNotNull().isAfterOrEqualTo(open.createdAt());
        // A caller that did not check first is a bug: the writer fails the command and writes nothing.
        assertThatThrownBy(() -> ledger.execute(new AnswerNeed(open.id(), "TXSQ-2026-002")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is ANSWERED");
        assertThatThrownBy(() -> ledger.execute(new AnswerNeed(withdrawn.id(), "TXSQ-2026-002")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is WITHDRAWN");

        ledger.close();
        ledger = database.openLedger(Clock.systemUTC(), LedgerWriter.Settings.DEFAULT);
        assertThat(database.needStore().need(open.id())).contains(answered);
        Outcome<Need> withdrawAnswered = ledger.execute(new WithdrawNeed(WEIYUAN, open.id(), "改主意了"));
        assertThat(rejection(withdrawAnswered)).isEqualTo(Rejection.NEED_MUST_BE_OPEN);
        assertThat(((Outcome.Rejected<Need>) withdrawAnswered).detail()).contains("TXSQ-2026-001");
        assertThat(database.needStore().need(open.id())).contains(answered);
        assertThat(database.needStore().need(withdrawn.id()).orElseThrow().status()).isEqualTo(NeedStatus.WITHDRAWN);
    }

    /** What the project decider will do when a project is created from a need, as a command of its own. */
    record AnswerNeed(long needId, String projectCode) implements LedgerCommand<Need> {
    }

    /**
     * A ledger on the same database whose extra decider answers needs through the {@link NeedDecider}, the way
     * the project decider will: in the same batch, so that both commit together.
     */
    Ledger ledgerThatAnswers() {
        JooqNeedStore needs = new JooqNeedStore(database.dsl());
        NeedDecider needDecider = new NeedDecider(needs);
        Decider answering = new Decider() {
            @Override
            public void reload() {
            }

            @Override
            public boolean decides(LedgerCommand<?> command) {
                return command instanceof AnswerNeed;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> Outcome<T> decide(LedgerCommand<T> command, Books books) {
                AnswerNeed c = (AnswerNeed) command;
                return (Outcome<T>) new Outcome.Accepted<>(needDecider.answer(c.needId(), c.projectCode(), books), false);
            }
        };
        JooqJournalStore store = new JooqJournalStore(database, List.of(needs));
        return new Ledger(store, store, Clock.systemUTC(), ChartTemplate.nonProfit(), LedgerWriter.Settings.DEFAULT,
                List.of(needDecider, answering));
    }
}
