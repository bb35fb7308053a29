package org.mingzhang.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database created for one scenario through the admin connection and dropped afterwards,
 * so that every scenario starts from an empty ledger and none leaves rows behind.
 */
final class ScratchDatabase implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;
    private final boolean keep;

    private ScratchDatabase(String adminUrl, String user, String password, String name, boolean keep) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.keep = keep;
    }

    /**
     * Drops any leftover of an interrupted run under the same name, then creates the database afresh.
     *
     * @param keep leave the database in place when closed, to inspect it (psql, EXPLAIN) after a run
     */
    static ScratchDatabase create(String adminUrl, String user, String password, String name, boolean keep) {
        if (!name.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalArgumentException("a scratch database name is lower case letters, digits and _: " + name);
        }
        ScratchDatabase db = new ScratchDatabase(adminUrl, user, password, name, keep);
        db.admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        db.admin("CREATE DATABASE " + name);
        return db;
    }

    /** The admin URL with its database name replaced by this database's. */
    String url() {
        return withDatabase(adminUrl, name);
    }

    static String withDatabase(String url, String database) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the bench runs on PostgreSQL (jdbc:postgresql://host:port/db), not " + url);
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPort = slash < 0 ? base : base.substring(0, slash);
        return hostPort + "/" + database + params;
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("admin statement failed on " + adminUrl + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (keep) {
            System.out.println("kept database " + name + " for inspection: psql -d " + name);
            return;
        }
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
