package org.mingzhang.fund;

/**
 * Where a fund stands in the federation's tree: city → street (town) → community, plus seed funds
 * (种子基金) that the federation holds, either at the top or under a city fund.
 */
public enum FundLevel {
    CITY, STREET, COMMUNITY, SEED;

    /** Whether a fund of this level may hang under a parent of the given level ({@code null}: no parent). */
    public boolean fitsUnder(FundLevel parent) {
        return switch (this) {
            case CITY, SEED -> parent == null || (this == SEED && parent == CITY);
            case STREET -> parent == CITY;
            case COMMUNITY -> parent == STREET;
        };
    }
}
