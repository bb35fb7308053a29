package org.mingzhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.assembly.LedgerAssembly;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.TransactionQuery;
import org.mingzhang.transparency.Checkpoint;
import org.mingzhang.transparency.InclusionProof;
import org.mingzhang.transparency.LogNode;
import org.mingzhang.transparency.MerkleTree;
import org.mingzhang.transparency.NoteKey;
import org.mingzhang.transparency.PublishedCheckpoint;
import org.mingzhang.transparency.SignedNote;
import org.mingzhang.transparency.TransparencyLog;

/**
 * The transparency log the writer keeps (issue 13), on a real database. Transactions are booked one at a time and in
 * batches of many; the log's root, as its published checkpoints sign it, must equal the RFC 6962 root computed here
 * afresh from the journal's chain hashes in id order (an in-memory tree, not the stored subtrees), every leaf's inclusion
 * proof must verify against it, and consistency proofs between checkpoints must verify. After a restart the writer goes
 * on from the stored frontier; books from before the log get it built at start; the rows cannot be edited.
 */
abstract class TransparencyLogSuite extends LedgerOnDatabase {

    static final NoteKey KEY = NoteKey.generate("test.mingzhang.example/log");

    TransparencyLog log(Clock clock) {
        return new TransparencyLog(database.logStore(), KEY, clock);
    }

    TransparencyLog log() {
        return log(Clock.fixed(Instant.parse("2026-07-15T02:00:00Z"), ZoneOffset.UTC));
    }

    /** Every transaction's chain hash in id order, as the journal holds them. */
    List<byte[]> journalLeaves() {
        return journal().stream().map(t -> HexFormat.of().parseHex(t.hash())).toList();
    }

    /** Every transaction in id order, page by page. */
    List<Transaction> journal() {
        List<Transaction> all = new ArrayList<>();
        for (List<Transaction> page = ledger.reads().transactions(new TransactionQuery(null, null, null, 0, TransactionQuery.LIMIT_MAX));
             !page.isEmpty(); page = ledger.reads().transactions(new TransactionQuery(null, null, null,
                page.get(page.size() - 1).id(), TransactionQuery.LIMIT_MAX))) {
            all.addAll(page);
        }
        return all;
    }

    /** The RFC 6962 root of the leaves, computed by the definition over an in-memory list. */
    static byte[] rootOf(List<byte[]> data) {
        return MerkleTree.root(InMemory.of(data), data.size());
    }

