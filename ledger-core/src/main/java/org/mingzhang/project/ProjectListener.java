package org.mingzhang.project;

import org.mingzhang.journal.Books;

/** What other deciders learn from the project decider, in the same batch (matching settles at close). */
public interface ProjectListener {

    /** The project's fundraising has just closed; what is booked here commits with the transition. */
    void fundraisingClosed(Project project, Books books);
}
