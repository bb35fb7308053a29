package org.mingzhang.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Signed notes and checkpoints against another implementation's published output: the example key pair and note of Go's
 * golang.org/x/mod/sumdb/note (Ed25519 is deterministic, so signing its text with its key must give its note byte for
 * byte); then keys made here, checkpoints, and every kind of tampering refused.
 */
class SignedNoteTest {

    /** From the documentation of golang.org/x/mod/sumdb/note. */
    static final String GO_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String GO_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    @DisplayName("when Go's example key signs Go's example text then the note is Go's, byte for byte, and Go's key opens it")
    void goVector() {
        NoteKey signer = NoteKey.signer(GO_SIGNER);
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.verifierKey()).as("the public half derived from the seed").isEqualTo(GO_VERIFIER);
        assertThat(signer.signerKey()).isEqualTo(GO_SIGNER);
        assertThat(SignedNote.sign(GO_TEXT, signer)).isEqualTo(GO_NOTE);
        assertThat(SignedNote.open(GO_NOTE, NoteKey.verifier(GO_VERIFIER))).isEqualTo(GO_TEXT);
    }

    @Test
    @DisplayName("when a note is changed in its text, its signature or its signer then opening it fails")
    void tampering() {
        NoteKey verifier = NoteKey.verifier(GO_VERIFIER);
        assertThatThrownBy(() -> SignedNote.open(GO_NOTE.replace("problem,", "problem;"), verifier))
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> SignedNote.open(GO_NOTE.replace("x08go", "x08gp"), verifier))
                .isInstanceOf(IllegalArgumentException.class);
        NoteKey other = NoteKey.generate("PeterNeumann");
        assertThatThrownBy(() -> SignedNote.open(GO_NOTE, other)).hasMessageContaining("no signature of PeterNeumann");
        assertThatThrownBy(() -> SignedNote.open(GO_TEXT, verifier)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteKey.verifier("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("does not match");
    }

    @Test
    @DisplayName("when a new key signs a checkpoint then its verifier key opens it and the checkpoint reads back whole")
    void checkpoint() {
        NoteKey key = NoteKey.generate("mingzhang.example.org/log");
        NoteKey verifier = NoteKey.verifier(key.verifierKey());
        byte[] root = HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        Checkpoint checkpoint = new Checkpoint("mingzhang.example.org/log", 8, root);
        String note = SignedNote.sign(checkpoint.text(), key);

        assertThat(checkpoint.text()).isEqualTo("mingzhang.example.org/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
        assertThat(Checkpoint.parse(SignedNote.open(note, verifier))).isEqualTo(checkpoint);
        assertThat(NoteKey.signer(key.signerKey()).verifierKey()).isEqualTo(key.verifierKey());
        assertThatThrownBy(() -> SignedNote.open(note.replace("\n8\n", "\n9\n"), verifier)).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"))
                .hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nextra\n"))
                .hasMessageContaining("three lines");
    }
}
