package org.mingzhang.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-checked amounts, written the way a finance office writes them on a voucher. */
class AmountsTest {

    @ParameterizedTest(name = "{0} fen → {1}")
    @DisplayName("when fen are shown in yuan then they get thousands separators and two decimals")
    @CsvSource(delimiter = '|', value = {
            "2345678 | 23,456.78",
            "-120000 | -1,200.00",
            "0 | 0.00",
            "5 | 0.05",
            "-5 | -0.05",
            "99 | 0.99",
            "100 | 1.00",
            "99999 | 999.99",
            "100000 | 1,000.00",
            "100000000 | 1,000,000.00",
            "9223372036854775807 | 92,233,720,368,547,758.07",
            "-9223372036854775808 | -92,233,720,368,547,758.08"})
    void yuan(long fen, String expected) {
        assertThat(Amounts.yuan(fen)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} fen → {1}")
    @DisplayName("when fen are written in capitals then the voucher rules for 零, 整 and the units hold")
    @CsvSource(delimiter = '|', value = {
            "2345678 | 贰万叁仟肆佰伍拾陆元柒角捌分",
            "10000 | 壹佰元整",
            "10050 | 壹佰元零伍角整",
            "100507 | 壹仟零伍元零柒分",
            "1000000000 | 壹仟万元整",
            "5 | 伍分",
            "50 | 伍角整",
            "35 | 叁角伍分",
            "0 | 零元整",
            "1000 | 壹拾元整",
            "1100 | 壹拾壹元整",
            "11000 | 壹佰壹拾元整",
            "168032 | 壹仟陆佰捌拾元零叁角贰分",
            "600714 | 陆仟零柒元壹角肆分",
            "140950 | 壹仟肆佰零玖元伍角整",
            "10700053 | 壹拾万柒仟元零伍角叁分",
            "1640902 | 壹万陆仟肆佰零玖元零贰分",
            "10000500 | 壹拾万零伍元整",
            "100010000 | 壹佰万零壹佰元整",
            "1001000000 | 壹仟零壹万元整",
            "10000000000 | 壹亿元整",
            "10001000000 | 壹亿零壹万元整",
            "100000000000000 | 壹万亿元整",
            "999999999999999 | 玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            "-120000 | 负壹仟贰佰元整",
            "-5 | 负伍分"})
    void capital(long fen, String expected) {
        assertThat(Amounts.capital(fen)).isEqualTo(expected);
    }

    @Test
    @DisplayName("when an amount is beyond 万亿 then capitals refuse it plainly, Long.MIN_VALUE included")
    void capitalRange() {
        assertThat(Amounts.capital(-Amounts.MAX_CAPITAL_FEN)).startsWith("负玖万玖仟");
        assertThatThrownBy(() -> Amounts.capital(Amounts.MAX_CAPITAL_FEN + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10,000,000,000,000.00");
        assertThatThrownBy(() -> Amounts.capital(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
