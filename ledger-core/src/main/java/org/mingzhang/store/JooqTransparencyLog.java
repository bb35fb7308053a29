package org.mingzhang.store;

import static org.mingzhang.store.jooq.Tables.JOURNAL_TRANSACTION;
import static org.mingzhang.store.jooq.Tables.LOG_CHECKPOINT;
import static org.mingzhang.store.jooq.Tables.LOG_RUN;

import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectWhereStep;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.transparency.Checkpoint;
import org.mingzhang.transparency.LogAppended;
import org.mingzhang.transparency.LogFrontier;
import org.mingzhang.transparency.LogNode;
import org.mingzhang.transparency.LogStore;
import org.mingzhang.transparency.PublishedCheckpoint;

/**
 * The transparency log's rows through jOOQ: runs of leaves with the subtrees they complete, written by the single
 * writer with each batch (as a {@link RecordWriter}), checkpoints by whoever publishes one, and reads by key only.
 *
 * <p>A run ({@code log_run}, V24) holds consecutive leaves whose transactions are consecutive ids: each leaf's hash, and
 * each perfect subtree of level 1 and above that one of its leaves completes, in leaf order and level by level upwards.
 * Leaf {@code j} completes the subtrees of levels 1 to the number of trailing one bits of {@code j}, and the first
 * {@code n} leaves complete {@code n − popcount(n)} of them, so a subtree's place in its run follows from its position
 * alone. A subtree is kept in the run of the leaf that completes it (its last leaf), and a run is found as the first
 * whose last leaf (or last transaction) is at or after the one sought: one step down an index.
 */
final class JooqTransparencyLog implements LogStore, RecordWriter {

    /** The most leaves a run holds (V24 checks it): a run is read whole, so it stays a few kilobytes. */
    static final int RUN_MAX = 256;
    /** Transactions read per page when the log is built over books from before it. */
    private static final int BUILD_PAGE = 10_000;
    /** Runs written per statement when the log is built. */
    private static final int BUILD_RUNS_PER_STATEMENT = 64;
    /** Stored runs read per query when the log is checked against the journal. */
    private static final int CHECK_RUNS_PER_READ = 100;
    private static final int HASH = 32;

    private final DSLContext reads;

    JooqTransparencyLog(DSLContext reads) {
        this.reads = reads;
    }

    @Override
    public boolean logBuilt() {
        return JooqProjectionStore.isBuilt(reads, NAME, VERSION);
    }

    /**
     * Builds the log over the journal in id order. Runs stored already (the log was kept, and only its mark in {@code
     * projection_built} is gone) must hold the journal's leaves and the subtrees they give, hash by hash: anything else
     * is refused, since the rows are append-only and a log that disagrees with the journal is tampering. Only what is
     * missing is written. Every checkpoint published before must be a root of the log built: a checkpoint that a donor
     * or an auditor holds proves consistent with the log after any rebuild (the first start after V24 is one).
     */
    @Override
    public void buildLog() {
        reads.transaction(c -> {
            DSLContext dsl = DSL.using(c);
            long stored = new JooqTransparencyLog(dsl).size();
            StoredRuns kept = new StoredRuns(dsl);
            RunRows rows = new RunRows();
            LogFrontier frontier = LogFrontier.empty();
            long after = 0;
            while (true) {
                var page = dsl.select(JOURNAL_TRANSACTION.ID, JOURNAL_TRANSACTION.HASH).from(JOURNAL_TRANSACTION)
                        .where(JOURNAL_TRANSACTION.ID.gt(after)).orderBy(JOURNAL_TRANSACTION.ID).limit(BUILD_PAGE).fetch();
                if (page.isEmpty()) {
                    break;
                }
                for (var r : page) {
                    long id = r.value1();
                    long index = frontier.size();
                    frontier.append(HexFormat.of().parseHex(r.value2()), node -> {
                        if (index >= stored) {
                            rows.add(node, id);
                        } else {
                            kept.require(node, index, id);
                        }
                    });
                    after = id;
                }
                if (rows.runs() >= BUILD_RUNS_PER_STATEMENT) {
                    writeRuns(dsl, rows.takeAll());
                }
            }
            if (frontier.size() < stored) {
                throw new IllegalStateException("the transparency log holds " + stored + " leaves but the journal only "
                        + frontier.size() + " transactions: restore the database from a backup");
            }
            writeRuns(dsl, rows.takeAll());
            JooqTransparencyLog built = new JooqTransparencyLog(dsl);
            if (!Arrays.equals(built.root(frontier.size()), frontier.root())) {
                throw new IllegalStateException("the transparency log's stored subtrees do not give the journal's root: "
                        + "restore the database from a backup");
            }
            for (Record r : dsl.selectFrom(LOG_CHECKPOINT).orderBy(LOG_CHECKPOINT.TREE_SIZE).fetch()) {
                PublishedCheckpoint published = checkpoint(r);
                if (published.size() > frontier.size()
                        || !Arrays.equals(built.root(published.size()), published.checkpoint().rootHash())) {
                    throw new IllegalStateException("the checkpoint published for " + published.size() + " leaves is not "
                            + "a root of the journal's log of " + frontier.size() + ": restore the database from a backup");
                }
            }
            JooqProjectionStore.markBuilt(dsl, NAME, VERSION);
        });
    }

