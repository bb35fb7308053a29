package org.mingzhang.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * {@link DocumentsTest}'s scenarios on PostgreSQL (the server {@code mingzhang.test.pg.url} names, else an embedded one):
 * the registry's PDFs are PostgreSQL's bytea there, its append-only trigger PostgreSQL's own, and a disclosure's gifts
 * of a period come through PostgreSQL's row comparison.
 */
@MicronautTest
@DisplayName("Documents on PostgreSQL")
class DocumentsPostgresTest extends DocumentsTest {

    private ScratchPostgres database;

    @Override
    public Map<String, String> getProperties() {
        database = new ScratchPostgres("mz_api_docs_");
        return database.properties();
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }
}
