package org.mingzhang.gift;

/** What a gift in kind is, how much of it, and how its value was set (the gift's amount is that value). */
public record InKind(String description, String quantity, String valuationBasis) {

    public static final int FIELD_LENGTH_MAX = 500;

    public InKind {
        for (String field : new String[] {description, quantity, valuationBasis}) {
            if (field == null || field.isBlank() || field.length() > FIELD_LENGTH_MAX) {
                throw new IllegalArgumentException("a gift in kind has a description, a quantity and a valuation basis of 1 to "
                        + FIELD_LENGTH_MAX + " characters each");
            }
        }
    }
}
