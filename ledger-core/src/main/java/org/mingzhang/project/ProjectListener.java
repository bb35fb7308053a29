package org.mingzhang.project;

import org.mingzhang.journal.Books;
import org.mingzhang.journal.Outcome;

/** What other deciders learn from the project decider, in the same batch (matching settles at close). */
public interface ProjectListener {

    /** The project's fundraising has just closed; what is booked here commits with the transition. */
    default void fundraisingClosed(Project project, Books books) {
    }

    /**
     * Why the project may not make this move now (open payments before completion, an unsettled match before
     * acceptance), or null. Asked after the project decider's own checks and before anything is written.
     */
    default Outcome.Rejected<Project> objection(Project project, ProjectTransition move) {
        return null;
    }
}
