package org.mingzhang.reports.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.mingzhang.reports.pdf.ReportFonts.Face;

/**
 * Draws a {@link BarChart} as vector paths: a y axis with four to six "nice" gridlines, one group of bars per category,
 * the value over (or, when negative, under) each bar, the category under each group in at most two lines, a legend.
 * More than {@link #MAX_CATEGORIES_PER_PART} categories are drawn as several parts of {@link #PART_HEIGHT_PT} each,
 * stacked and on one scale, so a hundred budget lines still read.
 *
 * <p>Why not JFreeChart with pdfbox-graphics2d: that is one more pair of dependencies and an AWT font mapping of a
 * 10 MB CJK font for a two-series bar chart. Drawing the rectangles and lines directly gives exact control of the
 * layout, the same bytes every run, and a few kilobytes per chart.
 */
final class BarCharts {

    /** Beyond this many categories a chart is split into stacked parts. */
    static final int MAX_CATEGORIES_PER_PART = 12;
    /** The fixed height of one part: caption, legend, plot, category labels. */
    static final float PART_HEIGHT_PT = 210;

    private static final float CAPTION_PT = 10.5f;
    private static final float CAPTION_LEADING_PT = 17;
    private static final float LEGEND_PT = 8;
    private static final float LEGEND_LEADING_PT = 14;
    private static final float AXIS_PT = 7.5f;
    private static final float VALUE_PT = 6.5f;
    private static final float CATEGORY_PT = 7.5f;
    private static final float CATEGORY_LEADING_PT = 9.5f;
    private static final float CATEGORY_BAND_PT = 2 * CATEGORY_LEADING_PT + 4;
    private static final float PLOT_HEIGHT_PT = PART_HEIGHT_PT - CAPTION_LEADING_PT - LEGEND_LEADING_PT
            - CATEGORY_BAND_PT - 6;
    /** Amounts from 10万元 up are written in 万元 on the axis, so its labels stay short. */
    private static final long WAN_FROM_FEN = 10_000_000L;
    private static final long FEN_PER_WAN = 1_000_000L;
    /** Magnitudes beyond this (10^17 fen) are refused: nice steps are computed in longs and must not overflow. */
    private static final long MAX_MAGNITUDE_FEN = 100_000_000_000_000_000L;

    private static final float[][] PALETTE = {
            {0.62f, 0.74f, 0.88f}, {0.16f, 0.35f, 0.60f}, {0.90f, 0.60f, 0.28f},
            {0.42f, 0.64f, 0.38f}, {0.60f, 0.46f, 0.70f}, {0.55f, 0.55f, 0.55f}};
    private static final float[] GRID = {0.82f, 0.82f, 0.82f};
    private static final float[] AXIS = {0.3f, 0.3f, 0.3f};

    private BarCharts() {
    }

    /** The chart's scale and parts, computed once for all parts. */
    record Layout(BarChart chart, long axisMinFen, long axisMaxFen, long stepFen, boolean wan, int[] partStarts,
                  DocumentFonts fonts) {
        int parts() {
            return partStarts.length - 1;
        }
    }

