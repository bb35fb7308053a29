package org.mingzhang.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.mingzhang.api.edge.Text;

/**
 * Reads every JSON string of a request body as Jackson does, then refuses what {@link Text} refuses, naming the field
 * (through Jackson's path: {@code postings[0].debit}) and the value. Prose fields ({@link Text#LINES}) may hold tabs
 * and line breaks; every other field holds one line.
 */
public final class CheckedTextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    static final CheckedTextDeserializer ONE_LINE = new CheckedTextDeserializer(false);
    private static final CheckedTextDeserializer LINES = new CheckedTextDeserializer(true);

    private final boolean lines;

    private CheckedTextDeserializer(boolean lines) {
        super(String.class);
        this.lines = lines;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        String refusal = Text.refusal(value, lines);
        if (refusal != null) {
            throw new UnsafeTextException(p, refusal);
        }
        return value;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return property != null && Text.allowsLines(property.getName()) ? LINES : ONE_LINE;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    /** A JSON string that {@link Text} refuses; its message is the refusal, which names the value. */
    public static final class UnsafeTextException extends MismatchedInputException {
        private final String refusal;

        UnsafeTextException(JsonParser p, String refusal) {
            super(p, refusal, String.class);
            this.refusal = refusal;
        }

        public String refusal() {
            return refusal;
        }
    }
}
