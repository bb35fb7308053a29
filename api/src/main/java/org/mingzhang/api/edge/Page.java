package org.mingzhang.api.edge;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a list. {@code nextCursor} is what to pass as {@code ?cursor=} for the next page; null
 * when this page is the last.
 */
public record Page<T>(List<T> items, @Schema(nullable = true, example = "42") String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** The id a list resumes after, from a cursor that is the last id of the previous page (0: from the start). */
    public static long afterId(String cursor, Input input) {
        if (cursor == null) {
            return 0;
        }
        try {
            long id = Long.parseLong(cursor);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        input.fail("cursor", "must be the nextCursor of a previous page: " + cursor);
        return 0;
    }
}
