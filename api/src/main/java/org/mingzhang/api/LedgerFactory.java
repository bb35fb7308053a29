package org.mingzhang.api;

import org.mingzhang.assembly.LedgerAssembly;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.mingzhang.closing.ClosingStore;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.store.Database;
import org.mingzhang.user.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the core's objects for the HTTP layer. The database and the ledger are created at start-up
 * ({@link Context}), so that a schema that cannot be migrated or a database that another writer holds
 * stops the service at once instead of failing its first request; they are closed at shutdown, the
 * ledger (which drains its queue) before the database.
 */
@Factory
public final class LedgerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFactory.class);

    @Singleton
    public ServerSettings serverSettings(@Value("${mingzhang.data-dir:./data}") String dataDir,
                                         @Value("${mingzhang.db.url:}") String dbUrl,
                                         @Value("${mingzhang.db.user:}") String dbUser,
                                         @Value("${mingzhang.db.password:}") String dbPassword,
                                         @Value("${mingzhang.db.pool-size:10}") int dbPoolSize,
                                         @Value("${mingzhang.admin-token:}") String adminToken) {
        return ServerSettings.of(dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, adminToken);
    }

    @Context
    @Bean(preDestroy = "close")
    public Database database(ServerSettings settings) {
        Database database = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), settings.dbPoolSize());
        LOG.info("Database {} ({}) is migrated", redacted(settings.dbUrl()), database.vendor());
        // What a crash can take, said where an operator looks first; a limit (the embedded default's) as a warning.
        Database.Durability durability = database.durability();
        if (durability.limited()) {
            LOG.warn("Durability: {}. See docs/reliability.md", durability.statement());
        } else {
            LOG.info("Durability: {}", durability.statement());
        }
        return database;
    }

    @Context
    @Bean(preDestroy = "close")
    public Ledger ledger(Database database) {
        return LedgerAssembly.open(database.ports(), Clock.systemUTC(), LedgerWriter.Settings.DEFAULT);
    }

    @Singleton
    public UserStore userStore(Database database) {
        return database.userStore();
    }

    @Singleton
    public ClosingStore closingStore(Database database) {
        return database.closingStore();
    }

    /** A JDBC URL may carry a password as a parameter; the log shows only what comes before it. */
    private static String redacted(String url) {
        int params = url.indexOf('?');
        return params < 0 ? url : url.substring(0, params) + "?…";
    }
}
