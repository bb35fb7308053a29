package org.mingzhang.register;

import java.util.List;

/**
 * What one IN entry of the memorandum register received, with every OUT entry that handed some of it out, oldest
 * first, and what is left. The constructor checks that the issues are this entry's and that they never hand out more
 * than it received: the pair of the writer's own check, made again whenever the register is read back.
 *
 * @param remainingQuantity the entry's quantity less every issue's, never negative
 */
public record GoodsLot(GoodsEntry entry, List<GoodsEntry> issues, long remainingQuantity) {

    public GoodsLot {
        issues = List.copyOf(issues);
        if (entry.direction() != GoodsDirection.IN) {
            throw new IllegalArgumentException("goods register entry " + entry.id() + " is an OUT entry, not a lot");
        }
        long left = entry.quantity();
        long previousId = entry.id();
        for (GoodsEntry issue : issues) {
            if (issue.direction() != GoodsDirection.OUT || issue.inEntryId() != entry.id() || issue.id() <= previousId
                    || issue.fundId() != entry.fundId() || !issue.unit().equals(entry.unit())
                    || !issue.description().equals(entry.description())) {
                throw new IllegalStateException("goods register entry " + issue.id() + " is listed as an issue of entry "
                        + entry.id() + " but is " + issue.direction() + " of entry " + issue.inEntryId()
                        + " (or out of order, of another fund, or of other goods)");
            }
            left -= issue.quantity();
            previousId = issue.id();
        }
        if (left < 0) {
            throw new IllegalStateException("goods register entry " + entry.id() + " received " + entry.quantity() + " "
                    + entry.unit() + " and its issues hand out " + (entry.quantity() - left) + ": the register is corrupt");
        }
        if (left != remainingQuantity) {
            throw new IllegalArgumentException("goods register entry " + entry.id() + " has " + left + " " + entry.unit()
                    + " left, not " + remainingQuantity);
        }
    }

    /** The lot as its entries say: what is left is worked out, and checked. */
    public static GoodsLot of(GoodsEntry entry, List<GoodsEntry> issues) {
        return new GoodsLot(entry, issues, entry.quantity() - issues.stream().mapToLong(GoodsEntry::quantity).sum());
    }

    public long issuedQuantity() {
        return entry.quantity() - remainingQuantity;
    }

    /** What was left of the lot right after this issue of it: the same answer however many issues follow. */
    public long remainingAfter(GoodsEntry issue) {
        long left = entry.quantity();
        for (GoodsEntry i : issues) {
            left -= i.quantity();
            if (i.id() == issue.id()) {
                return left;
            }
        }
        throw new IllegalArgumentException("goods register entry " + issue.id() + " is not an issue of entry " + entry.id());
    }
}
