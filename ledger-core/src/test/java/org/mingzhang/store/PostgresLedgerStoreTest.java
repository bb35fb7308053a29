package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.journal.LedgerWriter;

@DisplayName("Ledger store on PostgreSQL")
class PostgresLedgerStoreTest extends LedgerStoreSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    void dropAppendOnlyGuard(Statement statement) throws SQLException {
        statement.execute("ALTER TABLE journal_transaction DISABLE TRIGGER journal_transaction_append_only");
    }

    @Test
    @DisplayName("when a second writer starts against the same database then it is refused")
    void oneWriterPerDatabase() {
        assertThatThrownBy(() -> LedgerAssembly.open(database.ports(), Clock.systemUTC(), LedgerWriter.Settings.DEFAULT))
                .hasMessageContaining("another Mingzhang writer");
    }
}
