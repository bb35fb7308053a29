package org.mingzhang.store;

import java.util.List;
import org.jooq.DSLContext;
import org.mingzhang.journal.BatchRecord;

/** Writes one store's kinds of records inside the batch's database transaction ({@link RecordRouter} says which). */
interface RecordWriter {

    void write(DSLContext dsl, BatchRecord record);

    /** Writes a run of consecutive records of this writer, in order; a writer may send them together. */
    default void writeAll(DSLContext dsl, List<BatchRecord> records) {
        records.forEach(record -> write(dsl, record));
    }
}
