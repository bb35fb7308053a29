package org.mingzhang.reports.pdf;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.mingzhang.reports.pdf.ReportFonts.Face;

/**
 * A flowing A4 portrait document: titles, headings, paragraphs, forms, tables, bar charts, a QR verification block and
 * signature boxes are laid out top to bottom and flow onto new pages; {@link #finish()} stamps "第 n 页 共 N 页" on
 * every page and returns the bytes. Guarantees: all text is drawn in the embedded subsets of Noto Sans SC (a character
 * they lack becomes a visible □ and a warning, never an exception); nothing is drawn outside the margins; the same calls
 * give byte-identical PDFs at any time and in any JVM (no dates from the clock, producer "Mingzhang", the trailer /ID
 * derived from the content); streams and objects are compressed. An instance belongs to one thread and one document.
 */
public final class PdfReport {

    /** At most this many pages: a runaway loop of rows stops here instead of filling the heap. */
    public static final int MAX_PAGES = 2_000;

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN_LEFT_PT = 56;
    static final float MARGIN_RIGHT_PT = 56;
    static final float MARGIN_TOP_PT = 50;
    static final float MARGIN_BOTTOM_PT = 56;
    static final float CONTENT_WIDTH_PT = PAGE.getWidth() - MARGIN_LEFT_PT - MARGIN_RIGHT_PT;
    static final float CONTENT_TOP_PT = PAGE.getHeight() - MARGIN_TOP_PT;
    static final float CONTENT_HEIGHT_PT = CONTENT_TOP_PT - MARGIN_BOTTOM_PT;
    private static final float FOOTER_BASELINE_PT = 30;

    private static final float TITLE_PT = 18;
    private static final float SUBTITLE_PT = 12;
    private static final float HEADING_PT = 12.5f;
    private static final float BODY_PT = 10.5f;
    private static final float BODY_LEADING_PT = 17;
    private static final float NOTE_PT = 8.5f;
    private static final float NOTE_LEADING_PT = 12.5f;
    private static final float FIELD_PT = 10;
    private static final float FIELD_LEADING_PT = 14;
    private static final float FIELD_LABEL_WIDTH_PT = 110;
    private static final float TABLE_PT = 9;
    private static final float TABLE_LEADING_PT = 12;
    private static final float CELL_PAD_X_PT = 4;
    private static final float CELL_PAD_Y_PT = 3.5f;
    private static final float CAPTION_PT = 10.5f;
    private static final float CAPTION_LEADING_PT = 17;
    private static final float FOOTER_PT = 8;
    private static final float BORDER_PT = 0.5f;
    /** A heading stays with at least this much of what follows: three lines of body text. */
    /**
     * What a heading keeps with it on its page: a table's caption, header row and first row, or three lines of text. A
     * heading alone at the foot of a page, its section on the next, is what a reader of a signed report notices first.
     */
    private static final float HEADING_KEEP_PT = 5 * BODY_LEADING_PT;
    private static final float QR_SIDE_PT = 90;
    private static final float VERIFY_PT = 9.5f;
    private static final float VERIFY_LEADING_PT = 15;
    private static final float SIGNATURE_MIN_HEIGHT_PT = 110;
    private static final float SIGNATURE_GAP_PT = 12;
    private static final float SIGNATURE_LABEL_PT = 10.5f;
    private static final float SIGNATURE_TEXT_PT = 10;
    private static final float SIGNATURE_BLANK_LEADING_PT = 22;
    /** Room left in a signature box between its text and its blanks for a hand signature or a seal (about 4 cm round). */
    private static final float SIGNATURE_ROOM_PT = 34;
    /** The placeholder the trailer /ID holds while the document is saved, before the content's hash replaces it. */
    private static final byte[] ID_PLACEHOLDER = "MZ\u0000ID\u0000PLACEHOLDER".getBytes(StandardCharsets.ISO_8859_1);

    private final DocumentInfo info;
    private final PDDocument document;
    private final DocumentFonts fonts;
    private Canvas canvas;
    /** The top of the free space on the current page, in PDF coordinates (points from the bottom edge). */
    private float y;
    private boolean pageHasContent;
    private boolean finished;
    /** The heights of the rules between the rows of the table part on this page, stroked together in endSegment. */
    private final List<Float> segmentRules = new ArrayList<>();

