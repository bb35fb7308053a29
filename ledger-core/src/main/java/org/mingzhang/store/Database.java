package org.mingzhang.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.matching.MatchingDecider;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.matching.MatchingStore;
import org.mingzhang.gift.GiftDecider;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.project.DisbursementDecider;
import org.mingzhang.need.NeedDecider;
import org.mingzhang.need.NeedStore;
import org.mingzhang.project.ProjectDecider;
import org.mingzhang.project.ProjectStore;

/**
 * A connection pool to H2 or PostgreSQL with the schema migrated, and the ledger built on it. The
 * migrations in {@code db/migration/common} are shared; {@code db/migration/h2} or {@code postgresql}
 * adds the append-only triggers in that database's own trigger language.
 */
public final class Database implements AutoCloseable {

    public enum Vendor { H2, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Vendor vendor;
    private final DSLContext dsl;

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.dsl = DSL.using(dataSource, dialect(vendor), settings());
    }

    /** Opens a pool of {@code poolSize} connections and migrates the schema. */
    public static Database open(String url, String user, String password, int poolSize) {
        Vendor vendor = vendorOf(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("mingzhang");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.name().toLowerCase())
                    .load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, vendor);
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
     * The ledger on this database, with the deciders for projects, gifts, matching pools and residents' needs:
     * its single writer claims the database and loads its state.
     */
    public Ledger openLedger(Clock clock, LedgerWriter.Settings writerSettings) {
        JooqProjectStore projects = new JooqProjectStore(dsl);
        JooqGiftStore gifts = new JooqGiftStore(dsl);
        JooqMatchingStore matching = new JooqMatchingStore(dsl);
        JooqNeedStore needs = new JooqNeedStore(dsl);
        JooqJournalStore store = new JooqJournalStore(this, List.of(projects, gifts, matching, needs));
        // Made before the project decider, which is to answer needs when a project is created from one.
        NeedDecider needDecider = new NeedDecider(needs);
        ProjectDecider projectDecider = new ProjectDecider(projects, needDecider);
        GiftDecider giftDecider = new GiftDecider(gifts, projectDecider);
        MatchingDecider matchingDecider = new MatchingDecider(matching, projectDecider);
        DisbursementDecider disbursementDecider = new DisbursementDecider(projects, projectDecider);
        projectDecider.listen(matchingDecider);
        projectDecider.listen(disbursementDecider);
        giftDecider.listen(matchingDecider);
        return new Ledger(store, store, clock, ChartTemplate.nonProfit(), writerSettings,
                List.of(projectDecider, giftDecider, matchingDecider, disbursementDecider, needDecider));
    }

    public MatchingStore matchingStore() {
        return new JooqMatchingStore(dsl);
    }

    /** Pools and project matches as read from committed storage, for the API and reports. */
    public MatchingReads matchingReads(Ledger ledger) {
        return new MatchingReads(matchingStore(), projectStore(), ledger.reads());
    }

    public GiftStore giftStore() {
        return new JooqGiftStore(dsl);
    }

    public NeedStore needStore() {
        return new JooqNeedStore(dsl);
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
