package org.mingzhang.api.problem;

import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;

/** The name a client knows an argument by: the header, query or path name, not the Java parameter's. */
final class ArgumentNames {

    private ArgumentNames() {
    }

    /** The bound name, or null for the body itself. */
    static String of(Argument<?> argument) {
        var metadata = argument.getAnnotationMetadata();
        if (metadata.hasStereotype(Body.class) && metadata.stringValue(Body.class).isEmpty()) {
            return null;
        }
        return metadata.getAnnotationTypeByStereotype(Bindable.class)
                .flatMap(metadata::stringValue)
                .filter(s -> !s.isBlank())
                .orElse(argument.getName());
    }

    static boolean isHeader(Argument<?> argument) {
        return argument.getAnnotationMetadata().hasStereotype(io.micronaut.http.annotation.Header.class);
    }

    static boolean isBody(Argument<?> argument) {
        return argument.getAnnotationMetadata().hasStereotype(Body.class);
    }
}
