package org.mingzhang.api.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Makes the JSON reader refuse what a lenient one would guess at. In a ledger a guess is a wrong
 * booking: {@code "debit": 500.1} read as a string hides a float that may already have lost a fen,
 * and an unknown field is usually a misspelt one ({@code "credt"}) whose value would be dropped.
 */
@Singleton
public final class StrictJson implements BeanCreatedEventListener<ObjectMapper> {

    @Override
    @SuppressWarnings("deprecation") // ObjectMapper.configure(MapperFeature) is the only way once the mapper exists.
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        ObjectMapper mapper = event.getBean();
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true)
                // Micronaut turns these on; a single posting where a list is expected is a client bug.
                .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false)
                .configure(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS, false)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // Text that cannot be stored or displayed as it was sent (NUL, control characters, bidi overrides) is refused.
        mapper.registerModule(new SimpleModule("mingzhang-checked-text").addDeserializer(String.class,
                CheckedTextDeserializer.ONE_LINE));
        // Numbers and booleans are never read as text: money is "500.00", never 500.00.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // A count is a whole number: 1.5 residents would otherwise be read as 1.
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
