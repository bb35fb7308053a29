package org.mingzhang.api.trace;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.mingzhang.attribution.Attributions;
import org.mingzhang.store.Database;

/** The attribution's read port on the service's database, for the public trace and the public pages. */
@Factory
final class TraceFactory {

    @Singleton
    Attributions attributions(Database database) {
        return database.attributions();
    }
}
