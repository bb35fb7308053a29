package org.mingzhang.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Money is exact: amounts are parsed from the API's yuan strings into fen without rounding, anything that
 * would need rounding or could overflow is refused with a message quoting the value, and formatting
 * gives back exactly what was parsed.
 */
class MoneyTest {

    @ParameterizedTest(name = "{0} yuan is {1} fen")
    @CsvSource({"0.01,1", "1234.56,123456", "100,10000", "0.5,50", "007.10,710", "9999999999999.99,999999999999999", "0,0"})
    void parsesYuan(String text, long fen) {
        assertThat(Money.parse(text).fen()).isEqualTo(fen);
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {"1.234", "-1.00", "1e3", "", " 1", "1 ", "1,000.00", "10000000000000.00", "1.", ".5", "+1", "１２", "NaN", "0x10"})
    void refusesWhatIsNotExactYuan(String text) {
        assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(MoneyFormatException.class);
    }

    @ParameterizedTest(name = "message for \"{0}\" says: {1}")
    @CsvSource({"1.234,at most 2 decimals: 1.234", "-5,must not be negative: -5", "10000000000000,must not exceed 9999999999999.99"})
    void messagesNameTheValue(String text, String message) {
        assertThatThrownBy(() -> Money.parse(text)).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "a positive amount refuses \"{0}\"")
    @ValueSource(strings = {"0", "0.00", "000.0"})
    void positiveRefusesZero(String text) {
        assertThatThrownBy(() -> Money.parsePositive(text)).hasMessageContaining("greater than zero");
    }

    @ParameterizedTest(name = "{0} fen formats as {1}")
    @CsvSource({"0,0.00", "1,0.01", "10,0.10", "123456,1234.56", "-5,-0.05", "-123400,-1234.00"})
    void formatsTwoDecimals(long fen, String text) {
        assertThat(Money.format(fen)).isEqualTo(text);
    }

    @Property
    void formatThenParseIsIdentity(@ForAll @LongRange(min = 0, max = Money.FEN_MAX) long fen) {
        assertThat(Money.parse(Money.format(fen)).fen()).isEqualTo(fen);
    }

    @org.junit.jupiter.api.Test
    void arithmeticRefusesToOverflow() {
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofFen(Long.MIN_VALUE).minus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
    }
}
