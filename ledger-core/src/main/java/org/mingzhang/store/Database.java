package org.mingzhang.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.mingzhang.assembly.LedgerPorts;
import org.mingzhang.journal.Ledger;
import org.mingzhang.closing.ClosingStore;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.matching.MatchingStore;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.need.NeedStore;
import org.mingzhang.project.ProjectSheets;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.register.GoodsRegisterStore;

/**
 * A connection pool to H2 or PostgreSQL with the schema migrated, and the ledger built on it. The
 * migrations in {@code db/migration/common} are shared; {@code db/migration/h2} or {@code postgresql}
 * adds the append-only triggers in that database's own trigger language.
 */
public final class Database implements AutoCloseable {

    public enum Vendor { H2, POSTGRESQL }

    /**
     * How far a commit on the embedded H2 database has gone before it returns. PostgreSQL's commits are its server's
     * business ({@code synchronous_commit}, on by default); these settings change nothing there.
     */
    public enum H2Durability {
        /**
         * H2's own default ({@code WRITE_DELAY 500}): a commit reaches the file up to about half a second later, so
         * a crash loses what was acknowledged meanwhile. Kept only to measure what durability costs.
         */
        DELAYED,
        /**
         * {@code WRITE_DELAY 0}: every commit is written to the file before it returns. Survives the process being
         * killed (the operating system holds the write); a power cut may still lose what the disk had not stored.
         */
        WRITTEN,
        /**
         * As {@link #WRITTEN}, and after every batch of the writer the file is forced to the device
         * ({@code CHECKPOINT SYNC}, an fsync) before any of the batch is acknowledged: survives a power cut too, as
         * far as the disk honours fsync. The default.
         */
        SYNCED
    }

    /**
     * Statements each H2 connection keeps parsed (H2's default is 8): the writer runs a few dozen fixed statements per
     * batch ({@link RowBatches}), and one parsed again each batch costs more than writing its rows. Set unless the URL
     * sets it.
     */
    static final int H2_QUERY_CACHE_SIZE = 64;

    /**
     * The size at which H2 splits a page of its B-trees (H2's default is 16 KiB). H2 writes every page a commit changed
     * anew, whole: a gift adds rows at random places of a few indexes (a donor's key in a project), and a smaller page is
     * fewer bytes to write for each. Measured over HTTP (docs/benchmarks.md): 4 KiB gave more gifts per second than
     * 16 KiB, 2 KiB fewer. Set unless the URL sets it.
     */
    static final int H2_PAGE_SIZE = 4096;

    /** How long a caller waits for a pooled connection, reconnecting to a lost server included, before a 503. */
    public static final long CONNECTION_TIMEOUT_MS = 5_000;
    /** How long a PostgreSQL connection may take to open. */
    public static final int PG_CONNECT_TIMEOUT_S = 5;
    /**
     * How long any PostgreSQL statement may wait for the server's next bytes before its connection counts as lost:
     * a paused or unplugged server is given up on after this, never waited for without end. Longer than any query
     * the service runs.
     */
    public static final int PG_SOCKET_TIMEOUT_S = 30;
    /** H2's own write delay, which {@link H2Durability#DELAYED} keeps. */
    private static final int H2_DEFAULT_WRITE_DELAY_MS = 500;

    private final HikariDataSource dataSource;
    private final Vendor vendor;
    private final H2Durability h2Durability;
    private final boolean h2OnDisk;
    private final DSLContext dsl;

