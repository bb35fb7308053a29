package org.mingzhang.reports.pdf;

/**
 * Money as the committee reads it, from whole fen and with long arithmetic only: {@link #yuan} gives "23,456.78" with
 * thousands separators and always two decimals, {@link #capital} the Chinese financial capitals (大写) a finance
 * office writes on a voucher.
 */
public final class Amounts {

    /**
     * The largest magnitude {@link #capital} writes, 9,999,999,999,999.99 元 (just under 十万亿): the integer part's
     * sections are 元, 万, 亿 and 万亿, and nothing the ledger holds comes near it.
     */
    public static final long MAX_CAPITAL_FEN = 999_999_999_999_999L;

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] SECTION_UNITS = {"", "拾", "佰", "仟"};

    private Amounts() {
    }

    /**
     * The amount in yuan with thousands separators and two decimals: "23,456.78", "-1,200.00", "0.00". Every long is
     * accepted, Long.MIN_VALUE too, because the digits are taken from its decimal string rather than from its negation.
     */
    public static String yuan(long fen) {
        String digits = Long.toString(fen);
        boolean negative = fen < 0;
        if (negative) {
            digits = digits.substring(1);
        }
        if (digits.length() < 3) {
            digits = "0".repeat(3 - digits.length()) + digits;
        }
        String integer = digits.substring(0, digits.length() - 2);
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 2);
        if (negative) {
            out.append('-');
        }
        int firstGroup = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        out.append(integer, 0, firstGroup);
        for (int i = firstGroup; i < integer.length(); i += 3) {
            out.append(',').append(integer, i, i + 3);
        }
        return out.append('.').append(digits, digits.length() - 2, digits.length()).toString();
    }

    /**
     * The amount in Chinese financial capitals, as 《会计基础工作规范》 and 《支付结算办法》 have it written:
     * "贰万叁仟肆佰伍拾陆元柒角捌分"; an amount ending at 元 or 角 is closed with "整" ("壹佰元整", "壹佰元伍角整"),
     * one with 分 is not; a zero inside the number is written once as "零" ("壹仟零伍元零柒分"), and so is a zero 元 digit
     * before a 角 ("壹仟陆佰捌拾元零叁角贰分"); tens are written "壹拾"; below one yuan the 元 is left out ("伍分");
     * zero is "零元整"; a negative amount is prefixed "负".
     *
     * @throws IllegalArgumentException when the magnitude exceeds {@link #MAX_CAPITAL_FEN}
     */
    public static String capital(long fen) {
        if (fen < -MAX_CAPITAL_FEN || fen > MAX_CAPITAL_FEN) {
            throw new IllegalArgumentException("amount out of range for capitals (max " + yuan(MAX_CAPITAL_FEN)
                    + "): " + yuan(fen));
        }
        if (fen == 0) {
            return "零元整";
        }
        StringBuilder out = new StringBuilder(32);
        if (fen < 0) {
            out.append('负');
        }
        long magnitude = Math.abs(fen);
        long integer = magnitude / 100;
        int jiao = (int) (magnitude / 10 % 10);
        int fenDigit = (int) (magnitude % 10);
        if (integer > 0) {
            integerPart(integer, out);
            out.append('元');
        }
        if (jiao > 0) {
            if (integer > 0 && integer % 10 == 0) {
                out.append('零');
            }
            out.append(DIGITS.charAt(jiao)).append('角');
        } else if (fenDigit > 0 && integer > 0) {
            out.append('零');
        }
        if (fenDigit > 0) {
            out.append(DIGITS.charAt(fenDigit)).append('分');
        } else {
            out.append('整');
        }
        return out.toString();
    }

    /** Writes a positive integer below 10^16 in sections of 亿 and 万, with one 零 for a gap between sections. */
    private static void integerPart(long n, StringBuilder out) {
        if (n >= 100_000_000L) {
            integerPart(n / 100_000_000L, out);
            out.append('亿');
            long low = n % 100_000_000L;
            if (low > 0) {
                if (low < 10_000_000L) {
                    out.append('零');
                }
                integerPart(low, out);
            }
        } else if (n >= 10_000L) {
            section((int) (n / 10_000L), out);
            out.append('万');
            int low = (int) (n % 10_000L);
            if (low > 0) {
                if (low < 1_000) {
                    out.append('零');
                }
                section(low, out);
            }
        } else {
            section((int) n, out);
        }
    }

    /** Writes 1..9999: trailing zeros are dropped, a run of inner zeros becomes one 零. */
    private static void section(int n, StringBuilder out) {
        boolean pendingZero = false;
        boolean started = false;
        for (int place = 3; place >= 0; place--) {
            int digit = n / pow10(place) % 10;
            if (digit == 0) {
                pendingZero = started;
                continue;
            }
            if (pendingZero) {
                out.append('零');
                pendingZero = false;
            }
            out.append(DIGITS.charAt(digit)).append(SECTION_UNITS[place]);
            started = true;
        }
    }

    private static int pow10(int place) {
        return switch (place) {
            case 0 -> 1;
            case 1 -> 10;
            case 2 -> 100;
            default -> 1_000;
        };
    }
}