    /** Subtrees of level 1 and above that the first {@code n} leaves complete. */
    static long nodesBefore(long n) {
        return n - Long.bitCount(n);
    }

    /** The leaf that completes a subtree: its last. */
    static long completingLeaf(LogNode.Position p) {
        return ((p.index() + 1) << p.level()) - 1;
    }

    /** One stored run, as read. */
    private record Run(long lastLeaf, long lastTransactionId, int leaves, byte[] leafHashes, byte[] nodeHashes) {

        static Run of(long lastLeaf, long lastTransactionId, int leaves, byte[] leafHashes, byte[] nodeHashes) {
            Run run = new Run(lastLeaf, lastTransactionId, leaves, leafHashes, nodeHashes);
            if (nodeHashes.length != HASH * (nodesBefore(lastLeaf + 1) - nodesBefore(run.firstLeaf()))) {
                throw new IllegalStateException("the transparency log's run ending at leaf " + lastLeaf
                        + " holds " + nodeHashes.length / HASH + " subtrees, not the ones its leaves complete");
            }
            return run;
        }

        long firstLeaf() {
            return lastLeaf - leaves + 1;
        }

        boolean holds(long leaf) {
            return leaf >= firstLeaf() && leaf <= lastLeaf;
        }

        long transactionId(long leaf) {
            return lastTransactionId - (lastLeaf - leaf);
        }

        /** The hash of a leaf ({@code level} 0) or of a subtree whose completing leaf is in this run. */
        byte[] hash(LogNode.Position p) {
            if (p.level() == 0) {
                int at = Math.toIntExact(p.index() - firstLeaf()) * HASH;
                return Arrays.copyOfRange(leafHashes, at, at + HASH);
            }
            long leaf = completingLeaf(p);
            int at = Math.toIntExact(nodesBefore(leaf) - nodesBefore(firstLeaf()) + p.level() - 1) * HASH;
            return Arrays.copyOfRange(nodeHashes, at, at + HASH);
        }
    }

    /** The runs that leaves and subtrees make, as the writer hands them over (each leaf followed by what it completes). */
    private static final class RunRows {
        private final List<Object[]> done = new ArrayList<>();
        private final ByteArrayOutputStream leafHashes = new ByteArrayOutputStream();
        private final ByteArrayOutputStream nodeHashes = new ByteArrayOutputStream();
        private int leaves;
        private long lastLeaf = -1;
        private long lastTransactionId;

