package org.mingzhang.store;

import org.jooq.DSLContext;

/** Writes one kind of a decider's business records inside the batch's database transaction. */
interface RecordWriter {

    boolean writes(Object record);

    void write(DSLContext dsl, Object record);

    /** Writes a run of consecutive records of this writer, in order; a writer may send them together. */
    default void writeAll(DSLContext dsl, java.util.List<Object> records) {
        records.forEach(record -> write(dsl, record));
    }
}
