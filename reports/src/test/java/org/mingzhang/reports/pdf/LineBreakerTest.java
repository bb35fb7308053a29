package org.mingzhang.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules on a monospaced measure: every code point is 10 pt wide, a space 5 pt. */
class LineBreakerTest {

    private final LineBreaker breaker = new LineBreaker(cp -> cp == ' ' ? 5 : 10);

    @Test
    @DisplayName("when Chinese text is wider than the line then it breaks between any two characters")
    void breaksChinese() {
        assertThat(breaker.lines("明账公开透明", 40)).containsExactly("明账公开", "透明");
    }

    @Test
    @DisplayName("when a closing mark would start a line then the character before it moves down with it")
    void closingNeverStartsALine() {
        // "明账公开。" at 40 pt would put "。" first on the next line.
        assertThat(breaker.lines("明账公开。透明", 40)).containsExactly("明账公", "开。透明");
        assertThat(breaker.lines("甲乙丙丁）」戊", 40)).containsExactly("甲乙丙", "丁）」戊");
        assertThat(breaker.lines("abc def, ghi", 45)).allSatisfy(line -> assertThat(line).doesNotStartWith(","));
    }

    @Test
    @DisplayName("when an opening mark would end a line then it moves down to the next")
    void openingNeverEndsALine() {
        assertThat(breaker.lines("甲乙丙（丁戊", 40)).containsExactly("甲乙丙", "（丁戊");
        assertThat(breaker.lines("甲乙丙《「丁", 50)).containsExactly("甲乙丙", "《「丁");
    }

    @Test
    @DisplayName("when a space stands between a word and a mark then the space is no break: the rules hold across it")
    void marksAcrossSpaces() {
        // Typed text has such spaces ("采购 ，安装", "见 （附件）"); a break there would start a line with "，" or end one
        // with "（". (From 40 pt: a glued piece wider than the line, "灯 ，" at 20 pt, is cut by code point like any other.)
        for (String text : List.of("采购灯具 ，安装调试", "https://example.org/?doc=1 ，可核对", "见附件 （发票 二张）", "甲乙 ） 丙丁")) {
            for (int width = 40; width <= 160; width += 5) {
                for (String line : breaker.lines(text, width)) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !text.startsWith(trimmed)) {
                        assertThat(LineBreaker.isClosing(trimmed.codePointAt(0))).as("%s at %d", line, width).isFalse();
                    }
                    if (!trimmed.isEmpty() && !text.endsWith(trimmed)) {
                        assertThat(LineBreaker.isOpening(trimmed.codePointBefore(trimmed.length()))).as("%s at %d", line, width)
                                .isFalse();
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("when no line may start or end at a mark then every line obeys both rules")
    void everyLineObeys() {
        String text = "项目（第一期）的支出，经理事会审议通过。“公开”是原则；请核对：《结项报告》！";
        for (int width = 30; width <= 200; width += 10) {
            List<String> lines = breaker.lines(text, width);
            assertThat(String.join("", lines)).isEqualTo(text);
            for (String line : lines) {
                assertThat(LineBreaker.isClosing(line.codePointAt(0))).as("%s at %d", line, width).isFalse();
                assertThat(LineBreaker.isOpening(line.codePointBefore(line.length()))).as("%s at %d", line, width)
                        .isFalse();
            }
        }
    }

    @Test
    @DisplayName("when a voucher number or an amount meets the line end then it moves down whole")
    void keepsWordsAndNumbers() {
        assertThat(breaker.lines("凭证MZ-2026-0001号", 130)).containsExactly("凭证", "MZ-2026-0001号");
        assertThat(breaker.lines("合计12,345.67元", 100)).containsExactly("合计", "12,345.67元");
        assertThat(breaker.lines("hello world again", 110)).containsExactly("hello world", "again");
    }

    @Test
    @DisplayName("when a single word is wider than the line then it is cut by code point")
    void cutsOverlongWords() {
        assertThat(breaker.lines("ABCDEFGHIJ", 40)).containsExactly("ABCD", "EFGH", "IJ");
    }

    @Test
    @DisplayName("when text has supplementary characters then no surrogate pair is split")
    void keepsSurrogatePairs() {
        String text = "𠀀𠀁𠀂𠀃𠀄";
        List<String> lines = breaker.lines(text, 20);
        assertThat(lines).containsExactly("𠀀𠀁", "𠀂𠀃", "𠀄");
        assertThat(breaker.widthPt(text)).isEqualTo(50);
    }

    @Test
    @DisplayName("when text has '\\n' then lines break there, empty lines included, and CR LF counts once")
    void hardBreaks() {
        assertThat(breaker.lines("甲\n\n乙", 100)).containsExactly("甲", "", "乙");
        assertThat(breaker.lines("甲\r\n乙\r丙", 100)).containsExactly("甲", "乙", "丙");
        assertThat(breaker.lines("", 100)).containsExactly("");
    }

    @Test
    @DisplayName("when a line breaks at spaces then they are dropped, but a paragraph's indent is kept")
    void spaces() {
        assertThat(breaker.lines("aaa bbb", 35)).containsExactly("aaa", "bbb");
        assertThat(breaker.lines("\u3000\u3000明账公开", 100)).containsExactly("\u3000\u3000明账公开");
    }

    @Test
    @DisplayName("when text is longer than the limit then it is refused")
    void limit() {
        assertThatThrownBy(() -> breaker.lines("甲".repeat(LineBreaker.MAX_TEXT_CHARS + 1), 100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
