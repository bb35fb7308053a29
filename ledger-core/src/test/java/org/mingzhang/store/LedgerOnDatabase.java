package org.mingzhang.store;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    /** Plain SQL beside the ledger, as someone with a database client would write it. */
    void sql(String statement) throws java.sql.SQLException {
        try (java.sql.Connection c = database.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @BeforeEach
    void open() {
        handle = openDatabase();
        database = handle.database();
        ledger = database.openLedger(Clock.systemUTC(), writerSettings());
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
