package org.mingzhang.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * RFC 6962 Merkle trees (as restated in RFC 9162, section 2.1): the leaf hash SHA-256(0x00 ‖ data), the node hash
 * SHA-256(0x01 ‖ left ‖ right), a tree's root, inclusion proofs (audit paths, lowest first) and consistency proofs, and
 * their verification. Anyone's RFC 6962 code computes the same roots and accepts the same proofs; the tests check the
 * published vectors.
 *
 * <p>A tree of {@code n} leaves splits at the largest power of two below {@code n}, so every left subtree in the
 * recursion is perfect and aligned: it covers leaves {@code [i·2^level, (i+1)·2^level)}. That is all a {@link Subtrees}
 * source must answer, from memory or from stored hashes.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;
    /** 2^62 leaves: sizes stay positive longs with room to add. */
    public static final long SIZE_MAX = 1L << 62;

    private MerkleTree() {
    }

    /** The hashes of perfect, aligned subtrees of one tree. */
    public interface Subtrees {

        /** The number of leaves the source holds: every subtree asked for lies within them. */
        long size();

        /** MTH of the leaves {@code [index·2^level, (index+1)·2^level)}; level 0 is a leaf's hash. */
        byte[] perfect(int level, long index);
    }

    /** SHA-256(0x00 ‖ data). */
    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        return sha.digest(data);
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[0:size]) of the source's first {@code size} leaves. */
    public static byte[] root(Subtrees tree, long size) {
        requireSize(tree, size);
        return size == 0 ? emptyRoot() : hash(tree, 0, size);
    }

    /**
     * PATH(index, D[0:size]): the audit path of the leaf at {@code index} in the tree of the first {@code size} leaves,
     * the sibling nearest the leaf first.
     */
    public static List<byte[]> inclusionProof(Subtrees tree, long index, long size) {
        requireSize(tree, size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(tree, index, 0, size, path);
        return path;
    }

    /** PROOF(m, D[0:n]): that the tree of the first {@code n} leaves extends the tree of the first {@code m}. */
    public static List<byte[]> consistencyProof(Subtrees tree, long m, long n) {
        requireSize(tree, n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("a consistency proof runs from a smaller tree to a larger: " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(tree, m, 0, n, true, proof);
        }
        return proof;
    }

    /** Whether {@code proof} shows the leaf hash at {@code index} in the tree of {@code size} leaves with this root. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || size > SIZE_MAX || !wellFormed(leafHash, proof, root)) {
            return false;
        }
        // RFC 9162, 2.1.3.2.
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** Whether {@code proof} shows that the tree of {@code n} leaves with {@code rootN} extends the one of {@code m}. */
    public static boolean verifyConsistency(long m, long n, byte[] rootM, byte[] rootN, List<byte[]> proof) {
        if (m < 0 || m > n || n > SIZE_MAX || !wellFormed(rootM, proof, rootN)) {
            return false;
        }
        if (m == n) {
            return proof.isEmpty() && Arrays.equals(rootM, rootN);
        }
        if (m == 0) {
            // Every tree extends the empty one; RFC 9162 gives no proof for it.
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        // RFC 9162, 2.1.4.2.
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(m) == 1) {
            path.add(0, rootM);
        }
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, rootM) && Arrays.equals(sr, rootN) && sn == 0;
    }

    /** A tree over leaf hashes held in memory, its perfect subtrees computed as asked. */
    public static Subtrees of(List<byte[]> leafHashes) {
        List<byte[]> leaves = Collections.unmodifiableList(new ArrayList<>(leafHashes));
        return new Subtrees() {
            @Override
            public long size() {
                return leaves.size();
            }

            @Override
            public byte[] perfect(int level, long index) {
                if (level == 0) {
                    return leaves.get(Math.toIntExact(index));
                }
                return nodeHash(perfect(level - 1, 2 * index), perfect(level - 1, 2 * index + 1));
            }
        };
    }

    // -------------------------------------------------------------------------------------------------------------

    /** MTH(D[start:end]) where the recursion from 0 reaches it: {@code [start, start + k)} is perfect and aligned. */
    private static byte[] hash(Subtrees tree, long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return tree.perfect(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = split(n);
        return nodeHash(hash(tree, start, start + k), hash(tree, start + k, end));
    }

    private static void path(Subtrees tree, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m - start < k) {
            path(tree, m, start, start + k, out);
            out.add(hash(tree, start + k, end));
        } else {
            path(tree, m, start + k, end, out);
            out.add(hash(tree, start, start + k));
        }
    }

    /** SUBPROOF(m, D[start:end], b) of RFC 6962, section 2.1.2, with m counted from {@code start}'s tree. */
    private static void subproof(Subtrees tree, long m, long start, long end, boolean whole, List<byte[]> out) {
        long n = end - start;
        long mm = m - start;
        if (mm == n) {
            if (!whole) {
                out.add(hash(tree, start, end));
            }
            return;
        }
        long k = split(n);
        if (mm <= k) {
            subproof(tree, m, start, start + k, whole, out);
            out.add(hash(tree, start + k, end));
        } else {
            subproof(tree, m, start + k, end, false, out);
            out.add(hash(tree, start, start + k));
        }
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean wellFormed(byte[] a, List<byte[]> proof, byte[] b) {
        if (a == null || b == null || a.length != HASH_BYTES || b.length != HASH_BYTES || proof == null || proof.size() > 64) {
            return false;
        }
        return proof.stream().allMatch(p -> p != null && p.length == HASH_BYTES);
    }

    private static void requireSize(Subtrees tree, long size) {
        if (size < 0 || size > tree.size() || size > SIZE_MAX) {
            throw new IllegalArgumentException("a tree of " + size + " leaves from a source of " + tree.size());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