    private PdfReport(DocumentInfo info) {
        this.info = Objects.requireNonNull(info, "info");
        this.document = new PDDocument();
        this.fonts = new DocumentFonts(document, ReportFonts.shared());
        newPage();
    }

    /** A new A4 portrait document with this information; nothing is read from the clock. */
    public static PdfReport a4(DocumentInfo info) {
        return new PdfReport(info);
    }

    // ----------------------------------------------------------------------------------------------------- text

    /** The document's title: large, bold, centred, wrapped over as many lines as it needs. */
    public void title(String text) {
        centred(text, Face.BOLD, TITLE_PT, TITLE_PT * 1.45f, Canvas.BLACK);
        y -= 6;
    }

    /** A line under the title: regular, smaller, centred. */
    public void subtitle(String text) {
        centred(text, Face.REGULAR, SUBTITLE_PT, SUBTITLE_PT * 1.6f, Canvas.BLACK);
        y -= 8;
    }

    /** A section heading in bold; it moves to the next page unless three lines of what follows fit under it. */
    public void heading(String text) {
        List<String> lines = fonts.breaker(Face.BOLD, HEADING_PT).lines(text, CONTENT_WIDTH_PT);
        float leading = HEADING_PT * 1.6f;
        float before = pageHasContent ? 8 : 0;
        ensure(before + lines.size() * leading + 4 + HEADING_KEEP_PT);
        y -= before;
        for (String line : lines) {
            drawLine(line, MARGIN_LEFT_PT, leading, Face.BOLD, HEADING_PT, Canvas.BLACK);
        }
        y -= 4;
    }

    /**
     * Body text wrapped to the width with the Chinese line-breaking rules; each '\n' starts a new line, and the text
     * flows onto further pages. Start it with two ideographic spaces ("\u3000\u3000") for the customary indent.
     */
    public void paragraph(String text) {
        flow(text, Face.REGULAR, BODY_PT, BODY_LEADING_PT, Canvas.BLACK);
        y -= 6;
    }

    /** A remark in small grey type. */
    public void note(String text) {
        flow(text, Face.REGULAR, NOTE_PT, NOTE_LEADING_PT, Canvas.GREY_TEXT);
        y -= 4;
    }

    private void flow(String text, Face face, float sizePt, float leadingPt, float[] rgb) {
        for (String line : fonts.breaker(face, sizePt).lines(text, CONTENT_WIDTH_PT)) {
            ensure(leadingPt);
            drawLine(line, MARGIN_LEFT_PT, leadingPt, face, sizePt, rgb);
        }
    }

    private void centred(String text, Face face, float sizePt, float leadingPt, float[] rgb) {
        List<String> lines = fonts.breaker(face, sizePt).lines(text, CONTENT_WIDTH_PT);
        ensure(Math.min(lines.size(), 2) * leadingPt);
        for (String line : lines) {
            ensure(leadingPt);
            float x = MARGIN_LEFT_PT + (float) (CONTENT_WIDTH_PT - fonts.widthPt(face, sizePt, line)) / 2;
            drawLine(line, x, leadingPt, face, sizePt, rgb);
        }
    }

    /** Draws one line in a line box of the leading's height at the cursor and moves the cursor under it. */
    private void drawLine(String line, float x, float leadingPt, Face face, float sizePt, float[] rgb) {
        canvas.text(x, baseline(y, leadingPt, sizePt), face, sizePt, rgb, line);
        y -= leadingPt;
        pageHasContent = true;
    }

    /**
     * The baseline that centres CJK ideographs (which sit from about -0.12 em to 0.88 em) in a line box whose top is at
     * {@code top}.
     */
    static float baseline(float top, float leadingPt, float sizePt) {
        return top - (leadingPt - sizePt) / 2 - sizePt * 0.88f;
    }

    // ----------------------------------------------------------------------------------------------------- forms

