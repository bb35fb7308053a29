package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.TrialBalance;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.TestClock;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.TeamMember;
import org.mingzhang.register.GoodsDirection;
import org.mingzhang.register.GoodsEntry;
import org.mingzhang.register.GoodsLot;
import org.mingzhang.register.IssueUnvaluedGoods;
import org.mingzhang.register.RecordUnvaluedGoods;
import org.mingzhang.user.Actor;

/**
 * The memorandum register of unvalued goods (备查簿) on a real database, through the single writer. Proves: goods
 * received are stored as recorded and booked nowhere (the journal, every trial balance and the inventory account stay
 * as they were); goods handed out draw on one entry, keep its goods and project, and never exceed what is left of it,
 * not even when many issues race; a refusal (too many, an unknown or foreign entry or project, a date in the future or
 * before the goods came) writes nothing and takes no id; a retry with the same key writes nothing twice and the same key
 * with other content is refused; what was written survives a restart; and the database itself refuses to change an
 * entry.
 */
abstract class GoodsRegisterSuite extends LedgerOnDatabase {

    static final Actor ACCOUNTANT = new Actor(41, "王会计");
    static final Instant ARRIVED = Instant.parse("2026-05-02T01:00:00Z");
    static final Instant HANDED_OUT = Instant.parse("2026-05-03T02:00:00Z");
    static final String WHY = "旧衣物无活跃市场，无发票，无法可靠计量其公允价值";

    void funds() {
        f.fund("CITY");
        f.fund("STREET", FundLevel.STREET, "CITY", false);
        f.fund("TXSQ", FundLevel.COMMUNITY, "STREET", false);
        f.fund("OTHER", FundLevel.COMMUNITY, "STREET", false);
        // Money in the books beside the register, so that "unchanged" is about balances that are there.
        f.deposit("TXSQ", 1_000_00);
    }

    Outcome<GoodsEntry> receive(String key, String fund, String project, long quantity) {
        return ledger.execute(new RecordUnvaluedGoods(key, ACCOUNTANT, f.code(fund), project == null ? null : f.code(project),
                "旧衣物（冬装）", quantity, "袋", "3号楼居民 刘阿姨", WHY, ARRIVED, "存放于社区仓库"));
    }

    Outcome<GoodsEntry> receive(String fund, long quantity) {
        return receive(LedgerFixture.key(), fund, null, quantity);
    }

    Outcome<GoodsEntry> handOut(String key, String fund, long entryId, long quantity, Instant at) {
        return ledger.execute(new IssueUnvaluedGoods(key, ACCOUNTANT, f.code(fund), entryId, quantity, "5号楼困难家庭 王某", at,
                null));
    }

    Outcome<GoodsEntry> handOut(long entryId, long quantity) {
        return handOut(LedgerFixture.key(), "TXSQ", entryId, quantity, HANDED_OUT);
    }

    GoodsLot lot(long id) {
        return database.goodsRegisterStore().lot(id).orElseThrow();
    }

    long fundId(String fund) {
        return ledger.fund(f.code(fund)).orElseThrow().id();
    }

    TrialBalance trialBalance(String fund) {
        return ledger.trialBalance(ledger.fund(f.code(fund)).orElseThrow(), null, false);
    }

