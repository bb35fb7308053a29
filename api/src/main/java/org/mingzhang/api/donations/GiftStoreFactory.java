package org.mingzhang.api.donations;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.store.Database;

/** Gives the HTTP layer the core's read port for gifts, on the one database the ledger writes. */
@Factory
final class GiftStoreFactory {

    @Singleton
    GiftStore giftStore(Database database) {
        return database.giftStore();
    }
}