    /** A bordered two-column form: the label bold on a shaded ground in a fixed-width column, the value wrapped. */
    public void fields(List<Field> rows) {
        float[] widths = {FIELD_LABEL_WIDTH_PT, CONTENT_WIDTH_PT - FIELD_LABEL_WIDTH_PT};
        Face[] faces = {Face.BOLD, Face.REGULAR};
        boolean[] shaded = {true, false};
        Table.Align[] aligns = {Table.Align.LEFT, Table.Align.LEFT};
        List<GridRow> grid = new ArrayList<>(rows.size());
        for (Field field : rows) {
            grid.add(gridRow(new String[] {field.label(), field.value()}, widths, faces, shaded, Canvas.HEADER_FILL,
                    aligns, FIELD_PT, FIELD_LEADING_PT));
        }
        grid(widths, null, null, grid);
        y -= 10;
    }

    /**
     * A ruled table: cells wrap in their column, a row is as tall as its tallest cell, and a table running over the page
     * bottom continues on the next page with the header row repeated and "（续）" after its caption. A row is split
     * between pages only when it alone is taller than a page.
     */
    public void table(Table table) {
        int n = table.columns().size();
        float[] widths = columnWidths(table.columns());
        Face[] headerFaces = new Face[n];
        boolean[] headerShaded = new boolean[n];
        Table.Align[] headerAligns = new Table.Align[n];
        Table.Align[] aligns = new Table.Align[n];
        String[] headers = new String[n];
        for (int i = 0; i < n; i++) {
            headerFaces[i] = Face.BOLD;
            headerShaded[i] = true;
            headerAligns[i] = Table.Align.CENTER;
            aligns[i] = table.columns().get(i).align();
            headers[i] = table.columns().get(i).header();
        }
        GridRow header = gridRow(headers, widths, headerFaces, headerShaded, Canvas.HEADER_FILL, headerAligns, TABLE_PT,
                TABLE_LEADING_PT);
        List<GridRow> rows = new ArrayList<>(table.rows().size());
        Face[] plain = new Face[n];
        Face[] bold = new Face[n];
        boolean[] none = new boolean[n];
        boolean[] all = new boolean[n];
        Arrays.fill(plain, Face.REGULAR);
        Arrays.fill(bold, Face.BOLD);
        Arrays.fill(all, true);
        for (Table.Row row : table.rows()) {
            rows.add(gridRow(row.cells().toArray(String[]::new), widths, row.bold() ? bold : plain,
                    row.shaded() ? all : none, Canvas.TOTAL_FILL, aligns, TABLE_PT, TABLE_LEADING_PT));
        }
        grid(widths, table.caption(), header, rows);
        y -= 10;
    }

    private static float[] columnWidths(List<Table.Column> columns) {
        double total = columns.stream().mapToDouble(Table.Column::relativeWidth).sum();
        float[] widths = new float[columns.size()];
        float used = 0;
        for (int i = 0; i < widths.length - 1; i++) {
            widths[i] = Canvas.r(CONTENT_WIDTH_PT * columns.get(i).relativeWidth() / total);
            used += widths[i];
        }
        // The last column takes the rounding, so the table is exactly as wide as the text.
        widths[widths.length - 1] = CONTENT_WIDTH_PT - used;
        return widths;
    }

    /** A row ready to draw: each cell's lines already broken, its height known. */
    private record GridRow(List<List<String>> cellLines, Face[] faces, boolean[] shaded, float[] fill,
                           Table.Align[] aligns, float sizePt, float leadingPt) {

        int lineCount() {
            int max = 1;
            for (List<String> lines : cellLines) {
                max = Math.max(max, lines.size());
            }
            return max;
        }

        float heightPt() {
            return lineCount() * leadingPt + 2 * CELL_PAD_Y_PT;
        }

        /** The first {@code count} lines of every cell, and the rest. */
        GridRow[] split(int count) {
            List<List<String>> head = new ArrayList<>();
            List<List<String>> tail = new ArrayList<>();
            for (List<String> lines : cellLines) {
                head.add(lines.subList(0, Math.min(count, lines.size())));
                tail.add(lines.subList(Math.min(count, lines.size()), lines.size()));
            }
            return new GridRow[] {new GridRow(head, faces, shaded, fill, aligns, sizePt, leadingPt),
                    new GridRow(tail, faces, shaded, fill, aligns, sizePt, leadingPt)};
        }
    }

