package org.mingzhang.api.register;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.mingzhang.register.GoodsRegisterStore;
import org.mingzhang.store.Database;

/** Gives the HTTP layer the core's read port for the goods register, on the one database the ledger writes. */
@Factory
final class GoodsRegisterStoreFactory {

    @Singleton
    GoodsRegisterStore goodsRegisterStore(Database database) {
        return database.goodsRegisterStore();
    }
}
