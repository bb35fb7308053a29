package org.mingzhang.attribution;

/**
 * A part of a project's money tied to one gift: the gift's own money, its match share, or what was moved in with
 * leftover from another project. What the project holds is always the sum of its units' {@code remainingFen}.
 *
 * @param giftId the gift; {@link #UNTIED} for money tied to no gift
 * @param inFen what came into the unit in all
 * @param standingFen of a gift's own unit, what still stands of the gift (amount less refunds), which weights its match
 *     share; 0 for other units
 * @param remainingFen what is still unspent of it in the project
 */
public record Unit(long projectId, long giftId, Part part, Origin origin, long inFen, long standingFen, long remainingFen) {

    /** The gift id of money that entered a project tied to no gift. */
    public static final long UNTIED = 0;

    /** Where a unit's money came from. */
    public enum Origin { OWN, MOVED_IN, UNTIED }

    public Unit {
        if (inFen < 0 || standingFen < 0 || remainingFen < 0) {
            throw new IllegalStateException("unit of gift " + giftId + " (" + part + ") in project " + projectId
                    + " must not go negative: in " + inFen + ", standing " + standingFen + ", remaining " + remainingFen);
        }
    }

    /** The unit's key within its project. */
    public Key key() {
        return new Key(giftId, part);
    }

    public Unit with(long in, long standing, long remaining) {
        return new Unit(projectId, giftId, part, origin, in, standing, remaining);
    }

    /**
     * A unit's key within a project, in the method's fixed order: lower gift id first, then its own money before its
     * match share (the last step of the tie-break, {@link Shares}).
     */
    public record Key(long giftId, Part part) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byGift = Long.compare(giftId, o.giftId);
            return byGift != 0 ? byGift : part.compareTo(o.part);
        }
    }
}
