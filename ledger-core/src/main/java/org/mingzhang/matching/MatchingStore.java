package org.mingzhang.matching;

import java.util.List;
import java.util.Optional;

/** The port that reads matching pools and settlements from committed storage. */
public interface MatchingStore {

    List<MatchingPool> pools();

    Optional<MatchingPool> pool(String code);

    List<Settlement> settlements();

    Optional<Settlement> settlementOfProject(long projectId);

    /** Every gift restricted to a project, as the calculator sees it, for the writer's state. */
    List<ProjectGift> projectGifts();

    /** The gifts restricted to one project, as the calculator sees them. */
    List<MatchableGift> giftsOfProject(long projectId);

    List<Settlement> settlementsOfPool(long poolId);

    /** A restricted gift and the project it is for. */
    record ProjectGift(long projectId, MatchableGift gift) {
    }
}
