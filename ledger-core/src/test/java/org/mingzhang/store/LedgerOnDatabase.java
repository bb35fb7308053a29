package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mingzhang.account.TrialBalance;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;

/** A fresh database and a ledger on it for every test; subclasses say which database. */
abstract class LedgerOnDatabase {

    TestDatabases.TestDatabase handle;
    Database database;
    Ledger ledger;
    LedgerFixture f;

    abstract TestDatabases.TestDatabase openDatabase();

    LedgerWriter.Settings writerSettings() {
        return LedgerWriter.Settings.DEFAULT;
    }

    /** Every fund's trial balance balances and the hash chain verifies. */
    void everyFundBalances() {
        for (Fund fund : ledger.reads().funds()) {
            TrialBalance tb = ledger.trialBalance(fund, null, false);
            assertThat(tb.totalDebitFen()).as("trial balance of %s", fund.code())
                    .isEqualTo(tb.totalCreditFen());
        }
        assertThat(ledger.verify().ok()).isTrue();
    }

    /** Plain SQL beside the ledger, as someone with a database client would write it. */
    void sql(String statement) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @BeforeEach
    void open() {
        handle = openDatabase();
        database = handle.database();
        ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
        f = new LedgerFixture(ledger);
    }

    @AfterEach
    void close() {
        if (ledger != null) {
            ledger.close();
        }
        if (handle != null) {
            handle.close();
        }
    }
}