        /** A leaf (with its transaction) or a subtree that the last leaf added completes. */
        void add(LogNode node, long transactionId) {
            LogNode.Position p = node.position();
            if (p.level() > 0) {
                if (leaves == 0 || completingLeaf(p) != lastLeaf) {
                    throw new IllegalStateException("the log's subtree " + p + " does not follow the leaf that completes it");
                }
                nodeHashes.writeBytes(node.hash());
                return;
            }
            // A run is consecutive leaves of consecutive transactions; a gap in the ids starts the next one.
            if (leaves > 0 && (p.index() != lastLeaf + 1 || transactionId != lastTransactionId + 1 || leaves == RUN_MAX)) {
                close();
            }
            leafHashes.writeBytes(node.hash());
            leaves++;
            lastLeaf = p.index();
            lastTransactionId = transactionId;
        }

        int runs() {
            return done.size();
        }

        /** Every run so far, the open one closed. */
        List<Object[]> takeAll() {
            close();
            List<Object[]> all = new ArrayList<>(done);
            done.clear();
            return all;
        }

        private void close() {
            if (leaves > 0) {
                done.add(new Object[] {lastLeaf, lastTransactionId, leaves, leafHashes.toByteArray(), nodeHashes.toByteArray()});
                leafHashes.reset();
                nodeHashes.reset();
                leaves = 0;
            }
        }
    }

    /** The stored runs read in leaf order, to check each stored leaf and subtree against the journal's. */
    private static final class StoredRuns {
        private final DSLContext dsl;
        private final ArrayDeque<Run> ahead = new ArrayDeque<>();

        StoredRuns(DSLContext dsl) {
            this.dsl = dsl;
        }

        /** Leaf {@code leaf} is transaction {@code transactionId}'s, and this node (it or a subtree it completes) is stored. */
        void require(LogNode node, long leaf, long transactionId) {
            while (!ahead.isEmpty() && ahead.peekFirst().lastLeaf() < leaf) {
                ahead.removeFirst();
            }
            if (ahead.isEmpty()) {
                ahead.addAll(fetchRuns(dsl, runs().where(LOG_RUN.LAST_LEAF.ge(leaf)).orderBy(LOG_RUN.LAST_LEAF).limit(CHECK_RUNS_PER_READ)));
            }
            Run run = ahead.peekFirst();
            boolean isLeaf = node.position().level() == 0;
            if (run == null || !run.holds(leaf) || (isLeaf && run.transactionId(leaf) != transactionId)
                    || !Arrays.equals(run.hash(node.position()), node.hash())) {
                throw new IllegalStateException((isLeaf ? "the transparency log's leaf " + leaf + " is not the journal's transaction "
                        + transactionId : "the transparency log's subtree " + node.position() + " is not the one the journal's "
                        + "leaves give") + ": restore the database from a backup");
            }
        }
    }

    /** A run's columns, in the order {@link #fetchRuns} reads them. */
    private static final List<Field<?>> RUN_COLUMNS = List.of(LOG_RUN.LAST_LEAF, LOG_RUN.LAST_TRANSACTION_ID, LOG_RUN.LEAVES,
            LOG_RUN.LEAF_HASHES, LOG_RUN.NODE_HASHES);

    /** The runs of the table's rows (each query selects {@link #RUN_COLUMNS}, the runs found where it searches). */
    private static SelectWhereStep<Record> runs() {
        return DSL.select(RUN_COLUMNS).from(LOG_RUN);
    }

