package org.mingzhang.api.documents;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.mingzhang.reports.pdf.DocumentInfo;
import org.mingzhang.reports.pdf.PdfReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses the documents' fonts (two TrueType files of about 10 MB) in the background once the service answers, by
 * rendering a one-line document, so that the first committee member to open a PDF does not wait the seconds that
 * parsing takes.
 */
@Singleton
final class FontWarmUp implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FontWarmUp.class);

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Thread warm = new Thread(() -> {
            long started = System.nanoTime();
            try {
                // A one-line document parses both faces into the pool the documents borrow from, and warms the code.
                PdfReport page = PdfReport.a4(new DocumentInfo("明账", null, null, null));
                page.title("明账 Mingzhang");
                page.finish();
                LOG.debug("the documents' fonts are parsed ({} ms)", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                // The first document will parse them again and say what is wrong there; the service runs either way.
                LOG.warn("the documents' fonts could not be parsed ahead: {}", e.getMessage());
            }
        }, "mingzhang-font-warm-up");
        warm.setDaemon(true);
        warm.start();
    }
}
