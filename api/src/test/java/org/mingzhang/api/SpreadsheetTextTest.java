package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.api.edge.SpreadsheetText;

/** Issue 11, finding 6 (its second half): text that a spreadsheet would run as a formula is written as text. */
@DisplayName("Spreadsheet-bound text is neutralised (OWASP CSV injection)")
class SpreadsheetTextTest {

    @Test
    void formulasBecomeText() {
        assertEquals("'=cmd|' /C calc'!A0", SpreadsheetText.cell("=cmd|' /C calc'!A0"));
        assertEquals("'+1+1", SpreadsheetText.cell("+1+1"));
        assertEquals("'-2+3", SpreadsheetText.cell("-2+3"));
        assertEquals("'@SUM(A1)", SpreadsheetText.cell("@SUM(A1)"));
        assertEquals("'\tx", SpreadsheetText.cell("\tx"));
        assertEquals("'＝1+1", SpreadsheetText.cell("＝1+1"));
    }

    @Test
    void otherTextIsAsGiven() {
        assertEquals("张三明", SpreadsheetText.cell("张三明"));
        assertEquals("a=b", SpreadsheetText.cell("a=b"));
        assertEquals("", SpreadsheetText.cell(""));
        assertNull(SpreadsheetText.cell(null));
    }
}
