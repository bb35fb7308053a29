package org.mingzhang.api.needs;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.mingzhang.need.NeedStore;
import org.mingzhang.store.Database;

/** Gives the HTTP layer the core's read port for residents' needs, on the one database the ledger writes. */
@Factory
final class NeedStoreFactory {

    @Singleton
    NeedStore needStore(Database database) {
        return database.needStore();
    }
}
