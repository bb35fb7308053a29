package org.mingzhang.api.donations;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Text;
import org.mingzhang.api.edge.Times;

/**
 * A donor's phone, resident ID number and unified social credit code, checked and written one way, so that one donor
 * is one donor for the per-donor match cap however the number was typed ({@code +86 139 0000 1111}, {@code
 * 139-0000-1111} and {@code 13900001111} are the same phone). Each returns the normalised form, or null after
 * recording why the value is not one.
 */
public final class DonorIdentifiers {

    /** Numbers without a country code are read as mainland China's. */
    static final String DEFAULT_REGION = "CN";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** GB 11643-1999: the weights of the first 17 digits of a citizen identity number, and the check character. */
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    /** GB 32100-2015: the characters of a unified social credit code (no I, O, Z, S, V) and their weights. */
    /** The characters of a unified social credit code (GB 32100-2015): digits and capitals without I, O, S, V, Z. */
    public static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private DonorIdentifiers() {
    }

    /** A phone number in E.164 ({@code +8613900001111}), read with libphonenumber; mainland China when no country is given. */
    static String phone(String value, String field, Input input) {
        String mobile = plainMainlandMobile(value);
        if (mobile != null) {
            return mobile;
        }
        try {
            PhoneNumber number = PHONES.parse(value, DEFAULT_REGION);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException notANumber) {
            // refused below, in the same words
        }
        input.fail(field, "must be a phone number: a mainland number like 13900001111 or 010-12345678, or + with the "
                + "country code for another country: \"" + Text.shown(value) + "\"");
        return null;
    }

    /**
     * The E.164 form of a number typed as most donors type theirs, eleven digits of a mainland mobile ({@code 13900001111}),
     * when libphonenumber holds it valid; otherwise null, and {@link #phone} reads the value the long way. libphonenumber's
     * parse runs a dozen regular expressions over the text: 13-15% of the service's CPU samples in the HTTP benchmark's
     * PostgreSQL profile (docs/benchmarks.md, ninth pass); for these eleven digits it gives country code 86 and the digits as the national
     * number, which is what this builds, and validity is still libphonenumber's. Numbers from 10, 11, 12 and 179 are left
     * to the long way, where CN's carrier-prefix rule may strip digits. {@code DonorIdentifiersTest} checks that both ways agree.
     */
    static String plainMainlandMobile(String value) {
        if (value.length() != 11 || value.charAt(0) != '1' || value.charAt(1) < '3' || value.charAt(1) > '9'
                || value.startsWith("179")) {
            return null;
        }
        for (int i = 2; i < 11; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        PhoneNumber number = new PhoneNumber().setCountryCode(86).setNationalNumber(Long.parseLong(value));
        return PHONES.isValidNumber(number) ? "+86" + value : null;
    }

    /** An 18-character resident identity number (居民身份证号码) whose birth date is a date and whose check character holds. */
    static String residentId(String value, String field, Input input) {
        String id = compact(value);
        String problem = residentIdProblem(id);
        if (problem != null) {
            input.fail(field, problem + ": \"" + Text.shown(value) + "\"");
            return null;
        }
        return id;
    }

    private static String residentIdProblem(String id) {
        if (!id.matches("[0-9]{17}[0-9X]")) {
            return "must be an 18-character resident identity number: 17 digits and a check digit or X";
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (born.getYear() < Times.YEAR_MIN) {
                return "must hold a birth date from " + Times.YEAR_MIN + " on in characters 7 to 14";
            }
        } catch (DateTimeException notADate) {
            return "must hold a birth date (yyyyMMdd) in characters 7 to 14";
        }
        char check = residentIdCheck(id.substring(0, 17));
        return id.charAt(17) == check ? null : "has the check character " + id.charAt(17) + " where the first 17 digits "
                + "give " + check + " (a digit mistyped?)";
    }

    /** An 18-character unified social credit code (统一社会信用代码) whose check character holds. */
    static String creditCode(String value, String field, Input input) {
        String code = compact(value);
        String problem = null;
        if (code.length() != 18 || code.chars().anyMatch(c -> CREDIT_CODE_CHARS.indexOf(c) < 0)) {
            problem = "must be an 18-character unified social credit code, of digits and the capitals A-H, J-N, P-R, T, U, "
                    + "W, X, Y";
        } else {
            char check = creditCodeCheck(code.substring(0, 17));
            if (code.charAt(17) != check) {
                problem = "has the check character " + code.charAt(17) + " where the first 17 give " + check
                        + " (a character mistyped?)";
            }
        }
        if (problem != null) {
            input.fail(field, problem + ": \"" + Text.shown(value) + "\"");
            return null;
        }
        return code;
    }

    /** The check character of a resident identity number whose first 17 characters are these digits (GB 11643-1999). */
    public static char residentIdCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /** The check character of a unified social credit code whose first 17 characters are these (GB 32100-2015). */
    public static char creditCodeCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_CHARS.indexOf(first17.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
        }
        return CREDIT_CODE_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** Without spaces or hyphens, in capitals: how the numbers are printed on cards and licences varies, they do not. */
    private static String compact(String value) {
        return value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
