package org.mingzhang.api.projects;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.store.Database;

/** Gives the HTTP layer the core's read port for projects, on the one database the ledger writes. */
@Factory
public final class ProjectStoreFactory {

    @Singleton
    public ProjectStore projectStore(Database database) {
        return database.projectStore();
    }
}
