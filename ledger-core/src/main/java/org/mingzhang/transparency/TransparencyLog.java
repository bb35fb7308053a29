package org.mingzhang.transparency;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The federation's transparency log as the public sees it: signed checkpoints of the journal's Merkle tree, published on
 * demand, at period closes and daily while the journal grows, and proofs against them (inclusion of a transaction,
 * consistency of two sizes). Proofs are computed from the stored subtrees in one read: the subtrees a proof needs
 * depend on the leaf index and the sizes alone, so they are named first and read together.
 *
 * <p>So that a proof costs two reads however large the log, two things are kept in memory: the latest checkpoint (read
 * again at most {@link #LATEST_FOR} after it was last read, and at once when this log publishes one), and the subtrees at
 * level {@link #KEPT_LEVEL} and above once read (a perfect subtree's hash never changes, and the upper ones are on
 * every proof's path), at most {@link #KEPT_MAX} of them; past that, further ones are read from storage each time.
 * Subtrees below that level are computed from the leaves of their aligned block of 2^{@link #KEPT_LEVEL} leaves, read
 * as one range: a short scan of the leaves' key instead of a lookup per subtree.
 */
public final class TransparencyLog {

    /** A checkpoint is published daily when the journal grew: at most this long after the last one. */
    public static final Duration DAILY = Duration.ofHours(24);

    /** How long the latest checkpoint is answered from memory before it is read again (one published elsewhere). */
    public static final Duration LATEST_FOR = Duration.ofSeconds(1);

    /** Subtrees of 2^6 = 64 leaves and more are kept once read; those below are computed from a block of 64 leaves. */
    public static final int KEPT_LEVEL = 6;

    /** At most this many subtrees are kept (about 8 MB); a log of 2,000,000 transactions has about 62,500 of them. */
    public static final int KEPT_MAX = 1 << 16;

    private static final byte[] UNREAD = new byte[MerkleTree.HASH_BYTES];

    private final LogStore store;
    private final NoteKey key;
    private final Clock clock;
    private final Map<LogNode.Position, byte[]> kept = new ConcurrentHashMap<>();
    private volatile Latest latest;

    /** The latest checkpoint as read (or published) at {@code readAtNanos}. */
    private record Latest(Optional<PublishedCheckpoint> checkpoint, long readAtNanos) {
    }

    /** @param key the signer's key; its name is the log's origin */
    public TransparencyLog(LogStore store, NoteKey key, Clock clock) {
        this.store = store;
        this.key = key;
        this.clock = clock;
    }

    /** The log's origin: the first line of its checkpoints, and the name of its key. */
    public String origin() {
        return key.name();
    }

    /** The key that checks the log's checkpoints: {@code <name>+<key id>+<base64(0x01 ‖ public key)>}. */
    public String verifierKey() {
        return key.verifierKey();
    }

    /** The number of leaves committed now (checkpoints cover a prefix of them). */
    public long size() {
        return store.size();
    }

    /** The latest checkpoint, as published at most {@link #LATEST_FOR} ago (at once if this log published it). */
    public Optional<PublishedCheckpoint> latest() {
        Latest known = latest;
        long now = System.nanoTime();
        if (known != null && now - known.readAtNanos() < LATEST_FOR.toNanos()) {
            return known.checkpoint();
        }
        Optional<PublishedCheckpoint> read = store.latestCheckpoint();
        latest = new Latest(read, now);
        return read;
    }

    /**
     * Signs and keeps a checkpoint of the log as committed now; when the latest checkpoint has that size already, that one
     * is the answer and nothing is written ({@link Published#isNew()} false).
     */
    public Published publish(PublishedCheckpoint.Reason reason) {
        long size = store.size();
        Optional<PublishedCheckpoint> same = store.checkpoint(size);
        if (same.isPresent()) {
            return new Published(same.get(), false);
        }
        Checkpoint checkpoint = new Checkpoint(origin(), size, store.root(size));
        PublishedCheckpoint published = new PublishedCheckpoint(checkpoint, SignedNote.sign(checkpoint.text(), key), reason,
                clock.instant());
        if (store.addCheckpoint(published)) {
            latest = null;
            return new Published(published, true);
        }
        // Another request published this size in the meantime: it is the same tree, and its checkpoint stands.
        return new Published(store.checkpoint(size).orElseThrow(), false);
    }

    /** A checkpoint and whether this call published it. */
    public record Published(PublishedCheckpoint checkpoint, boolean isNew) {
    }

    /** Publishes the daily checkpoint when the journal grew since the latest and that one is a day old or more. */
    public Optional<PublishedCheckpoint> publishDailyIfDue() {
        Optional<PublishedCheckpoint> latest = store.latestCheckpoint();
        long size = store.size();
        boolean grew = latest.map(c -> c.size() < size).orElse(size > 0);
        boolean due = latest.map(c -> !c.publishedAt().plus(DAILY).isAfter(clock.instant())).orElse(true);
        if (!grew || !due) {
            return Optional.empty();
        }
        Published p = publish(PublishedCheckpoint.Reason.DAILY);
        return p.isNew() ? Optional.of(p.checkpoint()) : Optional.empty();
    }

    /** The transaction's leaf and its audit path to the latest checkpoint, if that covers it. */
    public InclusionProof inclusion(long transactionId) {
        OptionalLong leaf = store.leafIndex(transactionId);
        if (leaf.isEmpty()) {
            return new InclusionProof(null, null, null);
        }
        long index = leaf.getAsLong();
        Optional<PublishedCheckpoint> against = latest();
        if (against.isEmpty() || against.get().size() <= index) {
            return new InclusionProof(index, null, null);
        }
        long size = against.get().size();
        return new InclusionProof(index, read(tree -> MerkleTree.inclusionProof(tree, index, size), size), against.get());
    }

    /** That the tree of {@code to} leaves extends the tree of {@code from}: both at most the committed size. */
    public List<byte[]> consistency(long from, long to) {
        long size = store.size();
        if (from < 0 || from > to || to > size) {
            throw new IllegalArgumentException("a consistency proof needs 0 ≤ from ≤ to ≤ " + size + " (the log's size): "
                    + from + ", " + to);
        }
        return read(tree -> MerkleTree.consistencyProof(tree, from, to), to);
    }

    /**
     * Runs {@code computation} over the stored tree of {@code size} leaves with one read: first over a tree that only notes
     * which subtrees are asked for, then over those read from storage.
     */
    private <T> T read(Function<MerkleTree.Subtrees, T> computation, long size) {
        Set<LogNode.Position> wanted = new LinkedHashSet<>();
        computation.apply(new MerkleTree.Subtrees() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public byte[] perfect(int level, long index) {
                wanted.add(new LogNode.Position(level, index));
                return UNREAD;
            }
        });
        Map<LogNode.Position, byte[]> found = new HashMap<>();
        List<LogNode.Position> unread = new ArrayList<>();
        Map<Long, List<LogNode.Position>> byBlock = new TreeMap<>();
        for (LogNode.Position p : wanted) {
            if (p.level() < KEPT_LEVEL) {
                byBlock.computeIfAbsent(p.index() >> (KEPT_LEVEL - p.level()), b -> new ArrayList<>()).add(p);
                continue;
            }
            byte[] hash = kept.get(p);
            if (hash != null) {
                found.put(p, hash);
            } else {
                unread.add(p);
            }
        }
        if (!unread.isEmpty()) {
            store.hashes(unread).forEach((p, hash) -> {
                found.put(p, hash);
                if (kept.size() < KEPT_MAX) {
                    kept.putIfAbsent(p, hash);
                }
            });
        }
        if (!byBlock.isEmpty()) {
            long block = 1L << KEPT_LEVEL;
            Map<Long, byte[]> leaves = store.leafHashes(byBlock.keySet().stream()
                    .map(b -> new LogStore.LeafRange(b * block, Math.min(size, (b + 1) * block))).toList());
            byBlock.values().forEach(ps -> ps.forEach(p -> found.put(p, perfect(leaves, p.level(), p.index()))));
        }
        return computation.apply(new StoredSubtrees(size, found));
    }

    /** The perfect subtree at {@code level}, {@code index} over the leaves read. */
    private static byte[] perfect(Map<Long, byte[]> leaves, int level, long index) {
        if (level == 0) {
            byte[] leaf = leaves.get(index);
            if (leaf == null) {
                throw new IllegalStateException("the stored log lacks leaf " + index);
            }
            return leaf;
        }
        return MerkleTree.nodeHash(perfect(leaves, level - 1, 2 * index), perfect(leaves, level - 1, 2 * index + 1));
    }
}
