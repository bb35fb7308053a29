package org.mingzhang.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Writes target/pdf-samples/toolkit-sample.pdf, the document to look at when the layout changes. */
class SampleWriterTest {

    @Test
    @DisplayName("when the toolkit sample is built then it is written to target/pdf-samples for a human to look at")
    void writesSample() throws Exception {
        Path file = Samples.write("toolkit-sample.pdf", Samples.toolkitSample());
        assertThat(Files.size(file)).isPositive();
    }
}