    private Database(HikariDataSource dataSource, Vendor vendor, H2Durability h2Durability, boolean h2OnDisk) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.h2Durability = h2Durability;
        this.h2OnDisk = h2OnDisk;
        this.dsl = DSL.using(configuration(vendor).derive(dataSource));
    }

    /** Opens a pool of {@code poolSize} connections and migrates the schema; H2 on disk commits {@link H2Durability#SYNCED}. */
    public static Database open(String url, String user, String password, int poolSize) {
        return open(url, user, password, poolSize, H2Durability.SYNCED);
    }

    /** Opens a pool of {@code poolSize} connections, migrates the schema and sets H2's durability. */
    public static Database open(String url, String user, String password, int poolSize, H2Durability h2Durability) {
        Vendor vendor = vendorOf(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(vendor == Vendor.H2 ? withH2Settings(url) : url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("mingzhang");
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(Math.min(CONNECTION_TIMEOUT_MS, 2_000));
        if (vendor == Vendor.POSTGRESQL) {
            // Parameters given in the URL win over these (the driver reads the URL last). Strings: the driver reads
            // them with Properties.getProperty, which does not see other types.
            config.addDataSourceProperty("connectTimeout", Integer.toString(PG_CONNECT_TIMEOUT_S));
            config.addDataSourceProperty("socketTimeout", Integer.toString(PG_SOCKET_TIMEOUT_S));
            config.addDataSourceProperty("tcpKeepAlive", "true");
        }
        HikariDataSource ds = new HikariDataSource(config);
        boolean h2OnDisk = vendor == Vendor.H2 && !url.startsWith("jdbc:h2:mem:");
        try {
            Flyway.configure().dataSource(ds).locations(migrationLocations(vendor)).load().migrate();
            if (h2OnDisk) {
                setWriteDelay(ds, h2Durability == H2Durability.DELAYED ? H2_DEFAULT_WRITE_DELAY_MS : 0);
            }
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, vendor, h2Durability, h2OnDisk);
    }

    /** Where the migrations of this vendor are: the shared ones, then its own. */
    static String[] migrationLocations(Vendor vendor) {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + vendor.name().toLowerCase()};
    }

    /** The H2 URL with the settings this class chooses, where the URL does not set them itself. */
    static String withH2Settings(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        String withCache = upper.contains(";QUERY_CACHE_SIZE=") ? url : url + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
        return upper.contains(";PAGE_SIZE=") ? withCache : withCache + ";PAGE_SIZE=" + H2_PAGE_SIZE;
    }

    /** Sets H2's write delay for the whole database and reads it back: a durability that did not take is refused. */
    private static void setWriteDelay(DataSource ds, int writeDelayMs) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY " + writeDelayMs);
            // H2 lists the setting twice (in force, and as stored in the file): both must say what was set.
            try (ResultSet rs = s.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    if (!String.valueOf(writeDelayMs).equals(rs.getString(1))) {
                        throw new IllegalStateException("H2 kept WRITE_DELAY " + rs.getString(1) + " where " + writeDelayMs
                                + " was set");
                    }
                }
                if (!any) {
                    throw new IllegalStateException("H2 does not list its WRITE_DELAY setting");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set H2's WRITE_DELAY to " + writeDelayMs + " (the database user must be "
                    + "an H2 admin): " + e.getMessage(), e);
        }
    }

    /**
     * Makes what the writer has just committed survive a power cut, before it is acknowledged: on H2 on disk with
     * {@link H2Durability#SYNCED}, {@code CHECKPOINT SYNC} forces the database file to the device. Elsewhere nothing
     * is left to do (H2 {@link H2Durability#WRITTEN} has written it to the file; PostgreSQL flushed its WAL at commit).
     */
    void forceToDisk(Connection connection) throws SQLException {
        if (h2OnDisk && h2Durability == H2Durability.SYNCED) {
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
        }
    }

    /**
     * What a crash can take from this database, in a sentence for the start-up log.
     *
     * @param limited true when an operator should know of a limit (logged as a warning): always for the embedded H2,
     *                which is one file on one disk, and for a PostgreSQL that acknowledges commits before they are on disk
     */
    public record Durability(boolean limited, String statement) {
    }

    /** Reads what this database promises about commits (on PostgreSQL, the server's settings) and says it plainly. */
    public Durability durability() {
        if (vendor == Vendor.POSTGRESQL) {
            String synchronousCommit = dsl.select(DSL.field("current_setting('synchronous_commit')", String.class)).fetchOne(0, String.class);
            String fsync = dsl.select(DSL.field("current_setting('fsync')", String.class)).fetchOne(0, String.class);
            String settings = "synchronous_commit=" + synchronousCommit + ", fsync=" + fsync;
            if ("off".equals(synchronousCommit) || "off".equals(fsync)) {
                return new Durability(true, "PostgreSQL with " + settings + ": the server acknowledges commits before they "
                        + "are safely on disk, so a crash of the server can lose gifts that were answered 201. Set "
                        + "synchronous_commit = on and fsync = on for real books");
            }
            return new Durability(false, "PostgreSQL (" + settings + "): a write is acknowledged only after the server has "
                    + "flushed its commit to its write-ahead log; backups and replicas are the server's to keep");
        }
        if (!h2OnDisk) {
            return new Durability(true, "H2 in memory: everything is lost when the process ends (tests only)");
        }
        return new Durability(true, switch (h2Durability) {
            case SYNCED -> "embedded H2: every acknowledged write was written to the database file and forced to disk "
                    + "(fsync) first, so it survives the service being killed and, as far as the disk honours fsync, a "
                    + "power cut. Limits: one file on one disk with no replica and no point-in-time recovery, and H2 "
                    + "itself warns that it may lose commits on power failure. Keep backups of the data directory and "
                    + "run a federation's real books on PostgreSQL (MINGZHANG_DB_URL)";
            case WRITTEN -> "embedded H2 (WRITE_DELAY 0, no fsync): every acknowledged write was written to the database "
                    + "file first, so it survives the service being killed, but a power cut may lose the last writes";
            case DELAYED -> "embedded H2 with its default WRITE_DELAY: a crash loses up to about half a second of "
                    + "acknowledged writes; for measurements only, never for real books";
        });
    }

    public static Vendor vendorOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return Vendor.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Vendor.POSTGRESQL;
        }
        throw new IllegalArgumentException("Mingzhang runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql:...), not " + url);
    }

    static SQLDialect dialect(Vendor vendor) {
        return vendor == Vendor.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES;
    }

    static Settings settings() {
        // Generated names are lower case; unquoted they match both H2 and PostgreSQL (STACK.md, trap 4).
        return new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED).withExecuteLogging(false);
    }

    /**
     * jOOQ's configuration for this vendor, without a connection: derive one with a data source or a connection. Every
     * query that fails for want of a database throws {@link org.mingzhang.journal.StorageUnavailableException}.
     */
    static Configuration configuration(Vendor vendor) {
        return new DefaultConfiguration().set(dialect(vendor)).set(settings())
                .set(new DefaultExecuteListenerProvider(new StorageFailures.Translator()));
    }

    /**
     * The ports the single writer runs on, all on this database: the journal store (which claims the database for its
     * writer when the ledger opens) with every store whose records the writer writes in its batches.
     * {@link org.mingzhang.assembly.LedgerAssembly} decides what runs on them.
     */
    public LedgerPorts ports() {
        JooqProjectStore projects = new JooqProjectStore(dsl);
        JooqGiftStore gifts = new JooqGiftStore(dsl);
        JooqMatchingStore matching = new JooqMatchingStore(dsl);
        JooqNeedStore needs = new JooqNeedStore(dsl);
        JooqClosingStore closings = new JooqClosingStore(dsl);
        JooqGoodsRegisterStore goodsRegister = new JooqGoodsRegisterStore(dsl);
        JooqProjectionStore projections = new JooqProjectionStore(dsl);
        JooqAttributions attributions = new JooqAttributions(dsl);
        JooqTransparencyLog log = new JooqTransparencyLog(dsl);
        JooqJournalStore journal = new JooqJournalStore(this, new RecordRouter(projects, gifts, matching, needs, closings,
                goodsRegister, new JooqRequestKeys(), projections, attributions, log));
        return new LedgerPorts(journal, journal, projects, projections, gifts, projections, matching, projections, needs,
                closings, goodsRegister, attributions, log);
    }

    public ClosingStore closingStore() {
        return new JooqClosingStore(dsl);
    }

    public MatchingStore matchingStore() {
        return new JooqMatchingStore(dsl);
    }

    /** Pools and project matches as read from committed storage, for the API and reports. */
    public MatchingReads matchingReads(Ledger ledger) {
        return new MatchingReads(matchingStore(), projectStore(), ledger.reads(), new JooqProjectionStore(dsl));
    }

    public GiftStore giftStore() {
        return new JooqGiftStore(dsl);
    }

    public NeedStore needStore() {
        return new JooqNeedStore(dsl);
    }

    /** The memorandum register of unvalued goods (备查簿) as committed, for the API. */
    public GoodsRegisterStore goodsRegisterStore() {
        return new JooqGoodsRegisterStore(dsl);
    }

    /** Each project's money as the writer saved it with its bookings (the project-money projection). */
    public ProjectSheets projectSheets() {
        return new JooqProjectionStore(dsl);
    }

    /** What each project raised by channel and donor kind, and its donor count (the giving projection). */
    public ProjectGiving projectGiving() {
        return new JooqProjectionStore(dsl);
    }

    /** Where each gift's money went and each project's money came from and went, to the fen (the attribution projection). */
    public org.mingzhang.attribution.Attributions attributions() {
        return new JooqAttributions(dsl);
    }

    /** The documents the federation issued, with their PDFs. */
    public org.mingzhang.disclosure.DocumentRegistry documentRegistry() {
        return new JooqDocumentRegistry(dsl);
    }

    /** The transparency log's subtrees and checkpoints as committed, for its proofs and for publishing checkpoints. */
    public org.mingzhang.transparency.LogStore logStore() {
        return new JooqTransparencyLog(dsl);
    }

    public ProjectStore projectStore() {
        return new JooqProjectStore(dsl);
    }

    public JooqUserStore userStore() {
        return new JooqUserStore(dsl);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return vendor;
    }

    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
