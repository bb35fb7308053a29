package org.mingzhang.reports.pdf;

import java.time.Instant;
import java.util.Objects;

/**
 * What a PDF says about itself in its information dictionary and footer: a title (required, also printed at the right of
 * every footer), a subject, the document number (printed at the left of every footer; null when the document has none),
 * keywords, and an explicit creation instant or null. Nothing here is taken from the clock, so the same information
 * gives the same bytes.
 */
public record DocumentInfo(String title, String subject, String documentNumber, String keywords, Instant created) {

    public DocumentInfo {
        Objects.requireNonNull(title, "title");
    }

    /** Information without a creation instant: the PDF then carries no dates at all. */
    public DocumentInfo(String title, String subject, String documentNumber, String keywords) {
        this(title, subject, documentNumber, keywords, null);
    }
}
