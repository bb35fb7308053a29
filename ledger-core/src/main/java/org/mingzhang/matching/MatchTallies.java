package org.mingzhang.matching;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mingzhang.gift.ProjectDonor;

/**
 * The port to the match-base projection: each project's {@link MatchBase} under its pool's rule, and each donor's
 * counted sum, as committed. The writer starts from the bases and reads the donors a batch needs; reads answer a
 * project's match from one row.
 */
public interface MatchTallies {

    /** The projection's name and version in {@code projection_built}; a new version is built afresh at start. */
    String NAME = "project_match";
    int VERSION = 1;

    /** One project's row. */
    record Row(long projectId, long poolId, int ruleVersion, MatchBase base) {
    }

    /** Every project's row, for the writer's start. */
    List<Row> rows();

    Optional<Row> row(long projectId);

    /** The counted sums of these donors (absent: nothing counted yet), read in one round trip. */
    Map<ProjectDonor, Long> countedFen(Collection<ProjectDonor> donors);

    /** Whether the projection was built at {@link #VERSION}. */
    boolean talliesBuilt();

    /** Replaces the whole projection with these rows and marks it built, in one transaction (start of a new version). */
    void rebuildTallies(List<ProjectMatchSaved> rows);
}
