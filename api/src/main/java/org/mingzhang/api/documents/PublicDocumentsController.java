package org.mingzhang.api.documents;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.disclosure.DocumentNumbers;
import org.mingzhang.disclosure.DocumentRegistry;
import org.mingzhang.disclosure.IssuedDocument;

/**
 * Issued documents by their number, without a token: a resident who scans the QR code on a printed notice learns what
 * the document is, when its data ended and its SHA-256, fetches the same PDF, and sees whether it is still current.
 */
@Controller("/api/v1/public/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Public")
@SecurityRequirements
public final class PublicDocumentsController {

    private final DocumentRegistry registry;
    private final DocumentIssuer issuer;

    public PublicDocumentsController(DocumentRegistry registry, DocumentIssuer issuer) {
        this.registry = registry;
        this.issuer = issuer;
    }

    @Get("/{number}")
    @Operation(operationId = "getPublicDocument", summary = "What an issued document is, the books it shows and its SHA-256")
    @ApiResponse(responseCode = "404", description = "No document was issued under this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublicDocumentResponse get(String number) {
        IssuedDocument d = find(number);
        return new PublicDocumentResponse(d.number(), d.kind().name(), d.title(), d.projectCode(), d.fundCode(), date(d.from()),
                date(d.to()), Times.format(d.dataAsOf()), d.chainHeadId(), d.chainHeadHash(), d.sha256(),
                "/api/v1/public/documents/" + d.number() + "/pdf", issuer.current(d).orElse(null));
    }

    @Get(value = "/{number}/pdf", produces = DocumentsController.PDF)
    @Operation(operationId = "getPublicDocumentPdf", summary = "The issued document's PDF, the same bytes as when it was issued")
    @ApiResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = DocumentsController.PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No document was issued under this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<byte[]> pdf(String number) {
        IssuedDocument d = find(number);
        return DocumentsController.pdf(new DocumentIssuer.Issued(d, registry.pdf(d.number()).orElseThrow()));
    }

    private IssuedDocument find(String number) {
        if (!DocumentNumbers.wellFormed(number)) {
            throw Problems.invalid("number", "must be a document number like MZC-7K3M-Q9TZ-4H1D-8WXA: " + number);
        }
        return registry.document(number).orElseThrow(() -> Problems.notFound("document-must-exist",
                "no document was issued under the number " + number));
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