    /**
     * The runs a query selects, read with the driver's own {@code getBytes}. jOOQ reads a {@code byte[]} on H2 as a
     * {@code Blob}, and H2 turns a value of more than a few hundred bytes into a temporary LOB in its own store: a write
     * into the database file for every run read, which under the public trace's load stalled lookups for seconds
     * (docs/benchmarks.md, sixteenth pass). On PostgreSQL jOOQ's fetch stays: there the plain JDBC read cost the lookup
     * more processor time in the one pair of runs that compared them.
     */
    private static List<Run> fetchRuns(DSLContext dsl, Select<?> query) {
        if (dsl.dialect().family() != SQLDialect.H2) {
            // PostgreSQL's driver reads bytea as bytes either way; jOOQ's own fetch measured cheaper there.
            return dsl.fetch(query).map(r -> Run.of(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Integer.class),
                    r.get(3, byte[].class), r.get(4, byte[].class)));
        }
        return dsl.connectionResult(c -> {
            try (PreparedStatement statement = c.prepareStatement(dsl.render(query))) {
                List<Object> binds = dsl.extractBindValues(query);
                for (int i = 0; i < binds.size(); i++) {
                    statement.setObject(i + 1, binds.get(i));
                }
                List<Run> runs = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        runs.add(Run.of(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBytes(4), rs.getBytes(5)));
                    }
                }
                return runs;
            }
        });
    }

    private static void writeRuns(DSLContext dsl, List<Object[]> runs) {
        RowBatches.insert(dsl, LOG_RUN, List.of(LOG_RUN.LAST_LEAF, LOG_RUN.LAST_TRANSACTION_ID, LOG_RUN.LEAVES,
                LOG_RUN.LEAF_HASHES, LOG_RUN.NODE_HASHES), runs);
    }

    @Override
    public long size() {
        Long last = reads.select(DSL.max(LOG_RUN.LAST_LEAF)).from(LOG_RUN).fetchOne(0, Long.class);
        return last == null ? 0 : last + 1;
    }

    /** The runs holding these leaves (one query; a leaf past the log has none). */
    private List<Run> runsHolding(SortedSet<Long> leaves) {
        Select<Record> query = null;
        for (long leaf : leaves) {
            var run = runs().where(LOG_RUN.LAST_LEAF.ge(leaf)).orderBy(LOG_RUN.LAST_LEAF).limit(1);
            query = query == null ? run : query.unionAll(run);
        }
        return query == null ? List.of() : fetchRuns(reads, query);
    }

    @Override
    public Map<LogNode.Position, byte[]> hashes(Collection<LogNode.Position> positions) {
        // One round trip: the runs of the leaves that complete the subtrees a proof needs, at most 2·62 of them.
        TreeSet<Long> leaves = new TreeSet<>();
        positions.forEach(p -> leaves.add(completingLeaf(p)));
        List<Run> runs = runsHolding(leaves);
        Map<LogNode.Position, byte[]> found = new HashMap<>();
        for (LogNode.Position p : positions) {
            long leaf = completingLeaf(p);
            runs.stream().filter(r -> r.holds(leaf)).findFirst().ifPresent(r -> found.put(p, r.hash(p)));
        }
        return found;
    }

    @Override
    public Map<Long, byte[]> leafHashes(List<LeafRange> ranges) {
        // The runs holding [from, to): those that end inside it, and the first that ends at or after its last leaf.
        Select<Record> query = null;
        for (LeafRange r : ranges) {
            Select<Record> range = runs().where(LOG_RUN.LAST_LEAF.between(r.from(), r.to() - 2))
                    .unionAll(runs().where(LOG_RUN.LAST_LEAF.ge(r.to() - 1)).orderBy(LOG_RUN.LAST_LEAF).limit(1));
            query = query == null ? range : query.unionAll(range);
        }
        Map<Long, byte[]> found = new HashMap<>();
        if (query != null) {
            for (Run run : fetchRuns(reads, query)) {
                for (LeafRange r : ranges) {
                    for (long leaf = Math.max(r.from(), run.firstLeaf()); leaf < r.to() && leaf <= run.lastLeaf(); leaf++) {
                        found.put(leaf, run.hash(new LogNode.Position(0, leaf)));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public OptionalLong leafIndex(long transactionId) {
        Record run = reads.select(LOG_RUN.LAST_LEAF, LOG_RUN.LAST_TRANSACTION_ID, LOG_RUN.LEAVES).from(LOG_RUN)
                .where(LOG_RUN.LAST_TRANSACTION_ID.ge(transactionId)).orderBy(LOG_RUN.LAST_TRANSACTION_ID).limit(1).fetchOne();
        if (run == null) {
            return OptionalLong.empty();
        }
        long back = run.get(LOG_RUN.LAST_TRANSACTION_ID) - transactionId;
        return back < run.get(LOG_RUN.LEAVES) ? OptionalLong.of(run.get(LOG_RUN.LAST_LEAF) - back) : OptionalLong.empty();
    }

    @Override
    public Optional<PublishedCheckpoint> latestCheckpoint() {
        return reads.selectFrom(LOG_CHECKPOINT).orderBy(LOG_CHECKPOINT.TREE_SIZE.desc()).limit(1)
                .fetchOptional(JooqTransparencyLog::checkpoint);
    }

    @Override
    public Optional<PublishedCheckpoint> checkpoint(long treeSize) {
        return reads.selectFrom(LOG_CHECKPOINT).where(LOG_CHECKPOINT.TREE_SIZE.eq(treeSize))
                .fetchOptional(JooqTransparencyLog::checkpoint);
    }

    private static PublishedCheckpoint checkpoint(Record r) {
        String note = r.get(LOG_CHECKPOINT.NOTE);
        // The note's text is the checkpoint (origin, size, root); the row's own size and root must agree with it.
        Checkpoint checkpoint = Checkpoint.parse(note.substring(0, note.lastIndexOf("\n\n") + 1));
        if (checkpoint.size() != r.get(LOG_CHECKPOINT.TREE_SIZE)
                || !Arrays.equals(checkpoint.rootHash(), r.get(LOG_CHECKPOINT.ROOT_HASH))) {
            throw new IllegalStateException("the stored checkpoint of size " + r.get(LOG_CHECKPOINT.TREE_SIZE)
                    + " does not say what its row says");
        }
        return new PublishedCheckpoint(checkpoint, note, PublishedCheckpoint.Reason.valueOf(r.get(LOG_CHECKPOINT.REASON)),
                r.get(LOG_CHECKPOINT.PUBLISHED_AT).toInstant());
    }

    @Override
    public boolean addCheckpoint(PublishedCheckpoint c) {
        try {
            reads.insertInto(LOG_CHECKPOINT)
                    .set(LOG_CHECKPOINT.TREE_SIZE, c.size())
                    .set(LOG_CHECKPOINT.ROOT_HASH, c.checkpoint().rootHash())
                    .set(LOG_CHECKPOINT.NOTE, c.note())
                    .set(LOG_CHECKPOINT.REASON, c.reason().name())
                    .set(LOG_CHECKPOINT.PUBLISHED_AT, c.publishedAt().atOffset(ZoneOffset.UTC))
                    .execute();
            return true;
        } catch (IntegrityConstraintViolationException e) {
            if (checkpoint(c.size()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    // --- writes -----------------------------------------------------------------------------------------------

    @Override
    public void write(DSLContext dsl, BatchRecord record) {
        writeAll(dsl, List.of(record));
    }

    @Override
    public void writeAll(DSLContext dsl, List<BatchRecord> records) {
        RunRows rows = new RunRows();
        for (BatchRecord record : records) {
            LogAppended appended = (LogAppended) record;
            // The nodes come in the order their leaves completed them: each leaf's go right after it.
            var nodes = appended.nodes().iterator();
            LogNode next = nodes.hasNext() ? nodes.next() : null;
            for (LogAppended.Leaf leaf : appended.leaves()) {
                rows.add(leaf.node(), leaf.transactionId());
                while (next != null && completingLeaf(next.position()) == leaf.node().position().index()) {
                    rows.add(next, 0);
                    next = nodes.hasNext() ? nodes.next() : null;
                }
            }
            if (next != null) {
                throw new IllegalStateException("the log's subtree " + next.position() + " follows none of the batch's leaves");
            }
        }
        writeRuns(dsl, rows.takeAll());
    }
}
