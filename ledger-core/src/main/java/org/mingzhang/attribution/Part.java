package org.mingzhang.attribution;

/** Which part of a gift's money a unit or an attribution is: the gift's own money, or its share of a match. */
public enum Part {
    /** The gift's own money (in its own project, or carried into another with leftover). */
    GIFT,
    /** The gift's share of a match booked into a project. */
    MATCH
}
