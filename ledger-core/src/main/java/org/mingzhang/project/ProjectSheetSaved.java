package org.mingzhang.project;

import org.mingzhang.journal.BatchRecord;

/**
 * The projection rows of one project's money ({@code project_sheet} and its year, line and reservation rows), written
 * in the batch that changed it. Storage writes only what differs from what it held: a gift changes the sheet and its
 * year, not the budget lines or reservations.
 *
 * @param throughTransactionId the last journal transaction folded in
 * @param stored what storage holds for the project before this batch; null when it holds nothing (a new project, or a
 *               projection being built afresh), and every row is then written
 */
public record ProjectSheetSaved(long projectId, long throughTransactionId, ProjectMoney.State state, ProjectMoney.State stored)
        implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
