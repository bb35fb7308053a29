package org.mingzhang.reports.pdf;

import java.util.Objects;

/** One row of a bordered form ({@link PdfReport#fields}): a label and its value; a null value prints as empty. */
public record Field(String label, String value) {

    public Field {
        Objects.requireNonNull(label, "label");
        value = value == null ? "" : value;
    }
}
