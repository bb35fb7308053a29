package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.fund.FundBalances;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.GiftStatus;
import org.mingzhang.gift.InKind;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.user.Actor;

/**
 * Gifts on a real database, through the single writer. Proves: a gift is one balanced transaction into
 * the right accounts (restricted when it names a project, inventory when in kind), its receipt number runs
 * without gaps per fund and year whatever is refused in between and across a restart, its trace code looks
 * random, a project takes gifts only while it raises money and within its window, a refund reverses the
 * gift once and never deletes it, and every refusal writes nothing.
 */
abstract class GiftSuite extends LedgerOnDatabase {

    static final Actor ACCOUNTANT = new Actor(21, "王会计");
    static final Actor COMMITTEE = new Actor(22, "李委员");
    static final Instant OPENS = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant MAY_2 = Instant.parse("2026-05-02T02:00:00Z");
    static final Donor ZHANG = new Donor("张三明", DonorKind.PERSON, "13800000000", null, null, false, false);

    void setUp() {
        f.fund("CITY");
        f.fund("STREET", FundLevel.STREET, "CITY", false);
        f.fund("TXSQ", FundLevel.COMMUNITY, "STREET", false);
        f.fund("OTHER", FundLevel.COMMUNITY, "STREET", false);
        ProjectPlan plan = new ProjectPlan("楼道照明", "便民维修", "楼道无灯", List.of("装灯"), 5_000_00,
                List.of(new BudgetLine(1, "灯具", 5_000_00, null)), "五月完工", List.of(new TeamMember("王师傅", "电工")),
                OPENS, Instant.parse("2026-05-31T15:59:59Z"), null);
        ledger.execute(new CreateProject(ACCOUNTANT, f.code("P1"), f.code("TXSQ"), plan)).value();
        ledger.execute(new CreateProject(ACCOUNTANT, f.code("DRAFT"), f.code("TXSQ"), plan)).value();
        ledger.execute(new TransitionProject(ACCOUNTANT, f.code("P1"), ProjectTransition.SUBMIT, null)).value();
        ledger.execute(new TransitionProject(COMMITTEE, f.code("P1"), ProjectTransition.APPROVE, null)).value();
    }

    Outcome<Gift> give(String fund, String project, long fen, Channel channel, Instant at) {
        return ledger.execute(new RecordGift(LedgerFixture.key(), ACCOUNTANT, f.code(fund), project == null ? null : f.code(project),
                fen, channel, ZHANG, channel == Channel.IN_KIND ? new InKind("大米", "20 袋", "市场价 每袋 50 元") : null, at, null));
    }

    long balance(String accountCode) {
        return f.balance("TXSQ", accountCode);
    }

