package org.mingzhang.attribution;

import java.util.List;
import org.mingzhang.journal.BatchRecord;

/**
 * What one batch changed of the attribution: the units it touched, as they now stand (written over what is there), and
 * the outflows it attributed (added, never changed).
 */
public record AttributionSaved(List<Unit> units, List<Outflow> outflows) implements BatchRecord {

    public AttributionSaved {
        units = List.copyOf(units);
        outflows = List.copyOf(outflows);
    }

    @Override
    public <R> R accept(BatchRecord.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
