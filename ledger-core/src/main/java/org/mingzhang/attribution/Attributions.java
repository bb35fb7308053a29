package org.mingzhang.attribution;

import java.util.Optional;

/**
 * The read port of the attribution (the public trace and the public project page): answers from the attribution rows
 * through their indexes, never by a pass over a project's history.
 */
public interface Attributions {

    /** A gift's flow; empty when there is no such gift, or it was given to no project. */
    Optional<GiftFlow> giftFlow(long giftId);

    /** A project's flow; a project without money has one of zeros. */
    ProjectFlow projectFlow(long projectId);
}
