package org.mingzhang.api.donations;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.ledger.AccountDirectory;
import org.mingzhang.api.matching.MatchPreviewResponse;
import org.mingzhang.api.matching.MatchPreviews;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.Gift;
import org.mingzhang.money.Money;

/** Builds the donation answers: codes instead of ids, money as yuan strings, times in China Standard Time. */
@Singleton
final class DonationViews {

    private final AccountDirectory directory;
    private final ProjectCodes projects;
    private final MatchPreviews previews;

    DonationViews(AccountDirectory directory, ProjectCodes projects, MatchPreviews previews) {
        this.directory = directory;
        this.projects = projects;
        this.previews = previews;
    }

    DonationResponse of(Gift g) {
        return of(g, new HashMap<>());
    }

    /**
     * @param previewsByProject the match previews already computed for this answer: a page of gifts to one
     *                          project computes its match once
     */
    DonationResponse of(Gift g, Map<String, MatchPreviewResponse> previewsByProject) {
        Donor d = g.donor();
        String projectCode = g.projectId() == null ? null : projects.code(g.projectId());
        MatchPreviewResponse preview = projectCode == null ? null
                : previewsByProject.computeIfAbsent(projectCode, previews::preview);
        return new DonationResponse(g.id(), g.receiptNo(), g.traceCode(), directory.fundCode(g.fundId()), projectCode,
                Money.format(g.amountFen()), g.restricted(), g.status(), g.channel(), Times.format(g.receivedAt()),
                new DonorResponse(d.name(), d.kind(), d.phone(), d.idNumber(), d.creditCode(), d.anonymous(),
                        d.publicNameConsent()),
                g.inKind() == null ? null
                        : new InKindResponse(g.inKind().description(), g.inKind().quantity(), g.inKind().valuationBasis()),
                g.note(), g.transactionId(), g.refundTransactionId(), Times.format(g.refundedAt()), g.refundReason(),
                g.recordedBy(), Times.format(g.recordedAt()), preview);
    }
}
