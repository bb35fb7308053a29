package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import java.time.Clock;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerWriter;

/**
 * One database and one ledger for all the tries of a property (each try works in funds of its own); the
 * subclasses say which database.
 */
abstract class PropertiesOnDatabase {

    TestDatabases.TestDatabase handle;
    Ledger ledger;

    abstract TestDatabases.TestDatabase openDatabase();

    @BeforeProperty
    void open() {
        handle = openDatabase();
        ledger = LedgerAssembly.open(handle.database().ports(), org.mingzhang.journal.TestClock.in2026(), LedgerWriter.Settings.DEFAULT);
    }

    @AfterProperty
    void close() {
        ledger.close();
        handle.close();
    }
}
