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
}
