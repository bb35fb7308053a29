package org.mingzhang.api;

import java.nio.file.Path;

/**
 * Where the service keeps its data and how it reaches its database, as the environment says
 * (API.md, "Running"). Without {@code MINGZHANG_DB_URL} the database is an H2 file in the data directory.
 *
 * @param adminToken the configured admin token; blank means "generate one and keep it in the data directory"
 */
public record ServerSettings(Path dataDir, String dbUrl, String dbUser, String dbPassword, int dbPoolSize,
                             String adminToken) {

    public static ServerSettings of(String dataDir, String dbUrl, String dbUser, String dbPassword, int dbPoolSize,
                                    String adminToken) {
        Path dir = Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir).toAbsolutePath().normalize();
        boolean embedded = dbUrl == null || dbUrl.isBlank();
        String url = embedded ? "jdbc:h2:file:" + dir.resolve("mingzhang") : dbUrl;
        String user = dbUser == null || dbUser.isBlank() ? (embedded ? "sa" : "") : dbUser;
        return new ServerSettings(dir, url, user, dbPassword == null ? "" : dbPassword, dbPoolSize,
                adminToken == null ? "" : adminToken.trim());
    }
}
