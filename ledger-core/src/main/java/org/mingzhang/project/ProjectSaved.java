package org.mingzhang.project;

import org.mingzhang.journal.BatchRecord;

/**
 * The record a decided project command leaves for storage: the project as it now is, what of it changed,
 * and its event.
 */
public record ProjectSaved(Project project, Change change, ProjectEvent event) implements BatchRecord {

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }

    /** What storage must write besides the event. */
    public enum Change {
        /** A new project: the row and its plan. */
        CREATED,
        /** Its state (and who submitted it). */
        STATE,
        /** Its plan: the draft rewritten, or a new version approved. */
        PLAN,
        /** Completed: its state and its closing results. */
        CLOSING,
        /** Nothing but the event (a disbursement's step, a plan change proposed, leftover money moved). */
        NONE
    }
}
