package org.mingzhang.api.ledger;

import io.micronaut.http.MutableHttpResponse;
import java.util.Set;
import org.mingzhang.api.problem.RejectionProblems;
import org.mingzhang.journal.Outcome;

/** The edge's reading of the ledger's answer: the accepted value, or the refusal as a problem. */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * @param pathFields rejection fields that the client gave in the URL (for example {@code id}), so that
     *                   "no such transaction" about them is a 404 rather than a 422
     */
    public static <T> T accepted(Outcome<T> outcome, Set<String> pathFields) {
        return switch (outcome) {
            case Outcome.Accepted<T> a -> a.value();
            case Outcome.Rejected<T> r -> throw RejectionProblems.of(r, pathFields);
        };
    }

    /** A replay answers as the first request did, and says so in the {@value TransactionsController#REPLAYED_HEADER} header. */
    public static <R> MutableHttpResponse<R> replayed(MutableHttpResponse<R> response, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Accepted<?> a && a.replayed()) {
            response.header(TransactionsController.REPLAYED_HEADER, "true");
        }
        return response;
    }
}
