package org.mingzhang.api.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.mingzhang.api.json.CheckedTextDeserializer;

/**
 * Turns what Jackson says about a request body into a 400 that names the field as the client wrote
 * it ({@code postings[0].debit}) and says what was expected, without Java type names.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** The first Jackson exception in the cause chain, if any. */
    public static JacksonException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JacksonException j) {
                return j;
            }
        }
        return null;
    }

    public static ProblemException of(JacksonException e) {
        ProblemException twice = duplicateField(e);
        if (twice != null) {
            return twice;
        }
        if (e instanceof JsonMappingException m && !(e instanceof StreamReadException) && !m.getPath().isEmpty()) {
            String field = path(m);
            return Problems.invalid(field, message(m));
        }
        if (e instanceof MismatchedInputException m && m.getPath().isEmpty()) {
            return Problems.invalid(null, "the request body must be a JSON object");
        }
        JsonLocation where = e.getLocation();
        String detail = "the request body is not valid JSON: " + firstLine(e.getOriginalMessage())
                + (where == null || where.getLineNr() < 0 ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
        return new ProblemException(Problems.of(Problems.MALFORMED_JSON, "Malformed JSON", 400, detail, null));
    }

    private static final String DUPLICATE = "Duplicate field '";

    /**
     * A field named twice in one object (the parser's strict duplicate detection, application.yml): 400 naming it, as
     * {@code postings[0].debit}, whether the parser met it at the top or while a nested object was being bound.
     */
    private static ProblemException duplicateField(JacksonException e) {
        JacksonException syntax = e instanceof JsonMappingException && !(e instanceof StreamReadException)
                && e.getCause() instanceof StreamReadException cause ? cause : e;
        String message = syntax.getOriginalMessage();
        if (!(syntax instanceof StreamReadException) || message == null || !message.startsWith(DUPLICATE)) {
            return null;
        }
        int end = message.indexOf('\'', DUPLICATE.length());
        String name = end < 0 ? message.substring(DUPLICATE.length()) : message.substring(DUPLICATE.length(), end);
        String at = e instanceof JsonMappingException m && syntax != e ? path(m) : "";
        return Problems.invalid(at.isEmpty() ? name : at + "." + name, "is given twice in one object; send each field once");
    }

    private static String message(JsonMappingException m) {
        if (m instanceof CheckedTextDeserializer.UnsafeTextException unsafe) {
            return unsafe.refusal();
        }
        if (m instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            return "unknown field " + u.getPropertyName()
                    + (known == null || known.isEmpty() ? "" : "; known fields: "
                    + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
            String given = m instanceof InvalidFormatException f && f.getValue() != null ? ": " + f.getValue() : "";
            return "must be one of " + allowed + given;
        }
        if (target == String.class) {
            return "must be a JSON string; amounts are strings of yuan like \"500.00\", not numbers";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == Long.class || target == long.class || target == Integer.class || target == int.class) {
            return "must be a whole number";
        }
        if (List.class.isAssignableFrom(target) || Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a JSON array";
        }
        return "must be a JSON object";
    }

    /** {@code postings[0].debit} from Jackson's path of field names and array indexes. */
    static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Jackson's own wording of a syntax error, cut before anything that reads like Java. */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "it cannot be parsed";
        }
        String line = message.lines().findFirst().orElse("").trim();
        if (line.contains("java.") || line.contains("Exception") || line.contains("com.fasterxml")) {
            return "it cannot be parsed";
        }
        return line;
    }
}
