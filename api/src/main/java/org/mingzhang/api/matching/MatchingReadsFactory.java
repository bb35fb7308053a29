package org.mingzhang.api.matching;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.mingzhang.journal.Ledger;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.matching.MatchingStore;
import org.mingzhang.store.Database;

/** Gives the HTTP layer the core's reads of matching pools, on the one database the ledger writes. */
@Factory
public final class MatchingReadsFactory {

    @Singleton
    public MatchingReads matchingReads(Database database, Ledger ledger) {
        return database.matchingReads(ledger);
    }

    /** The pools as stored, without their figures: enough to page through them by code. */
    @Singleton
    public MatchingStore matchingStore(Database database) {
        return database.matchingStore();
    }
}
