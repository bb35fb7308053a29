package org.mingzhang.api.auth;

import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import org.mingzhang.api.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's admin token: {@code MINGZHANG_ADMIN_TOKEN} when set; otherwise one generated on the
 * first start and kept in {@code <data dir>/admin-token} (readable by its owner only), reused on every
 * later start. The log says where it is, never what it is.
 */
@Context
public final class AdminToken {

    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    public static final String FILE_NAME = "admin-token";
    /** Below this a configured admin token is accepted but logged as weak. */
    static final int TOKEN_CHARS_MIN = 24;

    private final byte[] sha256;

    public AdminToken(ServerSettings settings) {
        String token;
        if (!settings.adminToken().isEmpty()) {
            token = settings.adminToken();
            LOG.info("Admin token: taken from MINGZHANG_ADMIN_TOKEN");
            if (token.length() < TOKEN_CHARS_MIN) {
                LOG.warn("Admin token: MINGZHANG_ADMIN_TOKEN has only {} characters; anyone who guesses it owns the ledger. "
                        + "Use at least {} random characters (or unset it to have one generated)", token.length(), TOKEN_CHARS_MIN);
            }
        } else {
            Path file = settings.dataDir().resolve(FILE_NAME);
            token = readOrCreate(file);
            LOG.info("Admin token: in {} (send it as 'Authorization: Bearer <token>')", file);
        }
        this.sha256 = Tokens.sha256(token);
    }

    /** Compares in constant time (over the hashes, so the length of the real token does not leak either). */
    public boolean matches(String candidate) {
        return MessageDigest.isEqual(sha256, Tokens.sha256(candidate));
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (stored.isEmpty()) {
                    throw new IllegalStateException(file + " is empty: delete it to have a new admin token generated");
                }
                return stored;
            }
            Files.createDirectories(file.getParent());
            String token = Tokens.generate();
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: no POSIX modes; the file inherits the data directory's access control list.
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            LOG.info("Admin token: generated a new one");
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token file " + file, e);
        }
    }
}
