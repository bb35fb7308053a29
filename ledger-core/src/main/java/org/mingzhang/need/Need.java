package org.mingzhang.need;

import java.time.Instant;
import org.mingzhang.user.Actor;

/**
 * A residents' need (居民点单): what residents asked of their community fund, as the residents' committee
 * recorded it. It is {@link NeedStatus#ANSWERED} exactly when it names the project that answered it, and
 * {@link NeedStatus#WITHDRAWN} exactly when it says who withdrew it, when and why. Immutable snapshot.
 *
 * @param raisedBy who raised it, as the committee writes it down ("3号楼居民"); not a user of the ledger
 * @param supporters how many residents asked for it, at least 1
 * @param answeredByProjectCode the project that answered it (委员会接单), or null while it is not answered
 */
public record Need(long id, long fundId, String title, String description, String raisedBy, int supporters,
                   NeedStatus status, String answeredByProjectCode, Instant answeredAt, Actor createdBy, Instant createdAt,
                   Actor withdrawnBy, Instant withdrawnAt, String withdrawReason) {

    public Need {
        if ((status == NeedStatus.ANSWERED) != (answeredByProjectCode != null) || (answeredByProjectCode == null) != (answeredAt == null)) {
            throw new IllegalArgumentException("need " + id + " is " + status + " but answeredByProjectCode is " + answeredByProjectCode);
        }
        if ((status == NeedStatus.WITHDRAWN) != (withdrawReason != null) || (withdrawReason == null) != (withdrawnAt == null)
                || (withdrawReason == null) != (withdrawnBy == null)) {
            throw new IllegalArgumentException("need " + id + " is " + status + " but withdrawReason is " + withdrawReason);
        }
    }

    /** A need as the committee first records it. */
    public static Need open(long id, long fundId, String title, String description, String raisedBy, int supporters,
                            Actor createdBy, Instant createdAt) {
        return new Need(id, fundId, title, description, raisedBy, supporters, NeedStatus.OPEN, null, null, createdBy, createdAt,
                null, null, null);
    }

    public Need answered(String projectCode, Instant at) {
        return new Need(id, fundId, title, description, raisedBy, supporters, NeedStatus.ANSWERED, projectCode, at, createdBy,
                createdAt, null, null, null);
    }

    /** Open again, because the project that answered it was rejected or cancelled: the need is still unmet. */
    public Need reopened() {
        return new Need(id, fundId, title, description, raisedBy, supporters, NeedStatus.OPEN, null, null, createdBy, createdAt,
                null, null, null);
    }

    public Need withdrawn(Actor by, Instant at, String reason) {
        return new Need(id, fundId, title, description, raisedBy, supporters, NeedStatus.WITHDRAWN, null, null, createdBy,
                createdAt, by, at, reason);
    }
}
