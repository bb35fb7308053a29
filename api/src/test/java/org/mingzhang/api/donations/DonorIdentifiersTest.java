package org.mingzhang.api.donations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.api.edge.Input;

/** A donor's phone read the short way (eleven mainland digits) gives what libphonenumber's own parse gives. */
class DonorIdentifiersTest {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** libphonenumber alone: parse as mainland China, keep the number when valid, in E.164. */
    private static String longWay(String value) {
        try {
            PhoneNumber number = PHONES.parse(value, DonorIdentifiers.DEFAULT_REGION);
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException notANumber) {
            return null;
        }
    }

    @Test
    @DisplayName("for every prefix from 100 to 199, eleven-digit numbers read the same either way, valid or not")
    void elevenDigitsReadAsLibphonenumberReadsThem() {
        Random random = new Random(20261203L);
        List<String> values = new ArrayList<>();
        for (int prefix = 100; prefix <= 199; prefix++) {
            for (int i = 0; i < 400; i++) {
                values.add(prefix + "%08d".formatted(random.nextInt(100_000_000)));
            }
            values.add(prefix + "00000000");
            values.add(prefix + "99999999");
        }
        int shortWay = 0;
        int valid = 0;
        for (String value : values) {
            Input input = new Input();
            String read = DonorIdentifiers.phone(value, "donor.phone", input);
            String expected = longWay(value);
            assertEquals(expected, read, value);
            assertEquals(expected != null, input.valid(), value + " refused");
            shortWay += DonorIdentifiers.plainMainlandMobile(value) != null ? 1 : 0;
            valid += expected != null ? 1 : 0;
        }
        // The short way took most of the valid numbers, so the comparison above compared it, not only the long way.
        assertTrue(shortWay > valid / 2 && shortWay <= valid, shortWay + " of " + valid + " valid numbers the short way");
    }

    @Test
    @DisplayName("numbers typed otherwise, with spaces, hyphens, a country code or letters, go the long way")
    void otherFormsGoTheLongWay() {
        for (String value : List.of("139 0000 1111", "139-0000-1111", "+86 139 0000 1111", "+8613900001111",
                "010-12345678", "1390000111a", "1a900001111", "139000011111", "1390000111", "17951139000", "１３９００００１１１１")) {
            assertNull(DonorIdentifiers.plainMainlandMobile(value), value);
            Input input = new Input();
            assertEquals(longWay(value), DonorIdentifiers.phone(value, "donor.phone", input), value);
        }
    }
}