    static <T> Rejection rejection(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<T>) outcome).rejection();
    }

    @Test
    @DisplayName("when gifts arrive by bank, in cash, in kind and for a project then each is one balanced transaction into the right accounts")
    void booking() {
        setUp();
        Gift unrestricted = give("TXSQ", null, 500_00, Channel.BANK_TRANSFER, MAY_2).value();
        Gift restricted = give("TXSQ", "P1", 300_00, Channel.WECHAT_PAY, MAY_2).value();
        give("TXSQ", null, 50_00, Channel.CASH, MAY_2).value();
        give("TXSQ", "P1", 1_000_00, Channel.IN_KIND, MAY_2).value();

        assertThat(unrestricted.restricted()).isFalse();
        assertThat(restricted.restricted()).isTrue();
        assertThat(balance("1002")).isEqualTo(800_00);
        assertThat(balance("1001")).isEqualTo(50_00);
        assertThat(balance("1201")).isEqualTo(1_000_00);
        assertThat(balance("410101")).isEqualTo(550_00);
        assertThat(balance("410102")).isEqualTo(1_300_00);
        FundBalances fund = FundBalances.of(ledger.accounts(ledger.fund(f.code("TXSQ")).orElseThrow()));
        assertThat(fund.restrictedFen()).isEqualTo(1_300_00);
        assertThat(fund.unrestrictedFen()).isEqualTo(550_00);

        Transaction t = ledger.reads().transaction(restricted.transactionId()).orElseThrow();
        assertThat(t.kind()).isEqualTo(TransactionKind.DONATION);
        assertThat(t.references().gift()).isEqualTo(String.valueOf(restricted.id()));
        assertThat(t.occurredAt()).isEqualTo(MAY_2);
        assertThat(database.giftStore().gift(restricted.id())).contains(restricted);
        assertThat(restricted.traceCode()).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")
                .isNotEqualTo(unrestricted.traceCode());
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    @DisplayName("when gifts are refused in between and the ledger restarts then receipt numbers still run without gaps, per fund and year")
    void receiptNumbers() {
        setUp();
        String fund = f.code("TXSQ");
        assertThat(give("TXSQ", null, 1_00, Channel.CASH, MAY_2).value().receiptNo()).isEqualTo(fund + "-2026-000001");
        assertThat(rejection(give("TXSQ", "DRAFT", 1_00, Channel.CASH, MAY_2))).isEqualTo(Rejection.PROJECT_MUST_BE_RAISING);
        assertThat(give("TXSQ", "P1", 1_00, Channel.CASH, MAY_2).value().receiptNo()).isEqualTo(fund + "-2026-000002");
        assertThat(give("TXSQ", null, 1_00, Channel.CASH, Instant.parse("2025-12-31T16:00:00Z")).value().receiptNo())
                .as("midnight of new year's day in China is still 2026").isEqualTo(fund + "-2026-000003");
        assertThat(give("TXSQ", null, 1_00, Channel.CASH, Instant.parse("2025-12-31T15:59:59Z")).value().receiptNo())
                .isEqualTo(fund + "-2025-000001");
        assertThat(give("OTHER", null, 1_00, Channel.CASH, MAY_2).value().receiptNo()).isEqualTo(f.code("OTHER") + "-2026-000001");
        ledger.close();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), LedgerWriter.Settings.DEFAULT);
        assertThat(give("TXSQ", null, 1_00, Channel.CASH, MAY_2).value().receiptNo()).isEqualTo(fund + "-2026-000004");
    }

    @Test
    @DisplayName("when a gift names an unknown fund or project, a project not raising money, another fund's project or a date outside the window then it is refused and nothing is written")
    void refusals() {
        setUp();
        give("TXSQ", null, 100_00, Channel.CASH, MAY_2).value();
        long before = f.transactionCount();
        assertThat(rejection(give("NOPE", null, 1_00, Channel.CASH, MAY_2))).isEqualTo(Rejection.FUND_MUST_EXIST);
        assertThat(rejection(give("TXSQ", "NOPE", 1_00, Channel.CASH, MAY_2))).isEqualTo(Rejection.PROJECT_MUST_EXIST);
        assertThat(rejection(give("TXSQ", "DRAFT", 1_00, Channel.CASH, MAY_2))).isEqualTo(Rejection.PROJECT_MUST_BE_RAISING);
        assertThat(rejection(give("OTHER", "P1", 1_00, Channel.CASH, MAY_2))).isEqualTo(Rejection.GIFT_PROJECT_MUST_BELONG_TO_FUND);
        assertThat(rejection(give("TXSQ", "P1", 1_00, Channel.CASH, OPENS.minusSeconds(1)))).isEqualTo(Rejection.GIFT_MUST_BE_RECEIVED_IN_WINDOW);
        assertThat(rejection(give("TXSQ", null, 1_00, Channel.CASH, Instant.now().plusSeconds(3_600))))
                .isEqualTo(Rejection.TRANSACTION_MUST_NOT_BE_DATED_IN_THE_FUTURE);
        assertThat(f.transactionCount()).isEqualTo(before);
        assertThat(database.giftStore().gifts(null, null, null, 0, 100)).hasSize(1);
    }

    @Test
    @DisplayName("when a gift is replayed with its key then the same gift comes back; with other content it is refused")
    void idempotency() {
        setUp();
        RecordGift command = new RecordGift("gift-" + f.prefix, ACCOUNTANT, f.code("TXSQ"), null, 200_00, Channel.ALIPAY, ZHANG,
                null, MAY_2, "支付宝");
        Gift first = ledger.execute(command).value();
        assertThat(ledger.execute(command)).isEqualTo(new Outcome.Accepted<>(first, true));
        RecordGift other = new RecordGift(command.idempotencyKey(), ACCOUNTANT, f.code("TXSQ"), null, 200_00, Channel.ALIPAY,
                new Donor("李四", DonorKind.PERSON, null, null, null, false, false), null, MAY_2, "支付宝");
        assertThat(rejection(ledger.execute(other))).isEqualTo(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT);
        assertThat(balance("1002")).isEqualTo(200_00);
    }

    @Test
    @DisplayName("when a gift is replayed with its key after a restart then the same gift comes back from storage (found "
            + "through its journal transaction's key); with other content it is refused")
    void idempotencyAfterRestart() {
        setUp();
        RecordGift command = new RecordGift("gift-" + f.prefix, ACCOUNTANT, f.code("TXSQ"), f.code("P1"), 300_00, Channel.ALIPAY,
                ZHANG, null, MAY_2, "支付宝");
        Gift first = ledger.execute(command).value();
        ledger.close();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
        assertThat(ledger.execute(command)).isEqualTo(new Outcome.Accepted<>(first, true));
        RecordGift other = new RecordGift(command.idempotencyKey(), ACCOUNTANT, f.code("TXSQ"), f.code("P1"), 300_01,
                Channel.ALIPAY, ZHANG, null, MAY_2, "支付宝");
        assertThat(rejection(ledger.execute(other))).isEqualTo(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT);
        assertThat(database.giftStore().giftByIdempotencyKey("gift-" + f.prefix)).contains(first);
        assertThat(database.giftStore().giftByIdempotencyKey("gift-" + f.prefix + "-other")).isEmpty();
    }

    @Test
    @DisplayName("when a gift of this year is refunded then its money comes back out of this year's restricted income (Dr 410102 / "
            + "Cr 1002), the gift stays marked refunded, and a second refund is refused")
    void refund() {
        setUp();
        Gift gift = give("TXSQ", "P1", 300_00, Channel.BANK_TRANSFER, MAY_2).value();
        RefundGift refund = new RefundGift("refund-" + f.prefix, ACCOUNTANT, gift.id(), "捐赠人要求退回");
        Gift refunded = ledger.execute(refund).value();

        assertThat(refunded.status()).isEqualTo(GiftStatus.REFUNDED);
        Transaction refundEntry = ledger.reads().transaction(refunded.refundTransactionId()).orElseThrow();
        assertThat(refundEntry.kind()).isEqualTo(TransactionKind.REFUND);
        assertThat(refundEntry.references().gift()).isEqualTo(String.valueOf(gift.id()));
        assertThat(refundEntry.amountFen(refundEntry.fundId())).isEqualTo(300_00);
        assertThat(balance("1002")).isZero();
        assertThat(balance("410102")).isZero();
        assertThat(database.giftStore().gift(gift.id())).contains(refunded);
        assertThat(ledger.execute(refund)).isEqualTo(new Outcome.Accepted<>(refunded, true));
        assertThat(rejection(ledger.execute(new RefundGift(LedgerFixture.key(), ACCOUNTANT, gift.id(), "again"))))
                .isEqualTo(Rejection.GIFT_MUST_NOT_BE_REFUNDED_TWICE);
        assertThat(rejection(ledger.execute(new RefundGift(LedgerFixture.key(), ACCOUNTANT, 999_999, "none"))))
                .isEqualTo(Rejection.GIFT_MUST_EXIST);
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    @DisplayName("when a gift row names a fund, project or transaction that does not exist, or its project is deleted, then the database refuses")
    void databaseReferences() {
        setUp();
        Gift gift = give("TXSQ", "P1", 300_00, Channel.BANK_TRANSFER, MAY_2).value();
        long spare = f.deposit("TXSQ", 1_00).id();
        // A copy of the gift's row with its unique values changed, booked by a transaction that has no gift yet.
        String copy = "INSERT INTO gift (" + GIFT_COLUMNS + ") SELECT id + 1000000, idempotency_key || '-raw', request_hash, %s, %s, "
                + "amount_fen, channel, donor_name, donor_kind, donor_phone, donor_id_number, donor_credit_code, donor_anonymous, "
                + "donor_public_consent, donor_key, in_kind_description, in_kind_quantity, in_kind_valuation_basis, received_at, note, "
                + "receipt_year, receipt_seq + 100000, receipt_no || '-raw', 'RAWTRACE', %s, status, refund_transaction_id, refunded_at, "
                + "refund_reason, recorded_by, recorded_at, refunded_fen, refund_owed_fen FROM gift WHERE id = " + gift.id();
        assertThat(LedgerStoreSuite.sqlState(() -> sql(copy.formatted(987_654, "project_id", spare)))).as("no fund").startsWith("23");
        assertThat(LedgerStoreSuite.sqlState(() -> sql(copy.formatted("fund_id", 987_654, spare)))).as("no project").startsWith("23");
        assertThat(LedgerStoreSuite.sqlState(() -> sql(copy.formatted("fund_id", "project_id", 987_654)))).as("no transaction").startsWith("23");
        String update = "UPDATE gift SET %s = 987654 WHERE id = " + gift.id();
        for (String column : List.of("fund_id", "project_id", "transaction_id")) {
            assertThat(LedgerStoreSuite.sqlState(() -> sql(update.formatted(column)))).as(column).startsWith("23");
        }
        long project = gift.projectId();
        assertThat(LedgerStoreSuite.sqlState(() -> sql("DELETE FROM project WHERE id = " + project))).startsWith("23");
        assertThat(LedgerStoreSuite.sqlState(() -> sql("UPDATE project SET id = 987654 WHERE id = " + project))).startsWith("23");
        // The same copy, with what it names there, is taken: the checks refuse only what they should.
        org.assertj.core.api.Assertions.assertThatCode(() -> sql(copy.formatted("fund_id", "project_id", spare))).doesNotThrowAnyException();
        assertThat(database.giftStore().gift(gift.id())).contains(gift);
    }

    @Test
    @DisplayName("when a log run names no transaction, or an attribution unit or donor row no project (inserted or moved "
            + "there), then the database refuses")
    void rowsAGiftAddsKeepTheirReferences() throws SQLException {
        setUp();
        Gift gift = give("TXSQ", "P1", 300_00, Channel.BANK_TRANSFER, MAY_2).value();
        long project = gift.projectId();
        assertThat(count("log_run WHERE last_transaction_id = " + gift.transactionId())).isEqualTo(1);
        assertThat(count("attribution_unit WHERE gift_id = " + gift.id())).isEqualTo(1);
        assertThat(count("project_donor WHERE project_id = " + project)).isEqualTo(1);
        String run = "INSERT INTO log_run (last_leaf, last_transaction_id, leaves, leaf_hashes, node_hashes) SELECT last_leaf + 1000, "
                + "%d, leaves, leaf_hashes, node_hashes FROM log_run WHERE last_transaction_id = " + gift.transactionId();
        assertThat(LedgerStoreSuite.sqlState(() -> sql(run.formatted(987_654)))).as("a log run of no transaction").startsWith("23");
        String unit = "INSERT INTO attribution_unit (project_id, gift_id, part, origin, in_fen, standing_fen, remaining_fen) "
                + "SELECT %d, gift_id + 1000000, part, origin, in_fen, standing_fen, remaining_fen FROM attribution_unit "
                + "WHERE gift_id = " + gift.id();
        assertThat(LedgerStoreSuite.sqlState(() -> sql(unit.formatted(987_654)))).as("a unit of no project").startsWith("23");
        assertThat(LedgerStoreSuite.sqlState(() -> sql("UPDATE attribution_unit SET project_id = 987654 WHERE gift_id = "
                + gift.id()))).as("a unit moved to no project").startsWith("23");
        String donor = "INSERT INTO project_donor (project_id, donor_key, gifts, standing_fen) VALUES (%d, 'raw-donor', 1, 100)";
        assertThat(LedgerStoreSuite.sqlState(() -> sql(donor.formatted(987_654)))).as("a donor of no project").startsWith("23");
        assertThat(LedgerStoreSuite.sqlState(() -> sql("UPDATE project_donor SET project_id = 987654 WHERE project_id = "
                + project))).as("a donor moved to no project").startsWith("23");
        // The same rows naming what exists are taken: the checks refuse only what they should.
        sql(unit.formatted(project));
        sql(donor.formatted(project));
        sql("UPDATE project_donor SET gifts = gifts + 1 WHERE project_id = " + project);
        assertThat(count("attribution_unit WHERE project_id = " + project)).isEqualTo(2);
        assertThat(count("project_donor WHERE project_id = " + project)).isEqualTo(2);
        assertThat(count("log_run WHERE last_transaction_id = 987654")).isZero();
        assertThat(scalar("SELECT SUM(leaves) FROM log_run")).as("the log's leaves").isEqualTo(f.transactionCount());
    }

    /** The number of rows of a table, with a condition after its name. */
    private long count(String tableAndCondition) throws SQLException {
        return scalar("SELECT COUNT(*) FROM " + tableAndCondition);
    }

    /** The one number a query gives. */
    private long scalar(String query) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @DisplayName("the chain hash and a gift's key carry no unique index (V19); the journal's key, the gift's transaction and "
            + "its trace code still do")
    void uniqueKeys() throws SQLException {
        assertThat(uniqueOn("journal_transaction", "hash")).isFalse();
        assertThat(uniqueOn("gift", "idempotency_key")).isFalse();
        assertThat(uniqueOn("journal_transaction", "idempotency_key")).isTrue();
        assertThat(uniqueOn("gift", "transaction_id")).isTrue();
        assertThat(uniqueOn("gift", "trace_code")).isTrue();
    }

    /** Whether a unique constraint of this schema covers exactly this one column. */
    private boolean uniqueOn(String table, String column) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return !H2SchemaChanges.uniqueConstraintsOver(c, table, column).isEmpty();
        }
    }

    static final String GIFT_COLUMNS = "id, idempotency_key, request_hash, fund_id, project_id, amount_fen, channel, donor_name, "
            + "donor_kind, donor_phone, donor_id_number, donor_credit_code, donor_anonymous, donor_public_consent, donor_key, "
            + "in_kind_description, in_kind_quantity, in_kind_valuation_basis, received_at, note, receipt_year, receipt_seq, "
            + "receipt_no, trace_code, transaction_id, status, refund_transaction_id, refunded_at, refund_reason, recorded_by, "
            + "recorded_at, refunded_fen, refund_owed_fen";
}
