package org.mingzhang.store;

import org.mingzhang.assembly.LedgerAssembly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mingzhang.journal.PostingLine.credit;
import static org.mingzhang.journal.PostingLine.debit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.References;
import org.mingzhang.journal.StorageUnavailableException;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;

/**
 * The writer outlives the loss of its PostgreSQL connection. The server ends the writer's session from outside
 * ({@code pg_terminate_backend}, what a server restart or a network cut does to it); the next write fails with
 * {@link StorageUnavailableException} (the API's 503), never with a bug's error, and the writer connects again by
 * itself, takes its lock again and reloads its state, so that writes go on with the books whole. Reads lost the
 * same way fail the same way. The crash harness under {@code bench/crash} does this under load, with restarts,
 * pauses and refused connections of the whole server.
 */
@DisplayName("Writer on PostgreSQL after its connection is lost")
class WriterReconnectTest {

    private static final long RECOVERY_MS_MAX = 15_000;

    private TestDatabases.TestDatabase handle;
    private Ledger ledger;
    private LedgerFixture f;

    @BeforeEach
    void open() {
        handle = TestDatabases.postgres();
        ledger = LedgerAssembly.open(handle.database().ports(), Clock.systemUTC(), LedgerWriter.Settings.DEFAULT);
        f = new LedgerFixture(ledger);
        f.fund("A");
    }

    @AfterEach
    void close() {
        ledger.close();
        handle.close();
    }

    @Nested
    @DisplayName("when the server ends the writer's session")
    class WriterSessionEnded {

        @Test
        @DisplayName("then a write fails as unavailable, the writer reconnects by itself and the books stay whole")
        void writerReconnects() throws Exception {
            assertThat(post("before").accepted()).isTrue();
            assertThat(terminate("advisory lock holder", """
                    SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
                      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")).isEqualTo(1);

            assertThatThrownBy(() -> post("while lost")).isInstanceOf(StorageUnavailableException.class);
            long accepted = 1 + postUntilAccepted("after");

            assertThat(f.balance("A", "1002")).isEqualTo(accepted * 1_00);
            assertThat(ledger.verify().ok()).isTrue();
            assertThat(ledger.verify().transactions()).isEqualTo(accepted);
        }
    }

    @Nested
    @DisplayName("when the server ends every session of the database")
    class EverySessionEnded {

        @Test
        @DisplayName("then reads and writes recover without a restart of the service")
        void everythingRecovers() throws Exception {
            assertThat(post("before").accepted()).isTrue();
            assertThat(terminate("every session", "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"))
                    .isPositive();
            long accepted = 1 + postUntilAccepted("after");
            assertThat(f.balance("A", "1002")).isEqualTo(accepted * 1_00);
            assertThat(ledger.verify().ok()).isTrue();
        }
    }

    @Nested
    @DisplayName("when the server stops answering mid-statement")
    class ServerStalls {

        @Test
        @DisplayName("then every connection gives up after the named socket timeout instead of waiting for ever")
        void connectionsHaveTheSocketTimeout() throws Exception {
            try (Connection c = handle.database().dataSource().getConnection()) {
                assertThat(c.getNetworkTimeout()).isEqualTo(Database.PG_SOCKET_TIMEOUT_S * 1_000);
            }
        }
    }

    private Outcome<Transaction> post(String memo) {
        return ledger.execute(new PostEntry(LedgerFixture.key(), "test", TransactionKind.MANUAL, f.code("A"), memo, null,
                References.NONE, List.of(debit("1002", 1_00), credit("410101", 1_00))));
    }

    /** Retries a write until it is accepted, as a client answered 503 would; returns how many were accepted (one). */
    private long postUntilAccepted(String memo) throws InterruptedException {
        long deadline = System.currentTimeMillis() + RECOVERY_MS_MAX;
        while (true) {
            try {
                assertThat(post(memo).accepted()).isTrue();
                return 1;
            } catch (StorageUnavailableException e) {
                assertThat(System.currentTimeMillis()).as("writer recovered within " + RECOVERY_MS_MAX + " ms").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    /** Ends the sessions that the query names, from a connection of the test's own; returns how many were ended. */
    private int terminate(String what, String pidsQuery) throws SQLException {
        int ended = 0;
        try (Connection admin = java.sql.DriverManager.getConnection(
                handle.database().dataSource().unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl(), "postgres", "");
             Statement s = admin.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM (" + pidsQuery
                    + ") AS victims WHERE pid <> pg_backend_pid()")) {
                while (rs.next()) {
                    ended += rs.getBoolean(1) ? 1 : 0;
                }
            }
        }
        assertThat(ended).as("sessions ended: " + what).isPositive();
        return ended;
    }
}