    static <T> Outcome.Rejected<T> refused(Outcome<T> outcome, Rejection rejection, String field) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        Outcome.Rejected<T> r = (Outcome.Rejected<T>) outcome;
        assertThat(r.rejection()).as(r.detail()).isEqualTo(rejection);
        assertThat(r.field()).isEqualTo(field);
        return r;
    }

    Project project(String name, String fund) {
        ProjectPlan plan = new ProjectPlan("冬季送温暖", "助老助残", "困难家庭冬衣不足", List.of("送冬衣 40 户"), 5_000_00,
                List.of(new BudgetLine(1, "物资", 5_000_00, null)), "十二月发放", List.of(new TeamMember("陈主任", "负责人")),
                Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-31T15:59:59Z"), null);
        return ledger.execute(new CreateProject(ACCOUNTANT, f.code(name), f.code(fund), plan)).value();
    }

    @Nested
    @DisplayName("when goods that cannot be valued arrive")
    class Receive {

        @Test
        @DisplayName("then the entry is stored as recorded, with all of it left, and nothing is booked")
        void recorded() {
            funds();
            TrialBalance before = trialBalance("TXSQ");
            long journal = f.transactionCount();

            GoodsEntry in = receive("TXSQ", 12).value();

            assertThat(in.direction()).isEqualTo(GoodsDirection.IN);
            assertThat(in.fundId()).isEqualTo(fundId("TXSQ"));
            assertThat(in.projectId()).isNull();
            assertThat(in.description()).isEqualTo("旧衣物（冬装）");
            assertThat(in.quantity()).isEqualTo(12);
            assertThat(in.unit()).isEqualTo("袋");
            assertThat(in.counterparty()).isEqualTo("3号楼居民 刘阿姨");
            assertThat(in.whyNotValued()).isEqualTo(WHY);
            assertThat(in.occurredAt()).isEqualTo(ARRIVED);
            assertThat(in.note()).isEqualTo("存放于社区仓库");
            assertThat(in.recordedBy()).isEqualTo("#41 王会计");
            assertThat(in.inEntryId()).isNull();
            GoodsLot lot = lot(in.id());
            assertThat(lot.entry()).isEqualTo(in);
            assertThat(lot.issues()).isEmpty();
            assertThat(lot.remainingQuantity()).isEqualTo(12);

            assertThat(f.transactionCount()).as("the register books nothing").isEqualTo(journal);
            assertThat(trialBalance("TXSQ")).isEqualTo(before);
            assertThat(f.balance("TXSQ", "1201")).as("the goods are not inventory").isZero();
            everyFundBalances();
        }

        @Test
        @DisplayName("then without a time it is dated when the writer took it")
        void datedNow() {
            funds();
            GoodsEntry in = ledger.execute(new RecordUnvaluedGoods(LedgerFixture.key(), ACCOUNTANT, f.code("TXSQ"), null, "旧书",
                    30, "本", "匿名", "旧书无市场价", null, null)).value();
            assertThat(in.occurredAt()).isEqualTo(in.recordedAt());
            assertThat(in.note()).isNull();
            assertThat(lot(in.id()).entry()).isEqualTo(in);
        }

        @Test
        @DisplayName("then for a project of its fund it names the project, and its issues keep it")
        void forAProject() {
            funds();
            Project project = project("P1", "TXSQ");
            GoodsEntry in = receive(LedgerFixture.key(), "TXSQ", "P1", 40).value();
            assertThat(in.projectId()).isEqualTo(project.id());
            GoodsEntry out = handOut(in.id(), 40).value();
            assertThat(out.projectId()).isEqualTo(project.id());
        }
    }

    @Nested
    @DisplayName("when goods are handed out")
    class Issue {

        @Test
        @DisplayName("then each issue draws on its entry with the entry's goods, and what is left goes down to zero")
        void drawsDown() {
            funds();
            long journal = f.transactionCount();
            TrialBalance before = trialBalance("TXSQ");
            GoodsEntry in = receive("TXSQ", 12).value();

            GoodsEntry first = handOut(in.id(), 5).value();
            assertThat(first.direction()).isEqualTo(GoodsDirection.OUT);
            assertThat(first.inEntryId()).isEqualTo(in.id());
            assertThat(first.fundId()).isEqualTo(in.fundId());
            assertThat(first.description()).isEqualTo(in.description());
            assertThat(first.unit()).isEqualTo("袋");
            assertThat(first.quantity()).isEqualTo(5);
            assertThat(first.counterparty()).isEqualTo("5号楼困难家庭 王某");
            assertThat(first.whyNotValued()).isNull();
            assertThat(first.occurredAt()).isEqualTo(HANDED_OUT);
            assertThat(lot(in.id()).remainingQuantity()).isEqualTo(7);

            GoodsEntry rest = handOut(in.id(), 7).value();
            GoodsLot lot = lot(in.id());
            assertThat(lot.issues()).containsExactly(first, rest);
            assertThat(lot.issuedQuantity()).isEqualTo(12);
            assertThat(lot.remainingQuantity()).isZero();
            assertThat(lot.remainingAfter(first)).isEqualTo(7);
            assertThat(lot.remainingAfter(rest)).isZero();

            assertThat(f.transactionCount()).as("handing out books nothing either").isEqualTo(journal);
            assertThat(trialBalance("TXSQ")).isEqualTo(before);
            everyFundBalances();
        }

        @Test
        @DisplayName("then more than is left is refused, naming quantity and what is left, and nothing is written")
        void overIssue() {
            funds();
            GoodsEntry in = receive("TXSQ", 12).value();
            GoodsEntry first = handOut(in.id(), 5).value();
            long journal = f.transactionCount();

            Outcome.Rejected<GoodsEntry> r = refused(handOut(in.id(), 8), Rejection.GOODS_ISSUE_MUST_NOT_EXCEED_REMAINING,
                    "quantity");
            assertThat(r.detail()).contains("has 7 袋 left", "8");

            assertThat(database.goodsRegisterStore().entries()).containsExactly(in, first);
            assertThat(lot(in.id()).remainingQuantity()).isEqualTo(7);
            assertThat(f.transactionCount()).isEqualTo(journal);
            assertThat(handOut(in.id(), 7).value().id()).as("a refusal takes no id").isEqualTo(first.id() + 1);
            refused(handOut(in.id(), 1), Rejection.GOODS_ISSUE_MUST_NOT_EXCEED_REMAINING, "quantity");
        }

        @Test
        @DisplayName("then many issues at once hand out exactly what there was, never more")
        void race() {
            funds();
            GoodsEntry in = receive("TXSQ", 10).value();
            List<CompletableFuture<Outcome<GoodsEntry>>> submitted = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                submitted.add(ledger.submit(new IssueUnvaluedGoods(LedgerFixture.key(), ACCOUNTANT, f.code("TXSQ"), in.id(), 1,
                        "第 " + i + " 户", HANDED_OUT, null)));
            }
            long accepted = submitted.stream().map(ledger::await).filter(Outcome::accepted).count();

            assertThat(accepted).isEqualTo(10);
            assertThat(lot(in.id()).issues()).hasSize(10);
            assertThat(lot(in.id()).remainingQuantity()).isZero();
        }

        @Test
        @DisplayName("then an entry is handed out at most issuesPerEntryMax times")
        void issuesMax() {
            funds();
            long quantity = GoodsEntry.ISSUES_PER_ENTRY_MAX + 1;
            GoodsEntry in = receive("TXSQ", quantity).value();
            List<CompletableFuture<Outcome<GoodsEntry>>> submitted = new ArrayList<>();
            for (int i = 0; i < GoodsEntry.ISSUES_PER_ENTRY_MAX; i++) {
                submitted.add(ledger.submit(new IssueUnvaluedGoods(LedgerFixture.key(), ACCOUNTANT, f.code("TXSQ"), in.id(), 1,
                        "第 " + i + " 户", HANDED_OUT, null)));
            }
            assertThat(submitted.stream().map(ledger::await).allMatch(Outcome::accepted)).isTrue();

            Outcome.Rejected<GoodsEntry> r = refused(handOut(in.id(), 1), Rejection.GOODS_ISSUES_MUST_NOT_EXCEED_MAX, "id");
            assertThat(r.detail()).contains(String.valueOf(GoodsEntry.ISSUES_PER_ENTRY_MAX));
            assertThat(lot(in.id()).remainingQuantity()).isEqualTo(1);
        }

        @Test
        @DisplayName("then an unknown entry, another fund's entry or an issue is refused, and nothing is written")
        void wrongEntry() {
            funds();
            GoodsEntry in = receive("TXSQ", 12).value();
            GoodsEntry elsewhere = receive("OTHER", 3).value();
            GoodsEntry out = handOut(in.id(), 2).value();

            refused(handOut(LedgerFixture.key(), "TXSQ", 999_999, 1, HANDED_OUT), Rejection.GOODS_ENTRY_MUST_EXIST, "id");
            Outcome.Rejected<GoodsEntry> foreign = refused(handOut(LedgerFixture.key(), "TXSQ", elsewhere.id(), 1, HANDED_OUT),
                    Rejection.GOODS_ENTRY_MUST_EXIST, "id");
            assertThat(foreign.detail()).contains(f.code("TXSQ"));
            refused(handOut(out.id(), 1), Rejection.GOODS_ISSUE_MUST_DRAW_ON_AN_IN_ENTRY, "id");
            refused(handOut(LedgerFixture.key(), "NOPE", in.id(), 1, HANDED_OUT), Rejection.FUND_MUST_EXIST, "fundCode");

            assertThat(database.goodsRegisterStore().entries()).containsExactly(in, elsewhere, out);
            assertThat(database.goodsRegisterStore().lot(out.id())).as("an issue is not a lot").isEmpty();
        }

        @Test
        @DisplayName("then a date in the future or before the goods came is refused, naming occurredAt")
        void dates() {
            funds();
            GoodsEntry in = receive("TXSQ", 12).value();
            Instant future = TestClock.ANCHOR.plus(java.time.Duration.ofDays(30));
            refused(handOut(LedgerFixture.key(), "TXSQ", in.id(), 1, future),
                    Rejection.GOODS_ENTRY_MUST_NOT_BE_DATED_IN_THE_FUTURE, "occurredAt");
            refused(handOut(LedgerFixture.key(), "TXSQ", in.id(), 1, ARRIVED.minusSeconds(60)),
                    Rejection.GOODS_ISSUE_MUST_NOT_PRECEDE_RECEIPT, "occurredAt");
            refused(ledger.execute(new RecordUnvaluedGoods(LedgerFixture.key(), ACCOUNTANT, f.code("TXSQ"), null, "旧书", 30,
                    "本", "匿名", "旧书无市场价", future, null)), Rejection.GOODS_ENTRY_MUST_NOT_BE_DATED_IN_THE_FUTURE, "occurredAt");
            assertThat(database.goodsRegisterStore().entries()).containsExactly(in);
        }
    }

    @Nested
    @DisplayName("when goods are given for a project")
    class Projects {

        @Test
        @DisplayName("then a project of another fund, or none, is refused naming projectCode, and nothing is written")
        void projectOfAnotherFund() {
            funds();
            project("ELSEWHERE", "OTHER");
            long journal = f.transactionCount();

            Outcome.Rejected<GoodsEntry> r = refused(receive(LedgerFixture.key(), "TXSQ", "ELSEWHERE", 5),
                    Rejection.GOODS_PROJECT_MUST_BELONG_TO_FUND, "projectCode");
            assertThat(r.detail()).contains(f.code("ELSEWHERE"), f.code("OTHER"), f.code("TXSQ"));
            refused(receive(LedgerFixture.key(), "TXSQ", "NOPE", 5), Rejection.PROJECT_MUST_EXIST, "projectCode");
            refused(receive(LedgerFixture.key(), "NOPE", null, 5), Rejection.FUND_MUST_EXIST, "fundCode");

            assertThat(database.goodsRegisterStore().entries()).isEmpty();
            assertThat(f.transactionCount()).isEqualTo(journal);
            assertThat(receive("TXSQ", 5).value().id()).as("refusals take no id").isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("when a request is sent again with the same Idempotency-Key")
    class Idempotency {

        @Test
        @DisplayName("then the same content answers the first entry, replayed, and writes nothing twice")
        void replay() {
            funds();
            GoodsEntry in = receive("in-1", "TXSQ", null, 12).value();
            Outcome<GoodsEntry> again = receive("in-1", "TXSQ", null, 12);
            assertThat(again).isEqualTo(new Outcome.Accepted<>(in, true));

            GoodsEntry out = handOut("out-1", "TXSQ", in.id(), 12, HANDED_OUT).value();
            // The entry is empty now, yet the retry of the issue that emptied it is answered as the first time.
            assertThat(handOut("out-1", "TXSQ", in.id(), 12, HANDED_OUT)).isEqualTo(new Outcome.Accepted<>(out, true));
            assertThat(database.goodsRegisterStore().entries()).containsExactly(in, out);
        }

        @Test
        @DisplayName("then other content is refused (409 at the edge), and nothing is written")
        void keyReused() {
            funds();
            GoodsEntry in = receive("in-1", "TXSQ", null, 12).value();
            Outcome.Rejected<GoodsEntry> r = refused(receive("in-1", "TXSQ", null, 13), Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT,
                    "Idempotency-Key");
            assertThat(r.detail()).contains("in-1");
            refused(handOut("in-1", "TXSQ", in.id(), 1, HANDED_OUT), Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT,
                    "Idempotency-Key");
            // A key that a journal transaction holds names that transaction's request, not an entry of the register.
            String bookedKey = LedgerFixture.key();
            ledger.execute(new org.mingzhang.journal.PostEntry(bookedKey, "test", org.mingzhang.journal.TransactionKind.MANUAL,
                    f.code("TXSQ"), "a gift of money", null, org.mingzhang.journal.References.NONE,
                    List.of(PostingLine.debit("1002", 1_00), PostingLine.credit("410101", 1_00)))).value();
            refused(receive(bookedKey, "TXSQ", null, 12), Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key");

            assertThat(database.goodsRegisterStore().entries()).containsExactly(in);
        }
    }

    @Nested
    @DisplayName("when the service restarts")
    class Restart {

        @Test
        @DisplayName("then the register is read back whole: what is left, the keys and the next id carry on")
        void readBack() {
            funds();
            GoodsEntry in = receive("in-1", "TXSQ", null, 12).value();
            GoodsEntry out = handOut("out-1", "TXSQ", in.id(), 9, HANDED_OUT).value();

            ledger.close();
            ledger = LedgerAssembly.open(database.ports(), TestClock.in2026(), LedgerWriter.Settings.DEFAULT);
            f = new LedgerFixture(ledger, f.prefix);

            assertThat(lot(in.id()).issues()).containsExactly(out);
            refused(handOut(in.id(), 4), Rejection.GOODS_ISSUE_MUST_NOT_EXCEED_REMAINING, "quantity");
            assertThat(receive("in-1", "TXSQ", null, 12)).isEqualTo(new Outcome.Accepted<>(in, true));
            assertThat(handOut(in.id(), 3).value().id()).isEqualTo(out.id() + 1);
        }

        @Test
        @DisplayName("then the database refuses to change or delete an entry")
        void appendOnly() {
            funds();
            GoodsEntry in = receive("TXSQ", 12).value();
            assertThatThrownBy(() -> sql("UPDATE goods_register_entry SET quantity = 100 WHERE id = " + in.id()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql("DELETE FROM goods_register_entry WHERE id = " + in.id()))
                    .hasMessageContaining("append-only");
            assertThat(lot(in.id()).entry()).isEqualTo(in);
        }
    }
}
