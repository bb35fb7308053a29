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
}
