package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.store.TestDatabases.TestDatabase;

/**
 * The writer's statements held back and sent together on PostgreSQL ({@link StatementPipeline}), on a real server: they
 * keep their order, the first that fails aborts the rest with the server's own error, a wrong row count is refused,
 * and what a failed send held is gone.
 */
@DisplayName("PostgreSQL: the writer's statements sent in one round trip")
class StatementPipelineTest {

    private static final String INSERT = "INSERT INTO pipeline_probe (id, amount) SELECT * FROM unnest(?::int8[], ?::int8[])";
    private static final String[] TYPES = {"int8", "int8"};

    private TestDatabase db;
    private Connection connection;
    private StatementPipeline pipeline;
    private DSLContext writes;

    @BeforeEach
    void open() throws SQLException {
        db = TestDatabases.postgres();
        db.database().dsl().execute("CREATE TABLE pipeline_probe (id BIGINT PRIMARY KEY, amount BIGINT NOT NULL CHECK (amount > 0))");
        connection = db.database().dataSource().getConnection();
        connection.setAutoCommit(false);
        pipeline = new StatementPipeline();
        writes = pipeline.attachTo(DSL.using(Database.configuration(Database.Vendor.POSTGRESQL).derive(connection)));
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        db.close();
    }

    private void hold(long id, long amount) {
        RowBatches.arrayStatement(writes, INSERT, TYPES, new Object[][] {{id}, {amount}}, 1, "pipeline_probe");
    }

    private long rows() {
        return db.database().dsl().fetchCount(DSL.table("pipeline_probe"));
    }

    @Test
    @DisplayName("held statements reach the server only when sent, all of them, in order")
    void heldUntilSent() throws SQLException {
        hold(1, 10);
        hold(2, 20);
        hold(3, 30);
        // Nothing has reached the server yet: on the writer's own connection the table is still empty.
        try (var s = connection.createStatement(); var r = s.executeQuery("SELECT count(*) FROM pipeline_probe")) {
            r.next();
            assertThat(r.getLong(1)).isZero();
        }
        pipeline.send(writes);
        connection.commit();
        assertThat(db.database().dsl().fetch("SELECT id, amount FROM pipeline_probe ORDER BY id")
                .map(r -> r.get(0, Long.class) + ":" + r.get(1, Long.class))).containsExactly("1:10", "2:20", "3:30");
    }

    @Test
    @DisplayName("a statement run through jOOQ on the writer's context sends what is held first, and sees it")
    void otherStatementsSendFirst() throws SQLException {
        hold(1, 10);
        hold(2, 20);
        assertThat(writes.fetchCount(DSL.table("pipeline_probe"))).isEqualTo(2);
        writes.execute("UPDATE pipeline_probe SET amount = amount + 1 WHERE id = 2");
        pipeline.send(writes);
        connection.commit();
        assertThat(db.database().dsl().fetchValue("SELECT amount FROM pipeline_probe WHERE id = 2", Long.class)).isEqualTo(21L);
    }

