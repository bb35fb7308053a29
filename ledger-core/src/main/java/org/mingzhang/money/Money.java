package org.mingzhang.money;

/**
 * An exact amount of Chinese yuan, held as a whole number of fen (分, 0.01 yuan) in a {@code long}.
 * Arithmetic never rounds and never overflows silently: it throws {@link ArithmeticException}.
 */
public record Money(long fen) implements Comparable<Money> {

    /** The largest amount the API accepts: 9,999,999,999,999.99 yuan. */
    public static final long FEN_MAX = 999_999_999_999_999L;
    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /**
     * Parses a yuan amount written as the API writes it: digits, optionally a point and one or two
     * decimals ({@code "1234.56"}, {@code "0.5"}, {@code "100"}). A sign, a third decimal, exponent,
     * grouping or anything above {@link #FEN_MAX} is refused with a message that quotes the value.
     */
    public static Money parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new MoneyFormatException("amount must not be empty");
        }
        int point = text.indexOf('.');
        String whole = point < 0 ? text : text.substring(0, point);
        String decimals = point < 0 ? "" : text.substring(point + 1);
        if (text.startsWith("-")) {
            throw new MoneyFormatException("amount must not be negative: " + text);
        }
        if (whole.isEmpty() || !AsciiDigits.only(whole) || !AsciiDigits.only(decimals) || (point >= 0 && decimals.isEmpty())) {
            throw new MoneyFormatException("amount must be yuan written like 1234.56: " + text);
        }
        if (decimals.length() > 2) {
            throw new MoneyFormatException("amount must have at most 2 decimals: " + text);
        }
        String digits = whole.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 13) {
            throw new MoneyFormatException("amount must not exceed 9999999999999.99: " + text);
        }
        long yuan = Long.parseLong(digits);
        long fen = yuan * 100 + (decimals.isEmpty() ? 0 : Long.parseLong((decimals + "0").substring(0, 2)));
        return new Money(fen);
    }

    /** Parses like {@link #parse} and also refuses zero, for amounts that must move money. */
    public static Money parsePositive(String text) {
        Money money = parse(text);
        if (money.fen == 0) {
            throw new MoneyFormatException("amount must be greater than zero: " + text);
        }
        return money;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    /** Always two decimals, a leading minus for negative amounts: {@code "-12.30"}. */
    public String toYuanString() {
        return format(fen);
    }

    public static String format(long fen) {
        String sign = fen < 0 ? "-" : "";
        // Math.abs(Long.MIN_VALUE) is negative; such a balance can never exist because sums use addExact.
        long abs = Math.abs(fen);
        long yuan = abs / 100;
        long cents = abs % 100;
        return sign + yuan + "." + (cents < 10 ? "0" : "") + cents;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return toYuanString();
    }
}
