package org.mingzhang.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RFC 6962 trees against the published reference vectors (the eight leaves of the Certificate Transparency tests, as
 * transparency-dev/merkle and Google's CT code carry them: roots of every size, two audit paths, a consistency proof),
 * then every proof of every tree up to 70 leaves: each verifies, and each kind of tampering is refused.
 */
class MerkleTreeTest {

    static final HexFormat HEX = HexFormat.of();
    static final List<byte[]> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).toList();
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static MerkleTree.Subtrees reference() {
        return MerkleTree.of(LEAVES.stream().map(MerkleTree::leafHash).toList());
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    @DisplayName("when the reference leaves are hashed then every tree size has the published root")
    void roots() {
        MerkleTree.Subtrees tree = reference();
        for (int size = 0; size <= LEAVES.size(); size++) {
            assertThat(HEX.formatHex(MerkleTree.root(tree, size))).as("size %d", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    @DisplayName("when audit paths and a consistency proof are made then they are the published ones")
    void publishedProofs() {
        MerkleTree.Subtrees tree = reference();
        assertThat(hex(MerkleTree.inclusionProof(tree, 0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.inclusionProof(tree, 5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.consistencyProof(tree, 2, 8))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    }

    @Test
    @DisplayName("when every leaf of every tree up to 70 leaves is proved then each proof verifies and no tampered one does")
    void everyInclusionProof() {
        SplittableRandom random = new SplittableRandom(6962);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            byte[] data = new byte[1 + random.nextInt(40)];
            random.nextBytes(data);
            leaves.add(MerkleTree.leafHash(data));
        }
        MerkleTree.Subtrees tree = MerkleTree.of(leaves);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = MerkleTree.root(tree, size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(tree, index, size);
                byte[] leaf = leaves.get(index);
                assertThat(MerkleTree.verifyInclusion(leaf, index, size, proof, root)).as("%d of %d", index, size).isTrue();
                assertThat(MerkleTree.verifyInclusion(flip(leaf), index, size, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, index, size, proof, flip(root))).isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, index + 1, size, proof, root)).isFalse();
                // Another tree size alone may take the same path (index 0 of 3 leaves or of 4): a proof binds the size
                // only through the root, and the signed checkpoint binds the root to its size.
                for (int p = 0; p < proof.size(); p++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(p, flip(proof.get(p)));
                    assertThat(MerkleTree.verifyInclusion(leaf, index, size, tampered, root)).isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(MerkleTree.verifyInclusion(leaf, index, size, proof.subList(0, proof.size() - 1), root)).isFalse();
                }
            }
        }
    }

    @Test
    @DisplayName("when every tree up to 70 leaves is proved to extend every smaller one then each proof verifies and no tampered one does")
    void everyConsistencyProof() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7)}));
        }
        MerkleTree.Subtrees tree = MerkleTree.of(leaves);
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] rootN = MerkleTree.root(tree, n);
            for (int m = 1; m <= n; m++) {
                byte[] rootM = MerkleTree.root(tree, m);
                List<byte[]> proof = MerkleTree.consistencyProof(tree, m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, rootM, rootN, proof)).as("%d to %d", m, n).isTrue();
                assertThat(MerkleTree.verifyConsistency(m, n, flip(rootM), rootN, proof)).isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, rootM, flip(rootN), proof)).isFalse();
                for (int p = 0; p < proof.size(); p++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(p, flip(proof.get(p)));
                    assertThat(MerkleTree.verifyConsistency(m, n, rootM, rootN, tampered)).as("%d to %d, element %d", m, n, p)
                            .isFalse();
                }
                if (m < n && Long.bitCount(m) != 1) {
                    assertThat(MerkleTree.verifyConsistency(m - 1, n, rootM, rootN, proof)).as("%d to %d as from %d", m, n, m - 1)
                            .isFalse();
                }
            }
        }
    }

    private static byte[] flip(byte[] hash) {
        byte[] out = hash.clone();
        out[out.length / 2] ^= 0x10;
        return out;
    }
}
