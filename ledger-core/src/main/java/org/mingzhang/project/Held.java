package org.mingzhang.project;

import java.util.ArrayList;
import java.util.List;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.journal.PostingLine;

/**
 * A part of a project's money in one of the accounts that hold it, and the fund's own account it is released into
 * when the money is spent or leaves the project: restricted net assets of closed years (3102 → 3101), this year's
 * restricted income (410102 → 410101), designated money (310101 → 3101). Parts are taken in that order: the oldest
 * restriction first, designated money last.
 */
record Held(String account, String releasedInto, long amountFen) {

    /** {@code amountFen} of the project's money, taken from its held accounts in order; throws if it holds less. */
    static List<Held> parts(ProjectMoney m, long amountFen, int year) {
        List<Held> parts = new ArrayList<>();
        long left = amountFen;
        left = take(parts, ChartTemplate.RESTRICTED_NET_ASSETS, ChartTemplate.UNRESTRICTED_NET_ASSETS, m.restrictedNetFen(), left);
        left = take(parts, ChartTemplate.RESTRICTED_DONATIONS, ChartTemplate.UNRESTRICTED_DONATIONS, m.restrictedIncomeFen(year), left);
        left = take(parts, ChartTemplate.DESIGNATED_NET_ASSETS, ChartTemplate.UNRESTRICTED_NET_ASSETS, m.designatedFen(), left);
        if (left > 0) {
            throw new IllegalStateException("the project holds " + (amountFen - left) + " fen of the " + amountFen
                    + " fen to release in " + year);
        }
        return parts;
    }

    private static long take(List<Held> parts, String account, String into, long holds, long left) {
        long part = Math.min(left, Math.max(0, holds));
        if (part > 0) {
            parts.add(new Held(account, into, part));
        }
        return left - part;
    }

    /** Debit each held account, credit what it is released into. */
    static List<PostingLine> release(List<Held> parts) {
        List<PostingLine> lines = new ArrayList<>();
        for (Held h : parts) {
            lines.add(PostingLine.debit(h.account(), h.amountFen()));
            lines.add(PostingLine.credit(h.releasedInto(), h.amountFen()));
        }
        return lines;
    }

    /** The reverse: the parts held again (by another project), each as restricted or designated as it was. */
    static List<PostingLine> hold(List<Held> parts) {
        List<PostingLine> lines = new ArrayList<>();
        for (Held h : parts) {
            lines.add(PostingLine.debit(h.releasedInto(), h.amountFen()));
            lines.add(PostingLine.credit(h.account(), h.amountFen()));
        }
        return lines;
    }
}
