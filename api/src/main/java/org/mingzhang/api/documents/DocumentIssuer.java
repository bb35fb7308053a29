package org.mingzhang.api.documents;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.mingzhang.api.edge.Times;
import org.mingzhang.disclosure.DocumentKind;
import org.mingzhang.disclosure.DocumentNumbers;
import org.mingzhang.disclosure.DocumentRegistry;
import org.mingzhang.disclosure.IssuedDocument;
import org.mingzhang.reports.ClosingDocument;
import org.mingzhang.reports.CommitteeDocuments;
import org.mingzhang.reports.CommitteeDocuments.Gathered;
import org.mingzhang.reports.CommitteePdfs;
import org.mingzhang.reports.DisclosureDocument;
import org.mingzhang.reports.PlanDocument;
import org.mingzhang.reports.Provenance;

/**
 * Issues the committee's documents: gathers the model, renders it, and registers the PDF under its number, so that the
 * public can later fetch the very bytes a committee printed. Rendering the same model again gives the same bytes, so a
 * second request for unchanged books finds its number registered and serves what was registered.
 */
@Singleton
public final class DocumentIssuer {

    private final CommitteeDocuments documents;
    private final DocumentRegistry registry;

    public DocumentIssuer(CommitteeDocuments documents, DocumentRegistry registry) {
        this.documents = documents;
        this.registry = registry;
    }

    /** A registered document and its PDF. */
    public record Issued(IssuedDocument document, byte[] pdf) {
    }

    public Optional<Issued> plan(String projectCode) {
        return documents.plan(projectCode).map(g -> issue(g, CommitteePdfs::plan, g.model().title(), projectCode,
                g.model().fundCode(), null, null));
    }

    public Optional<Issued> closingReport(String projectCode) {
        return documents.closingReport(projectCode).map(g -> issue(g, CommitteePdfs::closingReport,
                g.model().report().title(), projectCode, g.model().report().fundCode(), null, null));
    }

    public Optional<Issued> disclosure(String fundCode, LocalDate from, LocalDate to) {
        return documents.disclosure(fundCode, from, to).map(g -> issue(g, CommitteePdfs::disclosure, g.model().fundName(),
                null, fundCode, g.model().from(), g.model().to()));
    }

    /**
     * Whether the document still shows what the books say: its subject gathered now has the same content (the chain
     * head aside). Empty when the subject is gone or can no longer have the document.
     */
    public Optional<Boolean> current(IssuedDocument d) {
        try {
            Optional<? extends Gathered<?>> now = switch (d.kind()) {
                case PLAN -> documents.plan(d.projectCode());
                case CLOSING_REPORT -> documents.closingReport(d.projectCode());
                case DISCLOSURE -> documents.disclosure(d.fundCode(), d.from(), d.to());
            };
            return now.map(g -> g.provenance().contentDigest().equals(d.contentDigest()));
        } catch (CommitteeDocuments.NotAvailableException | CommitteeDocuments.PeriodRefusedException e) {
            // A project set back (or a period that has since filled past what one notice lists) has no such document now.
            return Optional.empty();
        }
    }

    private <T> Issued issue(Gathered<T> gathered, Function<Gathered<T>, byte[]> render, String subjectTitle,
                             String projectCode, String fundCode, LocalDate from, LocalDate to) {
        Provenance p = gathered.provenance();
        Optional<IssuedDocument> known = registry.document(p.number());
        if (known.isPresent()) {
            return new Issued(known.get(), registry.pdf(p.number()).orElseThrow());
        }
        byte[] pdf = render.apply(gathered);
        String title = title(p.kind(), subjectTitle);
        IssuedDocument document = new IssuedDocument(p.number(), p.kind(), title, projectCode, fundCode, from, to,
                p.head().transactionId(), p.head().hash(), p.dataAsOf(), p.contentDigest(),
                DocumentNumbers.hex(DocumentNumbers.sha256(pdf)), Times.now());
        IssuedDocument registered = registry.register(document, pdf);
        return new Issued(registered, registered.sha256().equals(document.sha256()) ? pdf : registry.pdf(p.number()).orElseThrow());
    }

    private static String title(DocumentKind kind, String subject) {
        String title = kind.title() + "：" + subject;
        return title.length() <= IssuedDocument.TITLE_LENGTH_MAX ? title : title.substring(0, IssuedDocument.TITLE_LENGTH_MAX);
    }
}
