package org.mingzhang.gift;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.mingzhang.journal.BatchRecord;

/**
 * What a project raised, as the read side shows it: by channel and donor kind (gifts that stand and their standing
 * amount) and how many donors gave. Kept by {@link GivingProjection} with every gift and refund, in their batch.
 */
public interface ProjectGiving {

    /** The projection's name and version in {@code projection_built}; a new version is built afresh at start. */
    String NAME = "project_giving";
    int VERSION = 1;

    /** One source of a project's money: a channel and a kind of donor. */
    record Source(Channel channel, DonorKind donorKind, int gifts, long amountFen) {
    }

    /** One donor of a project: gifts that stand (not refunded in whole) and what stands of them. */
    record DonorRow(int gifts, long standingFen) {
        public static final DonorRow NONE = new DonorRow(0, 0);
    }

    /** A project's giving: its sources, in channel and donor-kind order, and its donor count. */
    record Sheet(long projectId, List<Source> sources, int donors) {

        public Sheet {
            sources = List.copyOf(sources);
        }

        public static Sheet empty(long projectId) {
            return new Sheet(projectId, List.of(), 0);
        }
    }

    /** The rows of one project a batch changed: its whole sheet, and the donors it changed. */
    record Saved(Sheet sheet, Map<String, DonorRow> donors) implements BatchRecord {

        public Saved {
            donors = Map.copyOf(donors);
        }

        @Override
        public <R> R accept(BatchRecord.Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Every project's sheet, for the writer's start. */
    Map<Long, Sheet> sheets();

    /** One project's sheet; empty when no restricted gift came to it. */
    Sheet sheet(long projectId);

    /** These donors' rows (absent: none yet), in one round trip. */
    Map<ProjectDonor, DonorRow> donors(Collection<ProjectDonor> donors);

    boolean givingBuilt();

    /** Replaces the whole projection and marks it built, in one transaction. */
    void rebuildGiving(List<Saved> rows);
}
