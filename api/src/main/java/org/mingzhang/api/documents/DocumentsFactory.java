package org.mingzhang.api.documents;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import org.mingzhang.disclosure.DocumentRegistry;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.journal.Ledger;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.matching.MatchingStore;
import org.mingzhang.need.NeedStore;
import org.mingzhang.project.ProjectSheets;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.gift.ProjectGiving;
import org.mingzhang.reports.CommitteeDocuments;
import org.mingzhang.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles the committee's documents from the core's read ports and the registry of issued documents. */
@Factory
final class DocumentsFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentsFactory.class);

    @Singleton
    DocumentRegistry documentRegistry(Database database) {
        return database.documentRegistry();
    }

    /** Made at start ({@link Context}), so that a missing or wrong MINGZHANG_PUBLIC_URL is said at once, not at the first PDF. */
    @Context
    CommitteeDocuments committeeDocuments(ProjectStore projects, ProjectSheets sheets, ProjectGiving giving,
                                          MatchingReads matchingReads, MatchingStore matching, NeedStore needs, GiftStore gifts,
                                          Ledger ledger, @Value("${mingzhang.public-url:}") String publicUrl,
                                          @Value("${micronaut.server.port:8080}") int port) {
        return new CommitteeDocuments(projects, sheets, giving, matchingReads, matching, needs, gifts, ledger.reads(),
                publicUrl(publicUrl, port));
    }

    /** The configured public address, checked, or the local one with a warning: a QR code must point somewhere real. */
    static String publicUrl(String configured, int port) {
        if (configured == null || configured.isBlank()) {
            String local = "http://localhost:" + port;
            LOG.warn("MINGZHANG_PUBLIC_URL is not set: the QR codes on documents point to {}, which only this machine can "
                    + "open. Set it to the address where residents reach the public page.", local);
            return local;
        }
        URI uri;
        try {
            uri = URI.create(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MINGZHANG_PUBLIC_URL must be an http or https address: " + configured, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException("MINGZHANG_PUBLIC_URL must be an http or https address without a query or "
                    + "fragment, like https://mingzhang.example.org: " + configured);
        }
        return uri.toString();
    }
}
