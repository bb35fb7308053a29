package org.mingzhang.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rates are exact: the API's rate strings become whole basis points without rounding, anything that is
 * not a plain number from 0 to 1 with at most four decimals is refused with a message that quotes it, and
 * formatting a rate gives back a string that parses to the same basis points.
 */
class RateTest {

    @Nested
    @DisplayName("when a rate is written as the API writes it")
    class Accepted {

        @ParameterizedTest(name = "then \"{0}\" is {1} basis points")
        @CsvSource({"0.3,3000", "0.30,3000", "1,10000", "0,0", "0.0001,1", "1.0,10000", "1.0000,10000", "0.125,1250", "0.5000,5000"})
        void parses(String text, int basisPoints) {
            assertThat(Rate.parseRate(text)).isEqualTo(basisPoints);
        }
    }

    @Nested
    @DisplayName("when a rate is written oddly or lies outside 0..1")
    class Refused {

        @ParameterizedTest(name = "then \"{0}\" is refused and the message quotes it")
        @ValueSource(strings = {"1.0001", "-0.1", "0.12345", "30%", "", "2", "10", "00.5", ".5", "1.", "+0.5", "0,5", " 0.5", "0.5 ",
                "1e-1", "0.1.2", "０.５", "NaN"})
        void refuses(String text) {
            assertThatThrownBy(() -> Rate.parseRate(text))
                    .isInstanceOf(RateFormatException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(text.isEmpty() ? "\"\"" : text);
        }

        @ParameterizedTest(name = "then \"{0}\" is refused because it {1}")
        @CsvSource(delimiter = '|', value = {
                "1.0001|must not exceed 1: 1.0001",
                "-0.1|must not be negative: -0.1",
                "0.12345|must have at most 4 decimals: 0.12345",
                "30%|must be written like 0.30, between 0 and 1: 30%",
                "''|must not be empty"})
        void saysWhy(String text, String message) {
            assertThatThrownBy(() -> Rate.parseRate(text)).hasMessageContaining(message);
        }

        @org.junit.jupiter.api.Test
        @DisplayName("then a missing rate is refused like an empty one")
        void refusesNull() {
            assertThatThrownBy(() -> Rate.parseRate(null)).isInstanceOf(RateFormatException.class).hasMessageContaining("must not be empty");
        }
    }

    @Nested
    @DisplayName("when basis points are written back")
    class Formatted {

        @ParameterizedTest(name = "then {0} basis points read \"{1}\"")
        @CsvSource({"3000,0.30", "1,0.0001", "10000,1.00", "0,0.00", "1250,0.125", "5,0.0005"})
        void formats(int basisPoints, String text) {
            assertThat(Rate.format(basisPoints)).isEqualTo(text);
        }
    }

    @Property
    @Label("formatting then parsing gives back the same basis points")
    void formatThenParseIsIdentity(@ForAll @IntRange(min = 0, max = Rate.BASIS_POINTS_MAX) int basisPoints) {
        assertThat(Rate.parseRate(Rate.format(basisPoints))).isEqualTo(basisPoints);
    }
}
