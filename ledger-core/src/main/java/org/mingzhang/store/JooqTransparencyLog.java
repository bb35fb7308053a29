package org.mingzhang.store;

import static org.mingzhang.store.jooq.Tables.JOURNAL_TRANSACTION;
import static org.mingzhang.store.jooq.Tables.LOG_CHECKPOINT;
import static org.mingzhang.store.jooq.Tables.LOG_LEAF;
import static org.mingzhang.store.jooq.Tables.LOG_NODE;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Select;
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
 * The transparency log's rows through jOOQ: leaves and subtrees written by the single writer with each batch (as a
 * {@link RecordWriter}), checkpoints by whoever publishes one, and reads by key only.
 */
final class JooqTransparencyLog implements LogStore, RecordWriter {

    /** Transactions read per page when the log is built over books from before it. */
    private static final int BUILD_PAGE = 10_000;
    /** Rows written per statement when the log is built. */
    private static final int BUILD_ROWS_PER_STATEMENT = 5_000;

    private final DSLContext reads;

    JooqTransparencyLog(DSLContext reads) {
        this.reads = reads;
    }

    @Override
    public boolean logBuilt() {
        return JooqProjectionStore.isBuilt(reads, NAME, VERSION);
    }

    /**
     * Builds the log over the journal in id order. Leaves stored already (the log was kept, and only its mark in {@code
     * projection_built} is gone) must be the journal's, leaf by leaf, and the stored frontier must give the same root:
     * anything else is refused, since the rows are append-only and a log that disagrees with the journal is tampering.
     * Only what is missing is written.
     */
    @Override
    public void buildLog() {
        reads.transaction(c -> {
            DSLContext dsl = DSL.using(c);
            long stored = new JooqTransparencyLog(dsl).size();
            LogFrontier frontier = LogFrontier.empty();
            long after = 0;
            List<Object[]> leaves = new ArrayList<>();
            List<Object[]> nodes = new ArrayList<>();
            while (true) {
                var page = dsl.select(JOURNAL_TRANSACTION.ID, JOURNAL_TRANSACTION.HASH).from(JOURNAL_TRANSACTION)
                        .where(JOURNAL_TRANSACTION.ID.gt(after)).orderBy(JOURNAL_TRANSACTION.ID).limit(BUILD_PAGE).fetch();
                if (page.isEmpty()) {
                    break;
                }
                long first = frontier.size();
                Map<Long, Object[]> kept = first >= stored ? Map.of() : keptLeaves(dsl, first, first + page.size());
                for (var r : page) {
                    long id = r.value1();
                    long index = frontier.size();
                    frontier.append(HexFormat.of().parseHex(r.value2()), node -> {
                        if (index >= stored) {
                            addRow(node, id, leaves, nodes);
                        } else if (node.position().level() == 0) {
                            requireKept(kept.get(index), index, id, node.hash());
                        }
                    });
                    after = id;
                }
                if (leaves.size() >= BUILD_ROWS_PER_STATEMENT) {
                    writeRows(dsl, leaves, nodes);
                }
            }
            if (frontier.size() < stored) {
                throw new IllegalStateException("the transparency log holds " + stored + " leaves but the journal only "
                        + frontier.size() + " transactions: restore the database from a backup");
            }
            writeRows(dsl, leaves, nodes);
            if (!java.util.Arrays.equals(new JooqTransparencyLog(dsl).root(frontier.size()), frontier.root())) {
                throw new IllegalStateException("the transparency log's stored subtrees do not give the journal's root: "
                        + "restore the database from a backup");
            }
            JooqProjectionStore.markBuilt(dsl, NAME, VERSION);
        });
    }

    /** The stored leaves {@code [from, to)}: index → {transaction id, leaf hash}. */
    private static Map<Long, Object[]> keptLeaves(DSLContext dsl, long from, long to) {
        Map<Long, Object[]> kept = new HashMap<>();
        dsl.select(LOG_LEAF.LEAF_INDEX, LOG_LEAF.TRANSACTION_ID, LOG_LEAF.LEAF_HASH).from(LOG_LEAF)
                .where(LOG_LEAF.LEAF_INDEX.ge(from).and(LOG_LEAF.LEAF_INDEX.lt(to)))
                .forEach(r -> kept.put(r.value1(), new Object[] {r.value2(), r.value3()}));
        return kept;
    }

    private static void requireKept(Object[] kept, long index, long transactionId, byte[] leafHash) {
        if (kept == null || (long) kept[0] != transactionId || !java.util.Arrays.equals((byte[]) kept[1], leafHash)) {
            throw new IllegalStateException("the transparency log's leaf " + index + " is not the journal's transaction "
                    + transactionId + ": restore the database from a backup");
        }
    }

