package org.mingzhang.api.projects;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.project.ProjectSheets;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.store.Database;

/** Gives the HTTP layer the core's read port for projects, on the one database the ledger writes. */
@Factory
public final class ProjectStoreFactory {

    @Singleton
    public ProjectStore projectStore(Database database) {
        return database.projectStore();
    }

    /** What each project raised by channel and donor kind, and its donors. */
    @Singleton
    public ProjectGiving projectGiving(Database database) {
        return database.projectGiving();
    }

    /** Each project's money as the writer saved it with its bookings. */
    @Singleton
    public ProjectSheets projectSheets(Database database) {
        return database.projectSheets();
    }
}
