package org.mingzhang.reports.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The reports' two fonts, Noto Sans SC Regular and Bold, read from the classpath once per process: their bytes and an
 * immutable table of each mapped code point's advance width, safe to share between threads; each document embeds them
 * as subsets of its own ({@link #embed}).
 *
 * <p>Why a parsed {@link TrueTypeFont} is never used by two documents at once: in PDFBox 3.0.8 a {@code TrueTypeFont}
 * reads its tables lazily through one positioned data stream, and nothing in it is documented as thread-safe; two
 * documents rendered from two HTTP threads must not share one. Parsing the two 10 MB fonts for every document costs a
 * few hundred milliseconds, though, so parsed fonts are lent: a document borrows one per face from a small pool
 * (parsing a new one when the pool is empty, so threads never wait on each other), uses it alone, and gives it back
 * when it is saved. A font is reusable because PDFBox only reads it (the {@code ttf.close()} that
 * {@code TrueTypeEmbedder.subset()} calls is a no-op for a font parsed from memory) and because glyph substitution is
 * switched off. The hand-over through a concurrent queue orders one document's use before the next's. In steady state
 * the fonts are parsed once per concurrently rendering document, not once per document.
 */
public final class ReportFonts {

    private static final String REGULAR_RESOURCE = "/org/mingzhang/reports/fonts/NotoSansSC_400Regular.ttf";
    private static final String BOLD_RESOURCE = "/org/mingzhang/reports/fonts/NotoSansSC_700Bold.ttf";

    /** Refuses a font resource larger than this: the committed fonts are about 10.5 MB each. */
    private static final int MAX_FONT_BYTES = 64 * 1024 * 1024;

    /** The face of a font: the body face or the bold one for titles, headings, labels and totals. */
    public enum Face { REGULAR, BOLD }

    /** Parsed fonts kept for reuse, per face: each about 20 MB of heap, so few are kept. */
    static final int MAX_POOLED_PER_FACE = 4;

    private final Metrics regular;
    private final Metrics bold;
    private final java.util.concurrent.ConcurrentLinkedQueue<TrueTypeFont> regularPool =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<TrueTypeFont> boldPool =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private ReportFonts(Metrics regular, Metrics bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Holder idiom: the JVM initialises the fonts on first use, exactly once, and publishes them safely. */
    private static final class Holder {
        static final ReportFonts SHARED = new ReportFonts(Metrics.load(REGULAR_RESOURCE), Metrics.load(BOLD_RESOURCE));
    }

    /** The process's fonts, read and measured on the first call. */
    public static ReportFonts shared() {
        return Holder.SHARED;
    }

    /** Whether the regular face has a glyph for this code point (the bold face covers the same set in Noto Sans SC). */
    public boolean has(int codePoint) {
        return regular.has(codePoint);
    }

    /** Whether the given face has a glyph for this code point. */
    public boolean has(Face face, int codePoint) {
        return metrics(face).has(codePoint);
    }

    /**
     * The advance of a code point in the given face at one point of type size, in points (thousandths of the em
     * divided by a thousand); {@code -1} when the face has no glyph for it.
     */
    public double advancePerPt(Face face, int codePoint) {
        Metrics m = metrics(face);
        int units = m.advanceUnits(codePoint);
        return units < 0 ? -1 : (double) units / m.unitsPerEm;
    }

    /**
     * Embeds the face into the document as a subset (only the glyphs the document shows are written when it is saved),
     * from a font parsed for this document alone.
     */
    public PDType0Font embed(PDDocument document, Face face) {
        try {
            return PDType0Font.load(document, parse(face), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed " + metrics(face).resource, e);
        }
    }

    /** A parsed font of the face for one document's use alone: from the pool, or freshly parsed. */
    TrueTypeFont borrow(Face face) {
        TrueTypeFont pooled = pool(face).poll();
        return pooled != null ? pooled : parse(face);
    }

    /** Returns a borrowed font after its document was saved; beyond the pool's limit it is left to the collector. */
    void giveBack(Face face, TrueTypeFont font) {
        java.util.Queue<TrueTypeFont> pool = pool(face);
        // The size check and the offer are not atomic: the pool may briefly hold a font or two more than the limit.
        if (pool.size() < MAX_POOLED_PER_FACE) {
            pool.offer(font);
        }
    }

    private java.util.Queue<TrueTypeFont> pool(Face face) {
        return face == Face.BOLD ? boldPool : regularPool;
    }

    private TrueTypeFont parse(Face face) {
        Metrics m = metrics(face);
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(m.bytes));
            // No glyph substitution: PDFBox would otherwise apply the font's Latin ligatures through a regex built
            // for every string shown (seconds for a long table), the drawn widths would stop matching the advances
            // the layout measured, and a pooled font would carry substitution state from one document to the next.
            ttf.setEnableGsub(false);
            return ttf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + m.resource, e);
        }
    }

    private Metrics metrics(Face face) {
        return face == Face.BOLD ? bold : regular;
    }

    /**
     * A font's bytes and advance widths. Basic Multilingual Plane code points are looked up in a flat array (128 KB),
     * the few supplementary ones in a map; both are filled before the object is published and never change.
     */
    private static final class Metrics {
        private static final short MISSING = -1;

        final String resource;
        final byte[] bytes;
        final int unitsPerEm;
        private final short[] bmpAdvanceUnits;
        private final Map<Integer, Short> supplementaryAdvanceUnits;

        private Metrics(String resource, byte[] bytes, int unitsPerEm, short[] bmp, Map<Integer, Short> supplementary) {
            this.resource = resource;
            this.bytes = bytes;
            this.unitsPerEm = unitsPerEm;
            this.bmpAdvanceUnits = bmp;
            this.supplementaryAdvanceUnits = supplementary;
        }

        static Metrics load(String resource) {
            byte[] bytes;
            try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("font resource missing from the classpath: " + resource);
                }
                bytes = in.readNBytes(MAX_FONT_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
            if (bytes.length > MAX_FONT_BYTES) {
                throw new IllegalStateException("font resource larger than " + MAX_FONT_BYTES + " bytes: " + resource);
            }
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
                CmapLookup cmap = ttf.getUnicodeCmapLookup();
                short[] bmp = new short[0x10000];
                java.util.Arrays.fill(bmp, MISSING);
                Map<Integer, Short> supplementary = new HashMap<>();
                int glyphs = ttf.getNumberOfGlyphs();
                // Glyph 0 is .notdef: a code point mapped to it has no glyph.
                for (int gid = 1; gid < glyphs; gid++) {
                    List<Integer> codePoints = cmap.getCharCodes(gid);
                    if (codePoints == null) {
                        continue;
                    }
                    short advance = (short) Math.min(Short.MAX_VALUE, ttf.getAdvanceWidth(gid));
                    for (int cp : codePoints) {
                        if (cp >= 0 && cp < 0x10000) {
                            bmp[cp] = advance;
                        } else if (cp <= Character.MAX_CODE_POINT) {
                            supplementary.put(cp, advance);
                        }
                    }
                }
                return new Metrics(resource, bytes, ttf.getUnitsPerEm(), bmp, Map.copyOf(supplementary));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse " + resource, e);
            }
        }

        boolean has(int codePoint) {
            return advanceUnits(codePoint) >= 0;
        }

        int advanceUnits(int codePoint) {
            if (codePoint >= 0 && codePoint < 0x10000) {
                return bmpAdvanceUnits[codePoint];
            }
            Short units = supplementaryAdvanceUnits.get(codePoint);
            return units == null ? MISSING : units;
        }
    }
}
