package org.mingzhang.store;

import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Ledger store on H2")
class H2LedgerStoreTest extends LedgerStoreSuite {

    @Override
    TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2();
    }

    @Override
    void dropAppendOnlyGuard(Statement statement) throws SQLException {
        statement.execute("DROP TRIGGER journal_transaction_append_only");
    }
}