    private static void addRow(LogNode node, long transactionId, List<Object[]> leaves, List<Object[]> nodes) {
        if (node.position().level() == 0) {
            leaves.add(new Object[] {node.position().index(), transactionId, node.hash()});
        } else {
            nodes.add(new Object[] {(short) node.position().level(), node.position().index(), node.hash()});
        }
    }

    private static void writeRows(DSLContext dsl, List<Object[]> leaves, List<Object[]> nodes) {
        RowBatches.insert(dsl, LOG_LEAF, List.of(LOG_LEAF.LEAF_INDEX, LOG_LEAF.TRANSACTION_ID, LOG_LEAF.LEAF_HASH), leaves);
        RowBatches.insert(dsl, LOG_NODE, List.of(LOG_NODE.TREE_LEVEL, LOG_NODE.NODE_INDEX, LOG_NODE.HASH), nodes);
        leaves.clear();
        nodes.clear();
    }

    @Override
    public long size() {
        Long last = reads.select(DSL.max(LOG_LEAF.LEAF_INDEX)).from(LOG_LEAF).fetchOne(0, Long.class);
        return last == null ? 0 : last + 1;
    }

    @Override
    public Map<LogNode.Position, byte[]> hashes(Collection<LogNode.Position> positions) {
        List<Long> leaves = new ArrayList<>();
        List<org.jooq.Row2<Short, Long>> nodes = new ArrayList<>();
        for (LogNode.Position p : positions) {
            if (p.level() == 0) {
                leaves.add(p.index());
            } else {
                nodes.add(DSL.row((short) p.level(), p.index()));
            }
        }
        Map<LogNode.Position, byte[]> found = new HashMap<>();
        // One round trip: the leaves and the subtrees a proof needs, at most 2·62 of them.
        var leafRows = DSL.select(DSL.val((short) 0).as("tree_level"), LOG_LEAF.LEAF_INDEX.as("node_index"), LOG_LEAF.LEAF_HASH.as("hash"))
                .from(LOG_LEAF).where(leaves.isEmpty() ? DSL.falseCondition() : LOG_LEAF.LEAF_INDEX.in(leaves));
        var nodeRows = DSL.select(LOG_NODE.TREE_LEVEL, LOG_NODE.NODE_INDEX, LOG_NODE.HASH).from(LOG_NODE)
                .where(nodes.isEmpty() ? DSL.falseCondition() : DSL.row(LOG_NODE.TREE_LEVEL, LOG_NODE.NODE_INDEX).in(nodes));
        for (Record r : reads.fetch(leafRows.unionAll(nodeRows))) {
            found.put(new LogNode.Position(r.get(0, Short.class), r.get(1, Long.class)), r.get(2, byte[].class));
        }
        return found;
    }

    @Override
    public Map<Long, byte[]> leafHashes(List<LeafRange> ranges) {
        Select<Record2<Long, byte[]>> query = null;
        for (LeafRange r : ranges) {
            Select<Record2<Long, byte[]>> range = DSL.select(LOG_LEAF.LEAF_INDEX, LOG_LEAF.LEAF_HASH).from(LOG_LEAF)
                    .where(LOG_LEAF.LEAF_INDEX.ge(r.from())).and(LOG_LEAF.LEAF_INDEX.lt(r.to()));
            query = query == null ? range : query.unionAll(range);
        }
        Map<Long, byte[]> found = new HashMap<>();
        if (query != null) {
            for (Record2<Long, byte[]> r : reads.fetch(query)) {
                found.put(r.value1(), r.value2());
            }
        }
        return found;
    }

    @Override
    public OptionalLong leafIndex(long transactionId) {
        Long index = reads.select(LOG_LEAF.LEAF_INDEX).from(LOG_LEAF).where(LOG_LEAF.TRANSACTION_ID.eq(transactionId))
                .fetchOne(LOG_LEAF.LEAF_INDEX);
        return index == null ? OptionalLong.empty() : OptionalLong.of(index);
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
                || !java.util.Arrays.equals(checkpoint.rootHash(), r.get(LOG_CHECKPOINT.ROOT_HASH))) {
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
        List<Object[]> leaves = new ArrayList<>();
        List<Object[]> nodes = new ArrayList<>();
        for (BatchRecord record : records) {
            LogAppended appended = (LogAppended) record;
            appended.leaves().forEach(l -> addRow(l.node(), l.transactionId(), leaves, nodes));
            appended.nodes().forEach(n -> addRow(n, 0, leaves, nodes));
        }
        writeRows(dsl, leaves, nodes);
    }
}