    private GridRow gridRow(String[] cells, float[] widths, Face[] faces, boolean[] shaded, float[] fill,
                            Table.Align[] aligns, float sizePt, float leadingPt) {
        List<List<String>> cellLines = new ArrayList<>(cells.length);
        for (int i = 0; i < cells.length; i++) {
            cellLines.add(fonts.breaker(faces[i], sizePt).lines(cells[i], widths[i] - 2 * CELL_PAD_X_PT));
        }
        return new GridRow(cellLines, faces, shaded, fill, aligns, sizePt, leadingPt);
    }

    /** Lays out rows under an optional caption and header, page after page; see {@link #table}. */
    private void grid(float[] widths, String caption, GridRow header, List<GridRow> rows) {
        float captionHeight = caption == null ? 0 : CAPTION_LEADING_PT;
        float headerHeight = header == null ? 0 : header.heightPt();
        float firstRow = rows.isEmpty() ? 0 : Math.min(rows.get(0).heightPt(), CONTENT_HEIGHT_PT / 3);
        ensure(captionHeight + headerHeight + firstRow);
        float segmentTop = startSegment(caption, false, header, widths);
        for (int i = 0; i < rows.size(); i++) {
            GridRow row = rows.get(i);
            while (row != null) {
                float available = y - MARGIN_BOTTOM_PT;
                float fresh = CONTENT_HEIGHT_PT - captionHeight - headerHeight;
                if (row.heightPt() <= available + 0.01f) {
                    drawRow(row, widths);
                    row = null;
                } else if (row.heightPt() <= fresh) {
                    segmentTop = nextSegment(segmentTop, widths, caption, header);
                } else {
                    // Taller than a whole page: put as many of its lines here as fit, the rest on the next page.
                    int fit = (int) ((available - 2 * CELL_PAD_Y_PT) / row.leadingPt());
                    if (fit < 1) {
                        segmentTop = nextSegment(segmentTop, widths, caption, header);
                        continue;
                    }
                    GridRow[] parts = row.split(fit);
                    drawRow(parts[0], widths);
                    row = parts[1];
                    segmentTop = nextSegment(segmentTop, widths, caption, header);
                }
            }
        }
        endSegment(segmentTop, widths);
    }

    private float nextSegment(float segmentTop, float[] widths, String caption, GridRow header) {
        endSegment(segmentTop, widths);
        newPage();
        return startSegment(caption, true, header, widths);
    }

    /** Draws the caption (with "（续）" on a continuation) and the header; returns the top of the ruled part. */
    private float startSegment(String caption, boolean continued, GridRow header, float[] widths) {
        if (caption != null) {
            String text = continued ? caption + "（续）" : caption;
            List<String> lines = fonts.breaker(Face.BOLD, CAPTION_PT).lines(text, CONTENT_WIDTH_PT);
            String line = lines.get(0) + (lines.size() > 1 ? "…" : "");
            float x = MARGIN_LEFT_PT + (float) (CONTENT_WIDTH_PT - fonts.widthPt(Face.BOLD, CAPTION_PT, line)) / 2;
            drawLine(line, x, CAPTION_LEADING_PT, Face.BOLD, CAPTION_PT, Canvas.BLACK);
        }
        float top = y;
        segmentRules.clear();
        if (header != null) {
            drawRow(header, widths);
        }
        return top;
    }

    private void drawRow(GridRow row, float[] widths) {
        float height = row.heightPt();
        float x = MARGIN_LEFT_PT;
        for (int c = 0; c < widths.length; c++) {
            if (row.shaded()[c]) {
                canvas.fillRect(x, y - height, widths[c], height, row.fill());
            }
            x += widths[c];
        }
        x = MARGIN_LEFT_PT;
        for (int c = 0; c < widths.length; c++) {
            float lineTop = y - CELL_PAD_Y_PT;
            for (String line : row.cellLines().get(c)) {
                float textX = switch (row.aligns()[c]) {
                    case LEFT -> x + CELL_PAD_X_PT;
                    case RIGHT -> x + widths[c] - CELL_PAD_X_PT
                            - (float) fonts.widthPt(row.faces()[c], row.sizePt(), line);
                    case CENTER -> x + (widths[c] - (float) fonts.widthPt(row.faces()[c], row.sizePt(), line)) / 2;
                };
                canvas.text(textX, baseline(lineTop, row.leadingPt(), row.sizePt()), row.faces()[c], row.sizePt(),
                        Canvas.BLACK, line);
                lineTop -= row.leadingPt();
            }
            x += widths[c];
        }
        // The rule above the row, stroked with the verticals once per page by endSegment: a path may not be open
        // while text is drawn, and one stroke for the page keeps the stream short.
        segmentRules.add(y);
        y -= height;
        pageHasContent = true;
    }

