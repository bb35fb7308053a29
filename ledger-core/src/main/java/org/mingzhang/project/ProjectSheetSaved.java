package org.mingzhang.project;

import org.mingzhang.journal.BatchRecord;

/**
 * The projection rows of one project's money ({@code project_sheet} and its year, line and reservation rows), written
 * in the batch that changed it.
 *
 * @param throughTransactionId the last journal transaction folded in
 */
public record ProjectSheetSaved(long projectId, long throughTransactionId, ProjectMoney.State state) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

}
