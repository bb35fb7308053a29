package org.mingzhang.api.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.mingzhang.transparency.NoteKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation's log key (Ed25519), which signs every checkpoint: {@code MINGZHANG_LOG_SIGNER_KEY} when set (the
 * signer-key form Go's {@code golang.org/x/mod/sumdb/note} reads: {@code PRIVATE+KEY+<name>+<id>+<base64>}); otherwise
 * one generated on the first start and kept in {@code <data dir>/log-key}, readable by its owner only. The key's name is
 * the log's origin, the first line of every checkpoint: it is chosen once, when the key is made, from the public address
 * (its host and path), and stays with the key, so that checkpoints signed before and after a move still verify under one
 * name. The log names the verifier key at start; it is public, and belongs on the federation's notice board too.
 */
final class LogKey {

    private static final Logger LOG = LoggerFactory.getLogger(LogKey.class);
    static final String FILE_NAME = "log-key";

    private LogKey() {
    }

    static NoteKey load(String configured, Path dataDir, String publicUrl) {
        NoteKey key;
        if (configured != null && !configured.isBlank()) {
            key = parse(configured.strip(), "MINGZHANG_LOG_SIGNER_KEY");
            LOG.info("Log key: taken from MINGZHANG_LOG_SIGNER_KEY");
        } else {
            Path file = dataDir.resolve(FILE_NAME);
            key = readOrCreate(file, origin(publicUrl));
            LOG.info("Log key: in {}", file);
        }
        String expected = origin(publicUrl);
        if (!key.name().equals(expected)) {
            LOG.info("Log key: its name (the log's origin) is {}, made for an earlier public address; it stays, so that every "
                    + "checkpoint keeps verifying under one name", key.name());
        }
        LOG.info("Log key: checkpoints verify with {}", key.verifierKey());
        return key;
    }

    /** The origin for a public address: its host (with a port other than the scheme's) and path, without a slash at the end. */
    static String origin(String publicUrl) {
        URI uri = URI.create(publicUrl);
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return host + path;
    }

    private static NoteKey parse(String text, String where) {
        try {
            return NoteKey.signer(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not a signer key (PRIVATE+KEY+<name>+<id>+<base64>): " + e.getMessage(), e);
        }
    }

    private static NoteKey readOrCreate(Path file, String origin) {
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
            }
            Files.createDirectories(file.getParent());
            NoteKey key = NoteKey.generate(origin);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: no POSIX modes; the file inherits the data directory's access control list.
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return parse(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
            }
            Files.writeString(file, key.signerKey() + "\n", StandardCharsets.UTF_8);
            LOG.info("Log key: generated a new one named {}", origin);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the log key file " + file, e);
        }
    }
}
