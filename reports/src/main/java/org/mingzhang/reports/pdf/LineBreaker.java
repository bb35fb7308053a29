package org.mingzhang.reports.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines no wider than a width, walking by code point (a supplementary character such as 𠀀 U+20000 is
 * never cut in half), with the Chinese line-breaking rules (禁则): no line starts with closing punctuation
 * ({@code ，。、；：？！）」』》〉】〕”’…·%,.;:?!)]}}) and none ends with opening punctuation ({@code （「『《〈【〔“‘([{}):
 * such a character is glued to its neighbour, so when it does not fit the character before it moves down with it.
 * A run of ASCII letters and digits with its inner marks ("MZ-2026-0001", "12,345.67") is kept whole unless it alone is
 * wider than the line. A '\n' always breaks ("\r\n" and "\r" count as one), spaces at a soft break are dropped.
 * Widths come from a {@link Advance} so the rules are testable without a font.
 */
public final class LineBreaker {

    /** Refuses text longer than this many chars: 200,000 is about a hundred pages of body text. */
    public static final int MAX_TEXT_CHARS = 200_000;

    /** The advance of one code point in points, as the text will be drawn. */
    @FunctionalInterface
    public interface Advance {
        double widthPt(int codePoint);
    }

    private static final String CLOSING = "，。、；：？！）」』》〉】〕”’…·%,.;:?!)]}";
    private static final String OPENING = "（「『《〈【〔“‘([{";
    /** Marks that stay inside a Latin word or a number when letters or digits follow them: "MZ-2026", "12,345.67". */
    private static final String WORD_INNER = "-_.,/:'+&@#";

    private final Advance advance;

    public LineBreaker(Advance advance) {
        this.advance = advance;
    }

    /** Whether the code point may not start a line. */
    public static boolean isClosing(int codePoint) {
        return codePoint < 0x10000 && CLOSING.indexOf(codePoint) >= 0;
    }

    /** Whether the code point may not end a line. */
    public static boolean isOpening(int codePoint) {
        return codePoint < 0x10000 && OPENING.indexOf(codePoint) >= 0;
    }

    /** The width of the text in points, summed by code point. */
    public double widthPt(CharSequence text) {
        double width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            width += advance.widthPt(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /**
     * The lines of the text, none wider than {@code maxWidthPt} unless a single code point is; an empty text gives one
     * empty line, and each '\n' one more line (so "a\n\nb" gives "a", "", "b").
     */
    public List<String> lines(String text, double maxWidthPt) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("text longer than " + MAX_TEXT_CHARS + " chars: " + text.length());
        }
        String normalised = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = normalised.indexOf('\n', start);
            breakParagraph(normalised.substring(start, end < 0 ? normalised.length() : end), maxWidthPt, lines);
            if (end < 0) {
                return lines;
            }
            start = end + 1;
        }
    }

    /** Greedy filling of the paragraph's atoms (unbreakable pieces) and the spaces between them. */
    private void breakParagraph(String text, double maxWidthPt, List<String> lines) {
        List<String> atoms = atoms(text);
        StringBuilder line = new StringBuilder();
        double lineWidth = 0;
        String pendingSpaces = "";
        // Spaces are dropped at a soft break only: the paragraph's own leading spaces (an indent of "　　") stay.
        boolean paragraphStart = true;
        for (String atom : atoms) {
            if (atom.isBlank()) {
                pendingSpaces += atom;
                continue;
            }
            boolean keepSpaces = !line.isEmpty() || paragraphStart;
            paragraphStart = false;
            double atomWidth = widthPt(atom);
            double spacesWidth = keepSpaces ? widthPt(pendingSpaces) : 0;
            if (lineWidth + spacesWidth + atomWidth <= maxWidthPt) {
                if (keepSpaces) {
                    line.append(pendingSpaces);
                }
                line.append(atom);
                lineWidth += spacesWidth + atomWidth;
            } else if (atomWidth <= maxWidthPt) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                line.append(atom);
                lineWidth = atomWidth;
            } else {
                // Wider than a whole line: start it on a fresh line and cut it by code point.
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                for (int i = 0; i < atom.length(); ) {
                    int cp = atom.codePointAt(i);
                    double w = advance.widthPt(cp);
                    if (!line.isEmpty() && lineWidth + w > maxWidthPt) {
                        // The rules hold inside a cut word too ("https:" + "//…"): the last character moves down when
                        // the next would start the line with a closing mark or the line would end with an opening one.
                        int lastCp = line.codePointBefore(line.length());
                        String carried = "";
                        if ((isClosing(cp) || isOpening(lastCp)) && line.codePointCount(0, line.length()) > 1) {
                            carried = new String(Character.toChars(lastCp));
                            line.setLength(line.length() - carried.length());
                        }
                        lines.add(line.toString());
                        line.setLength(0);
                        line.append(carried);
                        lineWidth = widthPt(carried);
                    }
                    line.appendCodePoint(cp);
                    lineWidth += w;
                    i += Character.charCount(cp);
                }
            }
            pendingSpaces = "";
        }
        lines.add(line.toString());
    }

    /**
     * The paragraph cut into atoms: each space run, each Latin word or number, each other code point; then a closing
     * mark is glued to the atom before it and an opening mark to the atom after it.
     */
    private static List<String> atoms(String text) {
        List<String> pieces = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (cp == ' ' || cp == '\t' || cp == '\u3000') {
                while (end < text.length() && isSpace(text.charAt(end))) {
                    end++;
                }
            } else if (isWordChar(cp)) {
                while (end < text.length()) {
                    char c = text.charAt(end);
                    if (isWordChar(c)) {
                        end++;
                    } else if (WORD_INNER.indexOf(c) >= 0 && end + 1 < text.length() && isWordChar(text.charAt(end + 1))) {
                        end += 2;
                    } else {
                        break;
                    }
                }
            }
            pieces.add(text.substring(i, end));
            i = end;
        }
        List<String> atoms = new ArrayList<>(pieces.size());
        boolean glueToNext = false;
        for (String piece : pieces) {
            int first = piece.codePointAt(0);
            boolean space = isSpace(piece.charAt(0));
            int last = atoms.size() - 1;
            boolean afterSpace = last >= 0 && isSpace(atoms.get(last).charAt(0));
            if (space && glueToNext && last >= 0) {
                // "（ 甲": the space after an opening mark cannot be a break either; the mark still waits for what follows.
                atoms.set(last, atoms.get(last) + piece);
                continue;
            }
            if (!space && afterSpace && isClosing(first) && last >= 1) {
                // "甲 ，乙": a break at the space would start a line with the closing mark, so the space holds too.
                atoms.set(last - 1, atoms.get(last - 1) + atoms.remove(last) + piece);
            } else if (last >= 0 && !space && (glueToNext || isClosing(first)) && !afterSpace) {
                atoms.set(last, atoms.get(last) + piece);
            } else {
                atoms.add(piece);
            }
            glueToNext = !space && isOpening(piece.codePointBefore(piece.length()));
        }
        return atoms;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000';
    }

    private static boolean isWordChar(int cp) {
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    }
}