    private void endSegment(float segmentTop, float[] widths) {
        if (segmentTop - y < 0.01f) {
            return;
        }
        for (float ruleY : segmentRules) {
            canvas.line(MARGIN_LEFT_PT, ruleY, MARGIN_LEFT_PT + CONTENT_WIDTH_PT, ruleY);
        }
        segmentRules.clear();
        float x = MARGIN_LEFT_PT;
        canvas.line(x, segmentTop, x, y);
        for (float width : widths) {
            x += width;
            canvas.line(x, segmentTop, x, y);
        }
        canvas.line(MARGIN_LEFT_PT, y, MARGIN_LEFT_PT + CONTENT_WIDTH_PT, y);
        canvas.strokePath(BORDER_PT, Canvas.RULE);
    }

    // ----------------------------------------------------------------------------------------------------- chart

    /**
     * A grouped bar chart drawn as vector paths; more than twelve categories are drawn as several charts stacked, all
     * on one scale. See {@link BarCharts}.
     */
    public void chart(BarChart chart) {
        BarCharts.Layout layout = BarCharts.layout(chart, fonts);
        for (int part = 0; part < layout.parts(); part++) {
            ensure(BarCharts.PART_HEIGHT_PT);
            BarCharts.draw(canvas, layout, part, MARGIN_LEFT_PT, y, CONTENT_WIDTH_PT);
            y -= BarCharts.PART_HEIGHT_PT;
            pageHasContent = true;
        }
        y -= 8;
    }

    // ----------------------------------------------------------------------------------------------------- blocks

