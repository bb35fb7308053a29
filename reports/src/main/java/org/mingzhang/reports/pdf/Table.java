package org.mingzhang.reports.pdf;

import java.util.List;
import java.util.Objects;

/**
 * A ruled table ({@link PdfReport#table}): columns with a header, a relative width and an alignment; rows of cells
 * (each row exactly as many cells as there are columns); an optional caption (null for none). Cells wrap inside their
 * column; across pages the header row is repeated and the caption gets "（续）".
 */
public record Table(String caption, List<Column> columns, List<Row> rows) {

    /** At most this many columns: beyond it an A4 column is too narrow for a number. */
    public static final int MAX_COLUMNS = 16;

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("a table has 1 to " + MAX_COLUMNS + " columns, not " + columns.size());
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).cells().size() != columns.size()) {
                throw new IllegalArgumentException("row " + i + " has " + rows.get(i).cells().size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }

    /** A table without a caption. */
    public Table(List<Column> columns, List<Row> rows) {
        this(null, columns, rows);
    }

    /** How a column's cells (and its header) sit in their column: amounts are {@link #RIGHT}. */
    public enum Align { LEFT, RIGHT, CENTER }

    /** A column: its header, its width relative to the other columns' (any positive scale), its alignment. */
    public record Column(String header, double relativeWidth, Align align) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(align, "align");
            if (!(relativeWidth > 0) || Double.isInfinite(relativeWidth)) {
                throw new IllegalArgumentException("relative width must be positive: " + relativeWidth);
            }
        }
    }

    /** A row of cells (null cells print as empty); bold and shaded together mark a total. */
    public record Row(List<String> cells, boolean bold, boolean shaded) {
        public Row {
            cells = cells.stream().map(c -> c == null ? "" : c).toList();
        }

        /** A plain row. */
        public static Row of(String... cells) {
            return new Row(List.of(cells), false, false);
        }

        /** A total row: bold on a shaded ground. */
        public static Row total(String... cells) {
            return new Row(List.of(cells), true, true);
        }
    }
}
