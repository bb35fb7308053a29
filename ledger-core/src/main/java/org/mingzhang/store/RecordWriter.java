package org.mingzhang.store;

import org.jooq.DSLContext;

/** Writes one kind of a decider's business records inside the batch's database transaction. */
interface RecordWriter {

    boolean writes(Object record);

    void write(DSLContext dsl, Object record);
}
