package org.mingzhang.attribution;

import java.util.List;

/**
 * A project's money by source and use, what a flow picture (a Sankey diagram) of it needs: what came in from its own
 * gifts, from the match, moved in from other projects and tied to no gift, each outflow with its parts from gifts' own
 * money and from match shares, and what is unspent. Guarantees: {@code unspentFen = fromGiftsFen + fromMatchFen +
 * movedInFen + untiedFen − Σ outflows}, and it equals what the project holds.
 */
public record ProjectFlow(long projectId, String projectCode, long fromGiftsFen, long fromMatchFen, long movedInFen,
                          long untiedFen, List<Use> outflows, long unspentFen) {

    public ProjectFlow {
        outflows = List.copyOf(outflows);
    }
}