    @Test
    @DisplayName("the first refused statement aborts the rest with the server's error; rolled back, nothing is written")
    void firstFailureAbortsAll() throws SQLException {
        hold(1, 10);
        hold(2, -5);
        hold(3, 30);
        assertThatThrownBy(() -> pipeline.send(writes)).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("23514"))
                .hasMessageContaining("pipeline_probe_amount_check");
        connection.rollback();
        assertThat(rows()).isZero();
        // Nothing of the failed send is held still: the next transaction writes only its own.
        hold(4, 40);
        pipeline.send(writes);
        connection.commit();
        assertThat(db.database().dsl().fetch("SELECT id FROM pipeline_probe").getValues(0, Long.class)).containsExactly(4L);
    }

    @Test
    @DisplayName("a statement that writes another number of rows than it must is refused, naming its table")
    void wrongCountRefused() {
        RowBatches.arrayStatement(writes, INSERT, TYPES, new Object[][] {{1L, 2L}, {10L, 20L}}, 3, "pipeline_probe");
        assertThatThrownBy(() -> pipeline.send(writes)).isInstanceOf(IllegalStateException.class)
                .hasMessage("wrote 2 rows of pipeline_probe where the batch has 3");
    }

    @Test
    @DisplayName("without a pipeline (the pool's connections) a statement runs at once")
    void withoutPipelineRunsAtOnce() {
        RowBatches.arrayStatement(db.database().dsl(), INSERT, TYPES, new Object[][] {{7L}, {70L}}, 1, "pipeline_probe");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    @DisplayName("every column type the writer sends goes in binary and comes back exact, nulls, Chinese text and times included, by either path")
    void everyTypeExact() throws SQLException {
        db.database().dsl().execute("CREATE TABLE typed_probe (n BIGINT, i INTEGER, s SMALLINT, b BOOLEAN, raw BYTEA, "
                + "t VARCHAR(100), at TIMESTAMPTZ)");
        String insert = "INSERT INTO typed_probe (n, i, s, b, raw, t, at) SELECT * FROM unnest(?::int8[], ?::int4[], "
                + "?::int2[], ?::bool[], ?::bytea[], ?::varchar[], ?::timestamptz[])";
        String[] types = {"int8", "int4", "int2", "bool", "bytea", "varchar", "timestamptz"};
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-12-03T20:15:30.123456+08:00");
        Object[][] columns = {
                {Long.MAX_VALUE, Long.MIN_VALUE, null},
                {Integer.MAX_VALUE, -1, null},
                {(short) 7, Short.MIN_VALUE, null},
                {true, false, null},
                {new byte[] {0, -1, 'a', '\\'}, new byte[0], null},
                {"善款 {\"quoted\"}, back\\slash", "", null},
                {at, at.toString(), null}};
        RowBatches.arrayStatement(writes, insert, types, columns, 3, "typed_probe");
        pipeline.send(writes);
        connection.commit();
        RowBatches.arrayStatement(db.database().dsl(), insert, types, columns, 3, "typed_probe");
        var rows = db.database().dsl().fetch("SELECT n, i, s, b, raw, t, at FROM typed_probe ORDER BY n NULLS LAST");
        assertThat(rows).hasSize(6);
        for (int copy = 0; copy < 2; copy++) {
            var min = rows.get(copy);
            assertThat(min.get(0, Long.class)).isEqualTo(Long.MIN_VALUE);
            assertThat(min.get(1, Integer.class)).isEqualTo(-1);
            assertThat(min.get(2, Short.class)).isEqualTo(Short.MIN_VALUE);
            assertThat(min.get(3, Boolean.class)).isFalse();
            assertThat(min.get(4, byte[].class)).isEmpty();
            assertThat(min.get(5, String.class)).isEmpty();
            assertThat(min.get(6, java.time.OffsetDateTime.class).toInstant()).isEqualTo(at.toInstant());
            var max = rows.get(2 + copy);
            assertThat(max.get(0, Long.class)).isEqualTo(Long.MAX_VALUE);
            assertThat(max.get(1, Integer.class)).isEqualTo(Integer.MAX_VALUE);
            assertThat(max.get(2, Short.class)).isEqualTo((short) 7);
            assertThat(max.get(3, Boolean.class)).isTrue();
            assertThat(max.get(4, byte[].class)).containsExactly(0, -1, 'a', '\\');
            assertThat(max.get(5, String.class)).isEqualTo("善款 {\"quoted\"}, back\\slash");
            assertThat(max.get(6, java.time.OffsetDateTime.class).toInstant()).isEqualTo(at.toInstant());
            var none = rows.get(4 + copy);
            for (int col = 0; col < 7; col++) {
                assertThat(none.get(col)).as("column " + col + " of the row of nulls").isNull();
            }
        }
    }

    @Test
    @DisplayName("a column is sent as the typed array the driver encodes in binary, whatever array it was given in")
    void binaryArrays() {
        assertThat(RowBatches.binaryArray("int8", new Object[] {1L, null})).isInstanceOf(Long[].class).containsExactly(1L, null);
        assertThat(RowBatches.binaryArray("bigint", new Long[] {2L})).isInstanceOf(Long[].class);
        assertThat(RowBatches.binaryArray("bytea", new Object[] {new byte[] {1}})).isInstanceOf(byte[][].class);
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-12-03T12:00Z");
        assertThat(RowBatches.binaryArray("timestamptz", new Object[] {at})).isInstanceOf(String[].class)
                .containsExactly(at.toString());
        assertThatThrownBy(() -> RowBatches.binaryArray("numeric", new Object[] {1L}))
                .hasMessage("no binary array for numeric");
        assertThatThrownBy(() -> RowBatches.binaryArray("int8", new Object[] {"1"})).isInstanceOf(ArrayStoreException.class);
    }
}