    /**
     * A QR code (about 90 pt, vector) with the text lines beside it, kept together on one page: how a reader checks the
     * printed document against the ledger.
     */
    public void verification(String qrText, List<String> lines) {
        ByteMatrix matrix = QrCode.matrix(qrText);
        float textX = MARGIN_LEFT_PT + QR_SIDE_PT + 14;
        float textWidth = MARGIN_LEFT_PT + CONTENT_WIDTH_PT - textX;
        LineBreaker breaker = fonts.breaker(Face.REGULAR, VERIFY_PT);
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            wrapped.addAll(breaker.lines(line, textWidth));
        }
        float textHeight = wrapped.size() * VERIFY_LEADING_PT;
        float height = Math.max(QR_SIDE_PT, textHeight);
        ensure(Math.min(height, CONTENT_HEIGHT_PT));
        float top = y;
        QrCode.draw(canvas, matrix, MARGIN_LEFT_PT, top - QR_SIDE_PT, QR_SIDE_PT);
        // The text is centred against the code when it is shorter, so the block reads as one.
        float lineTop = top - Math.max(0, (QR_SIDE_PT - textHeight) / 2);
        for (String line : wrapped) {
            if (lineTop - VERIFY_LEADING_PT < MARGIN_BOTTOM_PT) {
                break;
            }
            canvas.text(textX, baseline(lineTop, VERIFY_LEADING_PT, VERIFY_PT), Face.REGULAR, VERIFY_PT, Canvas.BLACK,
                    line);
            lineTop -= VERIFY_LEADING_PT;
        }
        y = top - height - 10;
        pageHasContent = true;
    }

    /**
     * Signature boxes two to a row, each with its bold label, any pre-filled text, room for a hand signature and a round
     * seal, and the blanks at its foot; the whole block is kept on one page when it fits on one.
     */
    public void signatures(List<SignatureBox> boxes) {
        float boxWidth = (CONTENT_WIDTH_PT - SIGNATURE_GAP_PT) / 2;
        List<float[]> rowHeights = signatureRows(boxes, boxWidth);
        float total = signaturesHeightPt(boxes);
        if (total <= CONTENT_HEIGHT_PT) {
            ensure(total);
        }
        for (int r = 0; r < rowHeights.size(); r++) {
            float h = rowHeights.get(r)[0];
            if (r > 0) {
                y -= SIGNATURE_GAP_PT;
            }
            ensure(h);
            for (int c = 0; c < 2 && 2 * r + c < boxes.size(); c++) {
                drawSignature(boxes.get(2 * r + c), MARGIN_LEFT_PT + c * (boxWidth + SIGNATURE_GAP_PT), y, boxWidth, h);
            }
            y -= h;
            pageHasContent = true;
        }
        y -= 10;
    }

    /** How tall {@link #signatures} draws these boxes, for a caller that keeps a heading with them ({@link #keep}). */
    public float signaturesHeightPt(List<SignatureBox> boxes) {
        float total = 0;
        List<float[]> rows = signatureRows(boxes, (CONTENT_WIDTH_PT - SIGNATURE_GAP_PT) / 2);
        for (int r = 0; r < rows.size(); r++) {
            total += rows.get(r)[0] + (r == 0 ? 0 : SIGNATURE_GAP_PT);
        }
        return total;
    }

    /** Each row's height: two boxes side by side, as tall as the taller. */
    private List<float[]> signatureRows(List<SignatureBox> boxes, float boxWidth) {
        List<float[]> rowHeights = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i += 2) {
            float h = signatureHeight(boxes.get(i), boxWidth);
            if (i + 1 < boxes.size()) {
                h = Math.max(h, signatureHeight(boxes.get(i + 1), boxWidth));
            }
            rowHeights.add(new float[] {h});
        }
        return rowHeights;
    }

    private List<String> prefilledLines(SignatureBox box, float boxWidth) {
        if (box.prefilled() == null || box.prefilled().isEmpty()) {
            return List.of();
        }
        return fonts.breaker(Face.REGULAR, SIGNATURE_TEXT_PT).lines(box.prefilled(), boxWidth - 2 * 8);
    }

    private float signatureHeight(SignatureBox box, float boxWidth) {
        float needed = 8 + SIGNATURE_LABEL_PT * 1.6f + prefilledLines(box, boxWidth).size() * SIGNATURE_TEXT_PT * 1.5f
                + SIGNATURE_ROOM_PT + box.blanks().size() * SIGNATURE_BLANK_LEADING_PT + 4;
        return Math.min(Math.max(SIGNATURE_MIN_HEIGHT_PT, needed), CONTENT_HEIGHT_PT);
    }

    private void drawSignature(SignatureBox box, float x, float top, float width, float height) {
        canvas.strokeRect(x, top - height, width, height, BORDER_PT, Canvas.RULE);
        float pad = 8;
        float lineTop = top - 6;
        float labelLeading = SIGNATURE_LABEL_PT * 1.6f;
        canvas.text(x + pad, baseline(lineTop, labelLeading, SIGNATURE_LABEL_PT), Face.BOLD, SIGNATURE_LABEL_PT,
                Canvas.BLACK, fit(box.label(), Face.BOLD, SIGNATURE_LABEL_PT, width - 2 * pad));
        lineTop -= labelLeading;
        float textLeading = SIGNATURE_TEXT_PT * 1.5f;
        for (String line : prefilledLines(box, width)) {
            canvas.text(x + pad, baseline(lineTop, textLeading, SIGNATURE_TEXT_PT), Face.REGULAR, SIGNATURE_TEXT_PT,
                    Canvas.BLACK, line);
            lineTop -= textLeading;
        }
        float blankTop = top - height + 4 + box.blanks().size() * SIGNATURE_BLANK_LEADING_PT;
        List<float[]> rules = new ArrayList<>();
        for (String blank : box.blanks()) {
            drawBlank(blank, x + pad, baseline(blankTop, SIGNATURE_BLANK_LEADING_PT, SIGNATURE_TEXT_PT),
                    x + width - pad, rules);
            blankTop -= SIGNATURE_BLANK_LEADING_PT;
        }
        // The rules are stroked after the text: a path may not be open while text is drawn.
        for (float[] rule : rules) {
            canvas.line(rule[0], rule[1], rule[2], rule[1]);
        }
        if (!rules.isEmpty()) {
            canvas.strokePath(BORDER_PT, Canvas.BLACK);
        }
    }

    /** Draws a blank: text with each '_' as a ruled gap of half an em, or a rule to the right edge when it has none. */
    private void drawBlank(String blank, float x, float baselineY, float rightX, List<float[]> rules) {
        float gapPt = SIGNATURE_TEXT_PT / 2;
        float ruleY = baselineY - 2;
        float pen = x;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= blank.length(); i++) {
            boolean end = i == blank.length();
            if (!end && blank.charAt(i) != '_') {
                run.append(blank.charAt(i));
                continue;
            }
            if (!run.isEmpty()) {
                pen += (float) canvas.text(pen, baselineY, Face.REGULAR, SIGNATURE_TEXT_PT, Canvas.BLACK,
                        run.toString());
                run.setLength(0);
            }
            if (!end) {
                int start = i;
                while (i < blank.length() && blank.charAt(i) == '_') {
                    i++;
                }
                float rule = Math.min((i - start) * gapPt, rightX - pen);
                rules.add(new float[] {pen + 1, ruleY, pen + rule - 1});
                pen += rule;
                i--;
            }
        }
        if (blank.indexOf('_') < 0 && rightX - pen > 4) {
            rules.add(new float[] {pen + 1, ruleY, rightX});
        }
    }

    /** The text cut with "…" to fit the width. */
    private String fit(String text, Face face, float sizePt, float widthPt) {
        if (fonts.widthPt(face, sizePt, text) <= widthPt) {
            return text;
        }
        double ellipsis = fonts.advancePt(face, sizePt, '…');
        StringBuilder out = new StringBuilder();
        double used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            double w = fonts.advancePt(face, sizePt, cp);
            if (used + w + ellipsis > widthPt) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    // ----------------------------------------------------------------------------------------------------- flow

    /** Vertical space; at the foot of a page it does not carry over to the next. */
    public void spacer(float heightPt) {
        if (!(heightPt >= 0) || heightPt > CONTENT_HEIGHT_PT) {
            throw new IllegalArgumentException("spacer height must be 0 to " + CONTENT_HEIGHT_PT + " pt: " + heightPt);
        }
        y = Math.max(MARGIN_BOTTOM_PT, y - heightPt);
    }

    /** Starts a new page, unless the current one is still empty. */
    public void pageBreak() {
        if (pageHasContent) {
            newPage();
        }
    }

    /**
     * Starts a new page unless {@code heightPt} still fits on this one: for a block of several parts (a heading and the
     * verification block under it) that must not be parted.
     */
    public void keep(float heightPt) {
        ensure(Math.min(heightPt, CONTENT_HEIGHT_PT));
    }

    /** The height of {@link #verification}'s QR code, for a caller that keeps a heading with it ({@link #keep}). */
    public static float verificationHeightPt() {
        return QR_SIDE_PT + 10;
    }

    /** Moves to a new page unless the height fits above the bottom margin (or the page is still empty). */
    private void ensure(float heightPt) {
        if (y - heightPt < MARGIN_BOTTOM_PT - 0.01f && pageHasContent) {
            newPage();
        }
    }

    private void newPage() {
        if (finished) {
            throw new IllegalStateException("the document is finished");
        }
        if (document.getNumberOfPages() >= MAX_PAGES) {
            throw new IllegalStateException("a report has at most " + MAX_PAGES + " pages");
        }
        if (canvas != null) {
            canvas.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        try {
            canvas = new Canvas(new PDPageContentStream(document, page), fonts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = CONTENT_TOP_PT;
        pageHasContent = false;
    }

    // ----------------------------------------------------------------------------------------------------- finish

    /**
     * Stamps every page's footer (the document number left, "第 n 页 共 N 页" centred, the title right, small and grey),
     * saves with compressed object streams and returns the bytes; the document is closed and this builder is spent.
     */
    public byte[] finish() {
        if (finished) {
            throw new IllegalStateException("the document is finished");
        }
        canvas.close();
        finished = true;
        try (document) {
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                stampFooter(document.getPage(i), i + 1, pages);
            }
            PDDocumentInformation pdfInfo = new PDDocumentInformation();
            pdfInfo.setTitle(info.title());
            pdfInfo.setSubject(info.subject());
            pdfInfo.setKeywords(info.keywords());
            pdfInfo.setProducer("Mingzhang");
            pdfInfo.setCreator("Mingzhang");
            if (info.created() != null) {
                Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ChineseDates.BEIJING));
                created.setTimeInMillis(info.created().toEpochMilli());
                pdfInfo.setCreationDate(created);
            }
            document.setDocumentInformation(pdfInfo);
            COSString placeholder = new COSString(ID_PLACEHOLDER);
            placeholder.setForceHexForm(true);
            COSArray id = new COSArray();
            id.add(placeholder);
            id.add(placeholder);
            document.getDocument().getTrailer().setItem(COSName.ID, id);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out, CompressParameters.DEFAULT_COMPRESSION);
            fonts.release();
            return withContentId(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stampFooter(PDPage page, int number, int pages) throws IOException {
        // No reset of the graphics state is needed (the page's stream uses no q/cm), and asking for one would add a
        // third stream to every page.
        Canvas footer = new Canvas(new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true,
                false), fonts);
        String centre = "第 " + number + " 页 共 " + pages + " 页";
        float centreWidth = (float) fonts.widthPt(Face.REGULAR, FOOTER_PT, centre);
        footer.text(MARGIN_LEFT_PT + (CONTENT_WIDTH_PT - centreWidth) / 2, FOOTER_BASELINE_PT, Face.REGULAR, FOOTER_PT,
                Canvas.GREY_TEXT, centre);
        // Left and right share what the centre leaves, so neither runs into the page number.
        float sideWidth = (CONTENT_WIDTH_PT - centreWidth) / 2 - 12;
        if (info.documentNumber() != null && !info.documentNumber().isEmpty()) {
            footer.text(MARGIN_LEFT_PT, FOOTER_BASELINE_PT, Face.REGULAR, FOOTER_PT, Canvas.GREY_TEXT,
                    fit(info.documentNumber(), Face.REGULAR, FOOTER_PT, sideWidth));
        }
        String title = fit(info.title(), Face.REGULAR, FOOTER_PT, sideWidth);
        footer.text(MARGIN_LEFT_PT + CONTENT_WIDTH_PT - (float) fonts.widthPt(Face.REGULAR, FOOTER_PT, title),
                FOOTER_BASELINE_PT, Face.REGULAR, FOOTER_PT, Canvas.GREY_TEXT, title);
        footer.strokeLine(MARGIN_LEFT_PT, FOOTER_BASELINE_PT + 11, MARGIN_LEFT_PT + CONTENT_WIDTH_PT,
                FOOTER_BASELINE_PT + 11, 0.3f, Canvas.RULE);
        footer.close();
    }

    /**
     * Replaces the placeholder /ID with the first 16 bytes of the SHA-256 of the saved file (placeholder included): the
     * ID then identifies the content, as the PDF specification intends, without a clock or a second save.
     */
    private static byte[] withContentId(byte[] pdf) {
        byte[] hex = HexFormat.of().withUpperCase().formatHex(ID_PLACEHOLDER).getBytes(StandardCharsets.US_ASCII);
        List<Integer> at = new ArrayList<>(2);
        for (int i = indexOf(pdf, hex, 0); i >= 0; i = indexOf(pdf, hex, i + hex.length)) {
            at.add(i);
        }
        if (at.size() != 2) {
            throw new IllegalStateException("expected the /ID placeholder twice in the saved PDF, found " + at.size());
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(pdf);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        byte[] idHex = HexFormat.of().withUpperCase().formatHex(digest, 0, 16).getBytes(StandardCharsets.US_ASCII);
        for (int i : at) {
            System.arraycopy(idHex, 0, pdf, i, idHex.length);
        }
        return pdf;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
