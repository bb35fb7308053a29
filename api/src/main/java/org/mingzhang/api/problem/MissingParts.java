package org.mingzhang.api.problem;

import io.micronaut.core.type.Argument;
import org.mingzhang.api.edge.IdempotencyKeys;

/** The 400 for a missing part of a request, in words a client understands. */
final class MissingParts {

    private MissingParts() {
    }

    static ProblemException problem(Argument<?> argument) {
        String name = ArgumentNames.of(argument);
        if (ArgumentNames.isBody(argument)) {
            return Problems.invalid(name, name == null ? "a JSON request body is required" : "is required");
        }
        if (ArgumentNames.isHeader(argument)) {
            if (IdempotencyKeys.HEADER.equalsIgnoreCase(name)) {
                return Problems.invalid(name, IdempotencyKeys.MISSING);
            }
            return Problems.invalid(name, "the " + name + " header is required");
        }
        return Problems.invalid(name, "is required");
    }
}
