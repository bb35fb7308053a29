package org.mingzhang.api.documents;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.reports.CommitteeDocuments;

/** How the edge answers when a document cannot be gathered: a subject that has none yet, a writer that never pauses. */
final class DocumentProblemHandlers {

    private DocumentProblemHandlers() {
    }

    /** A closing report of a project that was never approved: 409, the project is in the wrong state for it. */
    @Singleton
    static final class NotAvailable implements ExceptionHandler<CommitteeDocuments.NotAvailableException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, CommitteeDocuments.NotAvailableException exception) {
            return Problems.response(request, Problems.of("document-must-be-available", "Document not available", 409,
                    exception.getMessage(), null));
        }
    }

    /** The books changed during every gathering: 503 with Retry-After, a moment later the writer will have paused. */
    @Singleton
    static final class Busy implements ExceptionHandler<CommitteeDocuments.DocumentsBusyException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, CommitteeDocuments.DocumentsBusyException exception) {
            return Problems.unavailable(request, "books-busy", "Books busy", exception.getMessage(), 1);
        }
    }
}