    void depositsInOneBatch(int count) {
        List<CompletableFuture<Outcome<Transaction>>> submitted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            submitted.add(ledger.submit(new PostEntry(LedgerFixture.key(), "test", TransactionKind.MANUAL, f.code("A"), "batch entry",
                    null, References.NONE, List.of(PostingLine.debit("1002", 100 + i), PostingLine.credit("410101", 100 + i)))));
        }
        submitted.forEach(s -> assertThat(ledger.await(s).accepted()).isTrue());
    }

    /** The log's checkpoint signs the root of the journal's hashes, and every leaf proves its inclusion in it. */
    void logMatchesJournal() {
        List<byte[]> leaves = journalLeaves();
        TransparencyLog log = log();
        assertThat(log.size()).isEqualTo(leaves.size());
        PublishedCheckpoint published = log.publish(PublishedCheckpoint.Reason.ON_DEMAND).checkpoint();
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(published.note(), NoteKey.verifier(KEY.verifierKey())));
        assertThat(checkpoint.size()).isEqualTo(leaves.size());
        assertThat(checkpoint.rootHash()).isEqualTo(rootOf(leaves));
        List<Transaction> all = journal();
        for (int i = 0; i < all.size(); i++) {
            InclusionProof proof = log.inclusion(all.get(i).id());
            assertThat(proof.leafIndex()).isEqualTo(i);
            assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(leaves.get(i)), i, checkpoint.size(), proof.path(),
                    checkpoint.rootHash())).as("leaf %d of %d", i, leaves.size()).isTrue();
        }
    }

    @Nested
    @DisplayName("when transactions are booked")
    class Booking {

        @Test
        @DisplayName("one at a time and in batches of many, then the signed root is the journal's and every leaf proves in it")
        void rootAndInclusion() {
            f.fund("A");
            for (int i = 0; i < 5; i++) {
                f.deposit("A", 1_00 + i);
            }
            depositsInOneBatch(40);
            f.deposit("A", 7_00);
            logMatchesJournal();
        }

        @Test
        @DisplayName("over several blocks of leaves, proofs from kept subtrees and leaf blocks are the ones computed in memory, cold or warm")
        void proofsOverBlocks() {
            f.fund("A");
            TransparencyLog warm = log();
            List<Long> sizes = new ArrayList<>();
            long block = 1L << TransparencyLog.KEPT_LEVEL;
            // Sizes that end inside a block of 2^KEPT_LEVEL leaves, and one on a block's edge.
            for (int round = 0; round < 4; round++) {
                depositsInOneBatch(round == 2 ? Math.toIntExact(block + block - warm.size() % block) : 150 / (round + 1));
                PublishedCheckpoint published = warm.publish(PublishedCheckpoint.Reason.ON_DEMAND).checkpoint();
                sizes.add(published.size());
                List<byte[]> leaves = journalLeaves().subList(0, Math.toIntExact(published.size()));
                MerkleTree.Subtrees reference = MerkleTree.of(leaves.stream().map(MerkleTree::leafHash).toList());
                List<Transaction> all = journal();
                TransparencyLog cold = log();
                for (int i = 0; i < leaves.size(); i++) {
                    List<byte[]> expected = MerkleTree.inclusionProof(reference, i, leaves.size());
                    for (TransparencyLog log : List.of(warm, cold)) {
                        InclusionProof proof = log.inclusion(all.get(i).id());
                        assertThat(proof.checkpoint()).isEqualTo(published);
                        assertThat(proof.path()).as("leaf %d of %d", i, leaves.size()).containsExactlyElementsOf(expected);
                    }
                }
                for (long earlier : sizes) {
                    assertThat(warm.consistency(earlier, published.size())).as("%d to %d", earlier, published.size())
                            .containsExactlyElementsOf(MerkleTree.consistencyProof(reference, earlier, published.size()));
                }
            }
            assertThat(sizes).hasSize(4).doesNotHaveDuplicates();
            assertThat(sizes.get(2) % block).isZero();
            assertThat(sizes.get(3) % block).isNotZero();
        }

        @Test
        @DisplayName("then a later checkpoint is proved consistent with every earlier one, and a proof names the latest")
        void consistency() {
            f.fund("A");
            TransparencyLog log = log();
            List<PublishedCheckpoint> checkpoints = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                depositsInOneBatch(round * 3 + 1);
                checkpoints.add(log.publish(PublishedCheckpoint.Reason.ON_DEMAND).checkpoint());
            }
            PublishedCheckpoint last = checkpoints.get(checkpoints.size() - 1);
            for (PublishedCheckpoint earlier : checkpoints) {
                List<byte[]> proof = log.consistency(earlier.size(), last.size());
                assertThat(MerkleTree.verifyConsistency(earlier.size(), last.size(), earlier.checkpoint().rootHash(),
                        last.checkpoint().rootHash(), proof)).as("%d to %d", earlier.size(), last.size()).isTrue();
            }
            assertThat(log.latest()).contains(last);
            assertThatThrownBy(() -> log.consistency(2, log.size() + 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("log's size");
        }

        @Test
        @DisplayName("then a transaction after the latest checkpoint has its leaf but no path until the next one")
        void notYetCovered() {
            f.fund("A");
            f.deposit("A", 1_00);
            TransparencyLog log = log();
            log.publish(PublishedCheckpoint.Reason.ON_DEMAND);
            Transaction later = f.deposit("A", 2_00);
            InclusionProof before = log.inclusion(later.id());
            assertThat(before.covered()).isFalse();
            assertThat(before.leafIndex()).isEqualTo(log.size() - 1);
            assertThat(log.publish(PublishedCheckpoint.Reason.ON_DEMAND).isNew()).isTrue();
            assertThat(log.inclusion(later.id()).covered()).isTrue();
        }

        @Test
        @DisplayName("then publishing again without a new transaction keeps the checkpoint there, and daily ones wait a day")
        void publishing() {
            f.fund("A");
            f.deposit("A", 1_00);
            Instant[] now = {Instant.parse("2026-07-15T02:00:00Z")};
            Clock clock = new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now[0];
                }
            };
            TransparencyLog log = log(clock);
            assertThat(log.publishDailyIfDue()).as("the first checkpoint of a grown journal").isPresent();
            TransparencyLog.Published again = log.publish(PublishedCheckpoint.Reason.ON_DEMAND);
            assertThat(again.isNew()).isFalse();
            assertThat(again.checkpoint().reason()).isEqualTo(PublishedCheckpoint.Reason.DAILY);
            f.deposit("A", 2_00);
            now[0] = now[0].plus(Duration.ofHours(23));
            assertThat(log.publishDailyIfDue()).as("grown, but not a day old").isEmpty();
            now[0] = now[0].plus(Duration.ofHours(1));
            assertThat(log.publishDailyIfDue()).as("grown and a day old").isPresent();
            now[0] = now[0].plus(Duration.ofDays(3));
            assertThat(log.publishDailyIfDue()).as("old, but not grown").isEmpty();
        }
    }

    @Nested
    @DisplayName("when the service restarts")
    class Restart {

        @Test
        @DisplayName("then the writer goes on from the stored frontier and the root stays the journal's")
        void goesOn() {
            f.fund("A");
            depositsInOneBatch(13);
            ledger.close();
            ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
            f = new LedgerFixture(ledger, f.prefix);
            depositsInOneBatch(22);
            f.deposit("A", 5_00);
            logMatchesJournal();
        }

        @Test
        @DisplayName("on books from before the log, then the log is built over the journal at start")
        void builtOverOldBooks() throws Exception {
            f.fund("A");
            ledger.close();
            // A writer without the log, as the books were kept before it.
            ledger = new Ledger(database.ports().journal(), database.ports().reads(), org.mingzhang.journal.TestClock.in2026(),
                    ChartTemplate.nonProfit(), writerSettings(), List.of(), List.of());
            f = new LedgerFixture(ledger, f.prefix);
            depositsInOneBatch(9);
            ledger.close();
            sql("DELETE FROM projection_built WHERE name = 'transparency-log'");
            // The leaves the first writer wrote stand in the way of a build; books from before the log have none.
            dropLogRowsAsOwner();
            ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
            f = new LedgerFixture(ledger, f.prefix);
            f.deposit("A", 3_00);
            logMatchesJournal();
        }
    }

    @Nested
    @DisplayName("when only the log's mark in projection_built is gone")
    class MarkGone {

        @Test
        @DisplayName("then the stored log is checked against the journal at start, kept, and goes on")
        void checkedAndKept() throws Exception {
            f.fund("A");
            depositsInOneBatch(11);
            ledger.close();
            sql("DELETE FROM projection_built WHERE name = 'transparency-log'");
            ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
            f = new LedgerFixture(ledger, f.prefix);
            f.deposit("A", 4_00);
            logMatchesJournal();
        }

        @Test
        @DisplayName("and a stored leaf was changed, then the start is refused, naming the leaf")
        void tamperedLeaf() throws Exception {
            f.fund("A");
            depositsInOneBatch(5);
            ledger.close();
            ledger = null;
            long[] run = longestRun();
            assertThat(run[1]).as("leaves in the longest run").isGreaterThanOrEqualTo(2);
            // The run's leaves turned by one: its first leaf now holds its second's hash.
            asOwner("log_run", "UPDATE log_run SET leaf_hashes = SUBSTRING(leaf_hashes FROM 33) || SUBSTRING(leaf_hashes FROM 1 FOR 32) "
                    + "WHERE last_leaf = " + run[0]);
            sql("DELETE FROM projection_built WHERE name = 'transparency-log'");
            assertThatThrownBy(() -> LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings()))
                    .hasStackTraceContaining("leaf " + (run[0] - run[1] + 1) + " is not the journal's transaction");
        }

        @Test
        @DisplayName("and a stored subtree was changed, then the start is refused, naming the subtree")
        void tamperedSubtree() throws Exception {
            f.fund("A");
            depositsInOneBatch(6);
            ledger.close();
            ledger = null;
            long[] run = longestRun();
            long first = run[0] - run[1] + 1;
            // The first subtree a run's leaf completes is of level 1, over the first odd leaf and the one before it.
            long odd = first % 2 == 1 ? first : first + 1;
            assertThat(odd).as("an odd leaf in the longest run").isLessThanOrEqualTo(run[0]);
            asOwner("log_run", "UPDATE log_run SET node_hashes = SUBSTRING(leaf_hashes FROM 1 FOR 32) || SUBSTRING(node_hashes FROM 33) "
                    + "WHERE last_leaf = " + run[0]);
            sql("DELETE FROM projection_built WHERE name = 'transparency-log'");
            assertThatThrownBy(() -> LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings()))
                    .hasStackTraceContaining("subtree " + new LogNode.Position(1, odd >> 1) + " is not the one the journal's leaves give");
        }

        /** The stored run with the most leaves (the earliest of those): its last leaf and its number of leaves. */
        long[] longestRun() throws Exception {
            try (var c = database.dataSource().getConnection(); var s = c.createStatement();
                    var rs = s.executeQuery("SELECT last_leaf, leaves FROM log_run ORDER BY leaves DESC, last_leaf LIMIT 1")) {
                assertThat(rs.next()).isTrue();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    @Nested
    @DisplayName("when the log is built again over books that published checkpoints (as the first start after V24 does)")
    class Rebuilt {

        @Test
        @DisplayName("then every checkpoint published before is a root of the new log, and later ones prove consistent with it")
        void checkpointsStand() throws Exception {
            f.fund("A");
            depositsInOneBatch(7);
            PublishedCheckpoint before = log().publish(PublishedCheckpoint.Reason.ON_DEMAND).checkpoint();
            depositsInOneBatch(3);
            ledger.close();
            dropLogRowsAsOwner();
            sql("DELETE FROM projection_built WHERE name = 'transparency-log'");
            ledger = LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings());
            f = new LedgerFixture(ledger, f.prefix);
            f.deposit("A", 6_00);
            logMatchesJournal();
            TransparencyLog log = log();
            PublishedCheckpoint after = log.latest().orElseThrow();
            assertThat(MerkleTree.verifyConsistency(before.size(), after.size(), before.checkpoint().rootHash(),
                    after.checkpoint().rootHash(), log.consistency(before.size(), after.size()))).isTrue();
        }

        @Test
        @DisplayName("and a kept checkpoint is not a root of the journal's log, then the start is refused, naming its size")
        void forgedCheckpoint() throws Exception {
            f.fund("A");
            depositsInOneBatch(4);
            long size = log().size();
            byte[] wrongRoot = rootOf(journalLeaves().subList(1, Math.toIntExact(size)));
            Checkpoint forged = new Checkpoint(log().publish(PublishedCheckpoint.Reason.ON_DEMAND).checkpoint().checkpoint().origin(),
                    size - 1, wrongRoot);
            assertThat(database.logStore().addCheckpoint(new PublishedCheckpoint(forged, SignedNote.sign(forged.text(), KEY),
                    PublishedCheckpoint.Reason.ON_DEMAND, Instant.parse("2026-07-15T03:00:00Z")))).isTrue();
            ledger.close();
            ledger = null;
            sql("DELETE FROM projection_built WHERE name = 'transparency-log'");
            assertThatThrownBy(() -> LedgerAssembly.open(database.ports(), org.mingzhang.journal.TestClock.in2026(), writerSettings()))
                    .hasStackTraceContaining("the checkpoint published for " + (size - 1) + " leaves is not a root");
        }
    }

    @Test
    @DisplayName("when someone edits or deletes a leaf, node or checkpoint with SQL, then the database refuses")
    void appendOnly() {
        f.fund("A");
        depositsInOneBatch(4);
        log().publish(PublishedCheckpoint.Reason.ON_DEMAND);
        for (String statement : List.of("UPDATE log_run SET leaves = leaves", "DELETE FROM log_run",
                "UPDATE log_checkpoint SET reason = 'DAILY'")) {
            assertThatThrownBy(() -> sql(statement)).as(statement).hasMessageContaining("append-only");
        }
    }

    /** Runs a statement on a table as only the database owner could: its append-only trigger taken off and put back. */
    abstract void asOwner(String table, String statement) throws Exception;

    /** Empties the log's tables as only the database owner could. */
    void dropLogRowsAsOwner() throws Exception {
        asOwner("log_run", "DELETE FROM log_run");
    }

    /** A tree held in memory, computed by RFC 6962's definition: the reference the stored log is checked against. */
    record InMemory(List<byte[]> data) implements MerkleTree.Subtrees {
        static InMemory of(List<byte[]> data) {
            return new InMemory(List.copyOf(data));
        }

        @Override
        public long size() {
            return data.size();
        }

        @Override
        public byte[] perfect(int level, long index) {
            return mth((int) (index << level), (int) ((index + 1) << level));
        }

        private byte[] mth(int from, int to) {
            if (to - from == 1) {
                return MerkleTree.leafHash(data.get(from));
            }
            int k = Integer.highestOneBit(to - from - 1);
            return MerkleTree.nodeHash(mth(from, from + k), mth(from + k, to));
        }
    }
}
