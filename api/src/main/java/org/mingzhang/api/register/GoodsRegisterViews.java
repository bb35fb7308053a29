package org.mingzhang.api.register;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.ledger.AccountDirectory;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.register.GoodsEntry;
import org.mingzhang.register.GoodsLot;

/** Builds the goods register answers: codes instead of ids, times in China Standard Time. */
@Singleton
public final class GoodsRegisterViews {

    private final AccountDirectory directory;
    private final ProjectStore projects;
    /** A project's code never changes, so codes are kept once read. */
    private final Map<Long, String> projectCodes = new ConcurrentHashMap<>();

    public GoodsRegisterViews(AccountDirectory directory, ProjectStore projects) {
        this.directory = directory;
        this.projects = projects;
    }

    public GoodsLotResponse of(GoodsLot lot) {
        GoodsEntry in = lot.entry();
        return new GoodsLotResponse(in.id(), directory.fundCode(in.fundId()), projectCode(in.projectId()), in.description(),
                in.quantity(), in.unit(), in.counterparty(), in.whyNotValued(), Times.format(in.occurredAt()), in.note(),
                in.recordedBy(), Times.format(in.recordedAt()), lot.issuedQuantity(), lot.remainingQuantity(),
                lot.issues().stream().map(out -> issue(lot, out)).toList());
    }

    /** One issue of the lot, with what the lot had left right after it. */
    public GoodsIssueResponse issue(GoodsLot lot, GoodsEntry out) {
        return new GoodsIssueResponse(out.id(), out.inEntryId(), directory.fundCode(out.fundId()), projectCode(out.projectId()),
                out.description(), out.quantity(), out.unit(), out.counterparty(), lot.remainingAfter(out),
                Times.format(out.occurredAt()), out.note(), out.recordedBy(), Times.format(out.recordedAt()));
    }

    private String projectCode(Long projectId) {
        if (projectId == null) {
            return null;
        }
        return projectCodes.computeIfAbsent(projectId, id -> projects.project(id).map(Project::code)
                .orElseThrow(() -> new IllegalStateException("a goods register entry names project " + id
                        + ", which does not exist")));
    }
}
