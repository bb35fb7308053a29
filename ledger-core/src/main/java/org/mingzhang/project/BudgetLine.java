package org.mingzhang.project;

/** One line of a project's budget (预算): what the money is for and how much. */
public record BudgetLine(int lineNo, String item, long amountFen, String note) {

    public BudgetLine {
        if (item == null || item.isBlank()) {
            throw new IllegalArgumentException("budget line " + lineNo + " needs an item");
        }
        if (amountFen <= 0) {
            throw new IllegalArgumentException("budget line " + lineNo + " needs a positive amount: " + amountFen);
        }
    }
}
