package org.mingzhang.reports.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.mingzhang.reports.pdf.ReportFonts.Face;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document's embedded fonts and the decision, per code point, whether it is drawn or replaced: a code point the
 * face has no glyph for, a control character or an unassigned one is drawn as the visible substitute □ (or, if a face
 * lacked □, as a drawn empty box of the same width) and logged once per document, so no text can make PDFBox throw
 * "No glyph for U+…".
 */
final class DocumentFonts {

    private static final Logger LOG = LoggerFactory.getLogger(PdfReport.class);

    /** WHITE SQUARE, the visible stand-in for a character the fonts cannot draw. */
    static final int SUBSTITUTE = 0x25A1;

    private final ReportFonts fonts;
    private final TrueTypeFont regularFont;
    private final TrueTypeFont boldFont;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Set<Integer> warned = new HashSet<>();

    DocumentFonts(PDDocument document, ReportFonts fonts) {
        this.fonts = fonts;
        this.regularFont = fonts.borrow(Face.REGULAR);
        this.boldFont = fonts.borrow(Face.BOLD);
        try {
            this.regular = PDType0Font.load(document, regularFont, true);
            this.bold = PDType0Font.load(document, boldFont, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed the report fonts", e);
        }
    }

    /** Gives the parsed fonts back for the next document; called once the document is saved, and only then. */
    void release() {
        fonts.giveBack(Face.REGULAR, regularFont);
        fonts.giveBack(Face.BOLD, boldFont);
    }

    PDType0Font font(Face face) {
        return face == Face.BOLD ? bold : regular;
    }

    /** Whether the face draws this code point itself. */
    boolean drawable(Face face, int codePoint) {
        if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint)) {
            return false;
        }
        int type = Character.getType(codePoint);
        if (type == Character.SURROGATE || type == Character.PRIVATE_USE) {
            return false;
        }
        return fonts.has(face, codePoint);
    }

    /** Whether the face has □ to stand in for what it cannot draw. */
    boolean hasSubstitute(Face face) {
        return fonts.has(face, SUBSTITUTE);
    }

    /** The advance of a code point in points at the given size, the substitute's (or one em) when it is replaced. */
    double advancePt(Face face, float sizePt, int codePoint) {
        if (drawable(face, codePoint)) {
            return fonts.advancePerPt(face, codePoint) * sizePt;
        }
        return hasSubstitute(face) ? fonts.advancePerPt(face, SUBSTITUTE) * sizePt : sizePt;
    }

    double widthPt(Face face, float sizePt, CharSequence text) {
        double width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            width += advancePt(face, sizePt, cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    LineBreaker breaker(Face face, float sizePt) {
        return new LineBreaker(cp -> advancePt(face, sizePt, cp));
    }

    /** Logs a replaced code point the first time this document meets it. */
    void warnReplaced(int codePoint) {
        if (warned.add(codePoint)) {
            LOG.warn("PDF text has a character the report fonts cannot draw, U+{} ({}); drawn as \u25A1 instead",
                    String.format("%04X", codePoint), Character.getName(codePoint) == null ? "unassigned"
                            : Character.getName(codePoint));
        }
    }
}
