package org.mingzhang.api.needs;

import jakarta.inject.Singleton;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.ledger.AccountDirectory;
import org.mingzhang.need.Need;

/** Builds the need answers: the fund's code instead of its id, times in China Standard Time. */
@Singleton
public final class NeedViews {

    private final AccountDirectory directory;

    public NeedViews(AccountDirectory directory) {
        this.directory = directory;
    }

    public NeedResponse of(Need need) {
        return new NeedResponse(need.id(), directory.fundCode(need.fundId()), need.title(), need.description(), need.raisedBy(),
                need.supporters(), need.status(), need.answeredByProjectCode(), Times.format(need.answeredAt()),
                need.createdBy().name(), Times.format(need.createdAt()),
                need.withdrawnBy() == null ? null : need.withdrawnBy().name(), Times.format(need.withdrawnAt()),
                need.withdrawReason());
    }
}
