package org.mingzhang.need;

import java.util.List;
import java.util.Optional;

/** The port that reads residents' needs from committed storage. */
public interface NeedStore {

    /** Every need, for the writer's state. */
    List<Need> needs();

    Optional<Need> need(long id);

    /** Needs in id order after {@code afterId}; each filter may be null. */
    List<Need> page(Long fundId, NeedStatus status, long afterId, int limit);
}
