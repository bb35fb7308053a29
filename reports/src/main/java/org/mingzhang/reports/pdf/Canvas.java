package org.mingzhang.reports.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.mingzhang.reports.pdf.ReportFonts.Face;

/**
 * Drawing on one page's content stream in the few operations the reports use: filled rectangles, lines and text in
 * the document's fonts. It remembers the font and colours last set so that a page of table cells does not repeat them,
 * and rounds coordinates to an eighth of a point, which keeps the streams short and the bytes reproducible.
 */
final class Canvas {

    /** Greys and colours the reports use, as RGB fractions. */
    static final float[] BLACK = {0, 0, 0};
    static final float[] GREY_TEXT = {0.38f, 0.38f, 0.38f};
    static final float[] HEADER_FILL = {0.87f, 0.87f, 0.87f};
    static final float[] TOTAL_FILL = {0.93f, 0.93f, 0.93f};
    static final float[] RULE = {0.45f, 0.45f, 0.45f};

    private final PDPageContentStream stream;
    private final DocumentFonts fonts;
    private PDType0Font currentFont;
    private float currentSizePt = -1;
    private float[] currentFill;
    private float[] currentStroke;
    private float currentLineWidthPt = -1;
    private boolean inText;
    private float lineX;
    private float lineY;

    Canvas(PDPageContentStream stream, DocumentFonts fonts) {
        this.stream = stream;
        this.fonts = fonts;
    }

    DocumentFonts fonts() {
        return fonts;
    }

    void fillRect(float x, float y, float widthPt, float heightPt, float[] rgb) {
        try {
            endText();
            fill(rgb);
            stream.addRect(r(x), r(y), r(widthPt), r(heightPt));
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a rectangle to the current path, to be filled together with others by {@link #fillPath}. */
    void rect(float x, float y, float widthPt, float heightPt) {
        try {
            endText();
            stream.addRect(r(x), r(y), r(widthPt), r(heightPt));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fillPath(float[] rgb) {
        try {
            fill(rgb);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void strokeRect(float x, float y, float widthPt, float heightPt, float lineWidthPt, float[] rgb) {
        try {
            endText();
            stroke(rgb, lineWidthPt);
            stream.addRect(r(x), r(y), r(widthPt), r(heightPt));
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a line to the current path, to be stroked together with others by {@link #strokePath}. */
    void line(float x1, float y1, float x2, float y2) {
        try {
            endText();
            stream.moveTo(r(x1), r(y1));
            stream.lineTo(r(x2), r(y2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void strokePath(float lineWidthPt, float[] rgb) {
        try {
            stroke(rgb, lineWidthPt);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void strokeLine(float x1, float y1, float x2, float y2, float lineWidthPt, float[] rgb) {
        line(x1, y1, x2, y2);
        strokePath(lineWidthPt, rgb);
    }

    /**
     * Draws the text with its baseline at y starting at x, code point by code point in the face, replacing what the
     * face cannot draw ({@link DocumentFonts}). Returns the width drawn in points.
     */
    double text(float x, float baselineY, Face face, float sizePt, float[] rgb, String text) {
        return text(x, baselineY, face, sizePt, rgb, text, 0);
    }

    /** As {@link #text(float, float, Face, float, float[], String)}, turned counter-clockwise by the angle in degrees. */
    double text(float x, float baselineY, Face face, float sizePt, float[] rgb, String text, int rotationDegrees) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            PDType0Font font = fonts.font(face);
            boolean substitute = fonts.hasSubstitute(face);
            StringBuilder run = new StringBuilder(text.length());
            double advanced = 0;
            moveTo(x, baselineY, rotationDegrees);
            fill(rgb);
            font(font, sizePt);
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (fonts.drawable(face, cp)) {
                    run.appendCodePoint(cp);
                } else {
                    fonts.warnReplaced(cp);
                    if (substitute) {
                        run.appendCodePoint(DocumentFonts.SUBSTITUTE);
                    } else {
                        // No □ in the face: draw an empty box in the glyph's place and go on after it.
                        if (!run.isEmpty()) {
                            stream.showText(run.toString());
                            run.setLength(0);
                        }
                        double boxX = x + advanced;
                        strokeRect((float) boxX + sizePt * 0.1f, baselineY - sizePt * 0.1f, sizePt * 0.8f,
                                sizePt * 0.85f, 0.5f, rgb);
                        moveTo((float) (boxX + sizePt), baselineY, rotationDegrees);
                        font(font, sizePt);
                    }
                }
                advanced += fonts.advancePt(face, sizePt, cp);
            }
            if (!run.isEmpty()) {
                stream.showText(run.toString());
            }
            if (rotationDegrees != 0) {
                // The next text starts from a plain text matrix again.
                endText();
            }
            return advanced;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves the text line origin to (x, y), inside one text object for as long as only text is drawn: a page of table
     * cells becomes one BT … ET with relative moves, which repeat from row to row and compress well.
     */
    private void moveTo(float x, float y, int rotationDegrees) throws IOException {
        float rx = r(x);
        float ry = r(y);
        if (rotationDegrees != 0) {
            endText();
            stream.beginText();
            inText = true;
            stream.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(rotationDegrees), rx, ry));
            return;
        }
        if (!inText) {
            stream.beginText();
            inText = true;
            lineX = 0;
            lineY = 0;
        }
        stream.newLineAtOffset(rx - lineX, ry - lineY);
        lineX = rx;
        lineY = ry;
    }

    private void font(PDType0Font font, float sizePt) throws IOException {
        if (font != currentFont || sizePt != currentSizePt) {
            stream.setFont(font, sizePt);
            currentFont = font;
            currentSizePt = sizePt;
        }
    }

    /** Closes the open text object: paths may not be built inside one. */
    private void endText() throws IOException {
        if (inText) {
            stream.endText();
            inText = false;
        }
    }

    private void fill(float[] rgb) throws IOException {
        if (currentFill != rgb) {
            stream.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            currentFill = rgb;
        }
    }

    private void stroke(float[] rgb, float lineWidthPt) throws IOException {
        if (currentStroke != rgb) {
            stream.setStrokingColor(rgb[0], rgb[1], rgb[2]);
            currentStroke = rgb;
        }
        if (lineWidthPt != currentLineWidthPt) {
            stream.setLineWidth(lineWidthPt);
            currentLineWidthPt = lineWidthPt;
        }
    }

    void close() {
        try {
            endText();
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rounds to an eighth of a point (0.044 mm, finer than any printer): a multiple of 1/8 is exact in binary, so PDFBox
     * writes it in at most three decimals ("755.875", never "755.89001"), which keeps the streams short.
     */
    static float r(float v) {
        return Math.round(v * 8f) / 8f;
    }

    static float r(double v) {
        return r((float) v);
    }
}