    static Layout layout(BarChart chart, DocumentFonts fonts) {
        long min = 0;
        long max = 0;
        for (BarChart.Series s : chart.series()) {
            for (long v : s.valuesFen()) {
                if (v > MAX_MAGNITUDE_FEN || v < -MAX_MAGNITUDE_FEN) {
                    throw new IllegalArgumentException("chart value out of range: " + v + " fen");
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        // A chart of zeros still gets an axis, of one yuan.
        long step = min == 0 && max == 0 ? 100 : niceStep(min, max);
        long axisMin = Math.floorDiv(min, step) * step;
        long axisMax = Math.max(step, -Math.floorDiv(-max, step) * step);
        boolean wan = Math.max(axisMax, -axisMin) >= WAN_FROM_FEN;
        int n = chart.categories().size();
        int parts = Math.max(1, (n + MAX_CATEGORIES_PER_PART - 1) / MAX_CATEGORIES_PER_PART);
        int[] starts = new int[parts + 1];
        // Balanced parts (13 categories give 7 and 6, not 12 and 1).
        for (int p = 0; p <= parts; p++) {
            starts[p] = (int) ((long) n * p / parts);
        }
        return new Layout(chart, axisMin, axisMax, step, wan, starts, fonts);
    }

    /**
     * The smallest step of 1, 2, 2.5 or 5 times a power of ten that covers the range in at most five intervals, so
     * the axis gets four to six gridline values.
     */
    static long niceStep(long minFen, long maxFen) {
        for (long magnitude = 1; ; magnitude *= 10) {
            long[] candidates = magnitude >= 10
                    ? new long[] {magnitude, 2 * magnitude, magnitude * 25 / 10, 5 * magnitude}
                    : new long[] {magnitude, 2 * magnitude, 5 * magnitude};
            for (long step : candidates) {
                long intervals = -Math.floorDiv(-maxFen, step) - Math.floorDiv(minFen, step);
                if (intervals <= 5 && (step >= 100 || maxFen - minFen < 500)) {
                    return step;
                }
            }
        }
    }

    /** Draws one part with its top-left corner at (x, top). */
    static void draw(Canvas canvas, Layout layout, int part, float x, float top, float widthPt) {
        BarChart chart = layout.chart();
        DocumentFonts fonts = layout.fonts();
        int first = layout.partStarts()[part];
        int end = layout.partStarts()[part + 1];
        int count = end - first;
        int seriesCount = chart.series().size();

        String caption = chart.caption() == null ? "" : chart.caption();
        if (layout.parts() > 1) {
            caption += "（" + (part + 1) + "/" + layout.parts() + "）";
        }
        float captionX = x + (widthPt - (float) fonts.widthPt(Face.BOLD, CAPTION_PT, caption)) / 2;
        canvas.text(captionX, PdfReport.baseline(top, CAPTION_LEADING_PT, CAPTION_PT), Face.BOLD, CAPTION_PT,
                Canvas.BLACK, caption);

        // The unit at the left, the legend at the right, on one line under the caption.
        float legendTop = top - CAPTION_LEADING_PT;
        float legendBaseline = PdfReport.baseline(legendTop, LEGEND_LEADING_PT, LEGEND_PT);
        String unit = "单位：" + (layout.wan() ? "万" : "") + chart.unit();
        canvas.text(x, legendBaseline, Face.REGULAR, LEGEND_PT, Canvas.GREY_TEXT, unit);
        float legendX = x + widthPt;
        for (int s = seriesCount - 1; s >= 0; s--) {
            String name = chart.series().get(s).name();
            legendX -= (float) fonts.widthPt(Face.REGULAR, LEGEND_PT, name);
            canvas.text(legendX, legendBaseline, Face.REGULAR, LEGEND_PT, Canvas.BLACK, name);
            legendX -= 10;
            canvas.fillRect(legendX, legendBaseline - 0.5f, 7, 7, PALETTE[s % PALETTE.length]);
            legendX -= 12;
        }

        // The axis labels set the plot's left edge.
        List<Long> ticks = new ArrayList<>();
        for (long v = layout.axisMinFen(); v <= layout.axisMaxFen(); v += layout.stepFen()) {
            ticks.add(v);
        }
        float labelWidth = 0;
        for (long tick : ticks) {
            labelWidth = Math.max(labelWidth, (float) fonts.widthPt(Face.REGULAR, AXIS_PT, axisLabel(tick, layout)));
        }
        float plotLeft = x + labelWidth + 5;
        float plotWidth = x + widthPt - plotLeft;
        float plotTop = legendTop - LEGEND_LEADING_PT - 2;
        float plotBottom = plotTop - PLOT_HEIGHT_PT;

        // Bars: a group per category, a fifth of its slot left as space between groups.
        float slot = plotWidth / MAX_CATEGORIES_PER_PART;
        if (layout.parts() == 1 && count > 0) {
            slot = plotWidth / Math.max(count, 4);
        }
        float groupLeft = plotLeft + (plotWidth - slot * count) / 2;
        float barWidth = Math.min(26, slot * 0.8f / seriesCount);

        // Value labels lie flat when they fit over their own bar with a point to spare (the bars of a group touch, so
        // a wider label would run into its neighbour's), and stand upright when they do not; room is kept for them
        // above the highest bar (and under the lowest, when some value is negative).
        float widest = 0;
        for (BarChart.Series s : chart.series()) {
            long[] values = s.valuesFen();
            for (int c = first; c < end; c++) {
                widest = Math.max(widest, (float) fonts.widthPt(Face.REGULAR, VALUE_PT, valueLabel(values[c], layout)));
            }
        }
        boolean upright = widest > barWidth - 1;
        float room = upright ? widest + 3 : VALUE_PT + 4;
        float scaleTop = plotTop - room;
        float scaleBottom = layout.axisMinFen() < 0 ? plotBottom + room : plotBottom;
        double ptPerFen = (scaleTop - scaleBottom) / (double) (layout.axisMaxFen() - layout.axisMinFen());
        float zeroY = (float) (scaleBottom - layout.axisMinFen() * ptPerFen);

        for (long tick : ticks) {
            float ty = (float) (scaleBottom + (tick - layout.axisMinFen()) * ptPerFen);
            if (tick != 0) {
                canvas.line(plotLeft, ty, plotLeft + plotWidth, ty);
            }
        }
        canvas.strokePath(0.3f, GRID);
        for (long tick : ticks) {
            float ty = (float) (scaleBottom + (tick - layout.axisMinFen()) * ptPerFen);
            String label = axisLabel(tick, layout);
            canvas.text(plotLeft - 4 - (float) fonts.widthPt(Face.REGULAR, AXIS_PT, label), ty - AXIS_PT * 0.35f,
                    Face.REGULAR, AXIS_PT, Canvas.GREY_TEXT, label);
        }

        for (int s = 0; s < seriesCount; s++) {
            long[] values = chart.series().get(s).valuesFen();
            boolean any = false;
            for (int c = first; c < end; c++) {
                if (values[c] == 0) {
                    continue;
                }
                float barX = groupLeft + (c - first) * slot + (slot - barWidth * seriesCount) / 2 + s * barWidth;
                float valueY = (float) (zeroY + values[c] * ptPerFen);
                canvas.rect(barX, Math.min(zeroY, valueY), barWidth, Math.abs(valueY - zeroY));
                any = true;
            }
            if (any) {
                canvas.fillPath(PALETTE[s % PALETTE.length]);
            }
        }
        for (int s = 0; s < seriesCount; s++) {
            long[] values = chart.series().get(s).valuesFen();
            for (int c = first; c < end; c++) {
                float barX = groupLeft + (c - first) * slot + (slot - barWidth * seriesCount) / 2 + s * barWidth;
                float valueY = (float) (zeroY + values[c] * ptPerFen);
                String label = valueLabel(values[c], layout);
                float w = (float) fonts.widthPt(Face.REGULAR, VALUE_PT, label);
                if (upright) {
                    float centre = barX + barWidth / 2 + VALUE_PT * 0.35f;
                    float start = values[c] < 0 ? valueY - 2 - w : valueY + 2;
                    canvas.text(centre, start, Face.REGULAR, VALUE_PT, Canvas.BLACK, label, 90);
                } else {
                    float baselineY = values[c] < 0 ? valueY - VALUE_PT - 1 : valueY + 2;
                    canvas.text(barX + (barWidth - w) / 2, baselineY, Face.REGULAR, VALUE_PT, Canvas.BLACK, label);
                }
            }
        }

        // The axes over the bars: the zero line darker than the grid, the y axis at the left.
        canvas.line(plotLeft, zeroY, plotLeft + plotWidth, zeroY);
        canvas.line(plotLeft, scaleBottom, plotLeft, scaleTop);
        canvas.strokePath(0.6f, AXIS);

        LineBreaker breaker = fonts.breaker(Face.REGULAR, CATEGORY_PT);
        float labelTop = plotBottom - 3;
        for (int c = first; c < end; c++) {
            float slotLeft = groupLeft + (c - first) * slot;
            List<String> lines = breaker.lines(chart.categories().get(c), slot - 2);
            List<String> shown = new ArrayList<>(lines.subList(0, Math.min(2, lines.size())));
            if (lines.size() > 2) {
                shown.set(1, ellipsis(fonts, shown.get(1), slot - 2));
            }
            float lineTop = labelTop;
            for (String line : shown) {
                float w = (float) fonts.widthPt(Face.REGULAR, CATEGORY_PT, line);
                canvas.text(slotLeft + (slot - w) / 2, PdfReport.baseline(lineTop, CATEGORY_LEADING_PT, CATEGORY_PT),
                        Face.REGULAR, CATEGORY_PT, Canvas.BLACK, line);
                lineTop -= CATEGORY_LEADING_PT;
            }
        }
    }

    /** The line cut so that it and a following "…" fit the width. */
    private static String ellipsis(DocumentFonts fonts, String line, float widthPt) {
        double dots = fonts.advancePt(Face.REGULAR, CATEGORY_PT, '…');
        int end = line.length();
        while (end > 0 && fonts.widthPt(Face.REGULAR, CATEGORY_PT, line.substring(0, end)) + dots > widthPt) {
            end = line.offsetByCodePoints(end, -1);
        }
        return line.substring(0, end) + "…";
    }

    /** A gridline value: whole yuan when the step is, in 万 with up to two decimals when the axis is in 万元. */
    static String axisLabel(long fen, Layout layout) {
        if (layout.wan()) {
            return wan(fen);
        }
        String yuan = Amounts.yuan(fen);
        return layout.stepFen() % 100 == 0 ? yuan.substring(0, yuan.length() - 3) : yuan;
    }

    /** A bar's value, short: whole yuan (rounded half up), or 万 with two decimals at most when the axis is in 万元. */
    static String valueLabel(long fen, Layout layout) {
        if (layout.wan()) {
            return wan(fen);
        }
        long yuan = BigDecimal.valueOf(fen, 2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        String text = Amounts.yuan(yuan * 100);
        return text.substring(0, text.length() - 3);
    }

    /** Fen in 万 (10,000 yuan) rounded half up to two decimals, trailing zeros dropped: "12.5", "1,200". */
    static String wan(long fen) {
        BigDecimal wan = BigDecimal.valueOf(fen, 0).divide(BigDecimal.valueOf(FEN_PER_WAN)).setScale(2,
                RoundingMode.HALF_UP);
        long hundredths = wan.movePointRight(2).longValueExact();
        String grouped = Amounts.yuan(hundredths);
        String trimmed = grouped.endsWith(".00") ? grouped.substring(0, grouped.length() - 3)
                : grouped.endsWith("0") ? grouped.substring(0, grouped.length() - 1) : grouped;
        return trimmed;
    }
}
