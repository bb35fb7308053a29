package org.mingzhang.api.edge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mingzhang.api.Limits;
import org.mingzhang.api.problem.FieldError;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.money.Money;
import org.mingzhang.money.MoneyFormatException;

/**
 * Checks one request's fields and collects every problem, so that a client learns about all its
 * mistakes at once; {@link #validate()} then refuses the request with a 400 if there were any.
 */
public final class Input {

    private final List<FieldError> errors;
    private final String prefix;

    public Input() {
        this(new ArrayList<>(), "");
    }

    private Input(List<FieldError> errors, String prefix) {
        this.errors = errors;
        this.prefix = prefix;
    }

    /** The same checks on a part of the body: its fields are named under {@code prefix} ("plan."), its errors are ours. */
    public Input under(String prefix) {
        return new Input(errors, this.prefix + prefix);
    }

    public void fail(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    /** A required text: present, not blank, at most {@code charsMax} characters. */
    public String text(String value, String field, int charsMax) {
        if (value == null || value.isBlank()) {
            fail(field, "is required");
            return null;
        }
        return optionalText(value, field, charsMax);
    }

    public String optionalText(String value, String field, int charsMax) {
        if (value != null && value.length() > charsMax) {
            fail(field, "must have at most " + charsMax + " characters: it has " + value.length());
            return null;
        }
        return value;
    }

    /** An optional text where a blank one means none: null, or at most {@code charsMax} characters. */
    public String optionalNonBlank(String value, String field, int charsMax) {
        return value == null || value.isBlank() ? null : optionalText(value, field, charsMax);
    }

    /** One of an enum's names; absent is "is required". */
    public <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        if (value == null) {
            fail(field, "is required");
            return null;
        }
        return optionalOneOf(type, value, field);
    }

    /** One of an enum's names, or null when absent. */
    public <E extends Enum<E>> E optionalOneOf(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            fail(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ": " + value);
            return null;
        }
    }

    /** A code used in URLs (funds, accounts): letters, digits, '-', '_' and '.', starting with a letter or digit. */
    public String code(String value, String field, int charsMax) {
        String text = text(value, field, charsMax);
        if (text != null && !text.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            fail(field, "must be letters, digits, '-', '_' or '.', starting with a letter or digit: " + text);
            return null;
        }
        return text;
    }

    public <T> T required(T value, String field) {
        if (value == null) {
            fail(field, "is required");
        }
        return value;
    }

    /** An amount that moves money: more than zero, at most two decimals; fen, or 0 after recording why not. */
    public long positiveAmount(String value, String field) {
        if (value == null) {
            fail(field, "is required");
            return 0;
        }
        try {
            return Money.parsePositive(value).fen();
        } catch (MoneyFormatException e) {
            fail(field, e.getMessage());
            return 0;
        }
    }

    /** A page size: 1 to {@link Limits#PAGE_ITEMS_MAX}, {@link Limits#PAGE_ITEMS_DEFAULT} when absent. */
    public int limit(Integer limit) {
        if (limit == null) {
            return Limits.PAGE_ITEMS_DEFAULT;
        }
        if (limit < 1 || limit > Limits.PAGE_ITEMS_MAX) {
            fail("limit", "must be between 1 and " + Limits.PAGE_ITEMS_MAX + " (pageItemsMax): " + limit);
            return Limits.PAGE_ITEMS_DEFAULT;
        }
        return limit;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Refuses the request with a 400 listing every problem found, if any. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }
}
