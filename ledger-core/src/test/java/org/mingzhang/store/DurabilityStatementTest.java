package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the service says at start about what a crash can take (the log line an operator reads first): the embedded
 * default states its limits and points to PostgreSQL; PostgreSQL's statement is read from the server's own settings.
 */
class DurabilityStatementTest {

    @TempDir
    Path dir;

    @Nested
    @DisplayName("when the service runs on the embedded H2 file")
    class EmbeddedFile {

        @Test
        @DisplayName("then it says what is forced to disk, what it survives, its limits, and that real books go on PostgreSQL")
        void saysItsLimits() {
            try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("db"), "sa", "", 2)) {
                Database.Durability d = database.durability();
                assertThat(d.limited()).isTrue();
                assertThat(d.statement()).contains("forced to disk (fsync)", "survives the service being killed", "power cut",
                        "one file on one disk", "PostgreSQL (MINGZHANG_DB_URL)");
            }
        }

        @Test
        @DisplayName("then H2's write delay is off, whatever the file had before")
        void writeDelayIsOff() throws Exception {
            String url = "jdbc:h2:file:" + dir.resolve("delayed");
            try (Database delayed = Database.open(url, "sa", "", 2, Database.H2Durability.DELAYED)) {
                assertThat(writeDelay(delayed)).isEqualTo("500");
            }
            try (Database durable = Database.open(url, "sa", "", 2)) {
                assertThat(writeDelay(durable)).isEqualTo("0");
            }
        }

        /** The write delay in force and as stored in the file, which must agree. */
        private static String writeDelay(Database database) {
            return database.dsl().fetchValue("SELECT DISTINCT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE "
                    + "SETTING_NAME = 'WRITE_DELAY'").toString();
        }
    }

    @Nested
    @DisplayName("when the service runs on PostgreSQL")
    class Postgres {

        @Test
        @DisplayName("then it reads synchronous_commit and fsync from the server and names them")
        void readsTheServersSettings() {
            try (TestDatabases.TestDatabase handle = TestDatabases.postgres()) {
                Database.Durability d = handle.database().durability();
                assertThat(d.statement()).contains("synchronous_commit=", "fsync=");
                assertThat(d.limited()).isEqualTo(d.statement().contains("=off"));
            }
        }
    }
}
