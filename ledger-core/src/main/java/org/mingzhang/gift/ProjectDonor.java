package org.mingzhang.gift;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.mingzhang.journal.LedgerCommand;

/** A donor of a project, by the donor key that matching and the donor count use ({@link Donor#key()}). */
public record ProjectDonor(long projectId, String donorKey) {

    /**
     * The donors whose gifts to projects these commands record, for a projection to read ahead in one round trip.
     *
     * @param projectIds a project's id by its code; null for a project the projection does not follow
     */
    public static Set<ProjectDonor> ofGifts(List<LedgerCommand<?>> commands, Function<String, Long> projectIds) {
        Set<ProjectDonor> donors = new HashSet<>();
        for (LedgerCommand<?> c : commands) {
            RecordGift g = c instanceof RecordsGift r ? r.recordGift() : null;
            Long id = g == null || g.projectCode() == null ? null : projectIds.apply(g.projectCode());
            if (id != null) {
                donors.add(new ProjectDonor(id, g.donor().key()));
            }
        }
        return donors;
    }
}
