package org.mingzhang.journal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One batch of the ledger writer, for Java Flight Recorder: where the single writer's wall time goes, which CPU samples
 * cannot show (a writer waiting for its callers or for the database's disk is not on a processor). The event spans the
 * batch from its first command to the last caller answered; {@link #waited} is the idle time before that first
 * command. Recorded only while a recording enables it (the HTTP benchmark's profile does, {@code bench/http/}); the
 * timings are a few {@link System#nanoTime} calls a batch either way.
 */
@Name("org.mingzhang.WriterBatch")
@Label("Ledger writer batch")
@Category("Mingzhang")
@Description("One batch of the single ledger writer: how long it waited, gathered, read, decided and committed")
@StackTrace(false)
final class WriterBatchEvent extends Event {

    @Label("Commands")
    int commands;

    @Label("Waited for the first command")
    @Timespan(Timespan.NANOSECONDS)
    long waited;

    @Label("Gathered more commands")
    @Timespan(Timespan.NANOSECONDS)
    long gathered;

    @Label("Read ahead")
    @Description("The batch's reads: the journal's prefetch, request keys and the projections' read-ahead")
    @Timespan(Timespan.NANOSECONDS)
    long read;

    @Label("Decided")
    @Description("Deciding every command in memory and the projections' rows")
    @Timespan(Timespan.NANOSECONDS)
    long decided;

    @Label("Committed")
    @Description("Writing the batch, committing it and forcing it to disk")
    @Timespan(Timespan.NANOSECONDS)
    long committed;

    @Label("Retried one by one")
    @Description("Whether the batch failed and its commands were retried one by one (their times are added up)")
    boolean retried;
}
