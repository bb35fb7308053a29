package org.mingzhang.attribution;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The attribution projection's rows, as the single writer reads them ({@link AttributionProjection}). */
public interface AttributionStore {

    /** The name under which {@code projection_built} records the projection. */
    String NAME = "attribution";
    /** The version of the rows: a new version builds them afresh from the journal. */
    int VERSION = 1;

    /** Whether the rows are built at {@link #VERSION}. */
    boolean attributionBuilt();

    /** The units of these projects (every project named gets an entry, empty when it has none). */
    Map<Long, List<Unit>> units(Collection<Long> projectIds);

    /** Replaces the units with these, adds the outflows not yet kept, and marks the projection built, in one transaction. */
    void rebuildAttribution(AttributionSaved rows);
}
