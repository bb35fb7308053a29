package org.mingzhang.reports.pdf;

import java.util.List;
import java.util.Objects;

/**
 * A grouped vertical bar chart ({@link PdfReport#chart}): per category (a budget line) one bar per series (预算, 实际),
 * amounts in fen, the unit named on the axis ("元"). Every series has one value per category; values may be zero or
 * negative.
 */
public record BarChart(String caption, String unit, List<String> categories, List<Series> series) {

    /** At most this many categories; beyond twelve the chart is drawn as several stacked charts. */
    public static final int MAX_CATEGORIES = 200;
    /** At most this many series: more bars per group could not be told apart. */
    public static final int MAX_SERIES = 6;

    public BarChart {
        unit = unit == null ? "" : unit;
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (categories.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException("at most " + MAX_CATEGORIES + " categories, not " + categories.size());
        }
        if (series.isEmpty() || series.size() > MAX_SERIES) {
            throw new IllegalArgumentException("a chart has 1 to " + MAX_SERIES + " series, not " + series.size());
        }
        for (Series s : series) {
            if (s.valuesFen().length != categories.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.valuesFen().length
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    /** One series: its legend name and one amount in fen per category (the array is copied). */
    public record Series(String name, long[] valuesFen) {
        public Series {
            Objects.requireNonNull(name, "name");
            valuesFen = valuesFen.clone();
        }

        @Override
        public long[] valuesFen() {
            return valuesFen.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series s && name.equals(s.name) && java.util.Arrays.equals(valuesFen, s.valuesFen);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + java.util.Arrays.hashCode(valuesFen);
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + java.util.Arrays.toString(valuesFen) + "]";
        }
    }
}
