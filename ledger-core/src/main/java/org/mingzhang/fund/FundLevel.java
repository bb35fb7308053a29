package org.mingzhang.fund;

/**
 * Where a fund stands in the federation's tree: city → street (town) → community, plus seed funds
 * (种子基金) that the federation holds, at the top, under a city fund, or under another seed fund (a
 * matching pool is a seed fund under its sponsor). A community fund stands under a street fund, or directly
 * under a city or county fund where the federation has no street funds (as 阳谷's county federation runs).
 */
public enum FundLevel {
    CITY, STREET, COMMUNITY, SEED;

    /** Whether a fund of this level may hang under a parent of the given level ({@code null}: no parent). */
    public boolean fitsUnder(FundLevel parent) {
        return switch (this) {
            case CITY -> parent == null;
            case SEED -> parent == null || parent == CITY || parent == SEED;
            case STREET -> parent == CITY;
            case COMMUNITY -> parent == STREET || parent == CITY;
        };
    }
}
