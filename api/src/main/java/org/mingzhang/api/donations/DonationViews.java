package org.mingzhang.api.donations;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mingzhang.api.edge.Times;
import org.mingzhang.api.ledger.AccountDirectory;
import org.mingzhang.api.matching.MatchPreviewResponse;
import org.mingzhang.api.matching.MatchPreviews;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.GiftRefund;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.matching.MatchedGift;
import org.mingzhang.money.Money;

/** Builds the donation answers: codes instead of ids, money as yuan strings, times in China Standard Time. */
@Singleton
final class DonationViews {

    private final AccountDirectory directory;
    private final ProjectCodes projects;
    private final MatchPreviews previews;
    private final GiftStore gifts;

    DonationViews(AccountDirectory directory, ProjectCodes projects, MatchPreviews previews, GiftStore gifts) {
        this.directory = directory;
        this.projects = projects;
        this.previews = previews;
        this.gifts = gifts;
    }

    /** One gift, with its refunds. */
    DonationResponse of(Gift g) {
        return of(g, new HashMap<>(), g.refundedFen() == 0 ? List.of() : gifts.refunds(g.id()));
    }

    /**
     * A gift just recorded, with its project's match as the writer answered it (nothing read back): a refund list only
     * for a replayed gift that has refunds since.
     */
    DonationResponse of(MatchedGift answered) {
        Gift g = answered.gift();
        Map<String, MatchPreviewResponse> preview = new HashMap<>();
        if (g.projectId() != null) {
            String code = projects.code(g.projectId());
            preview.put(code, previews.of(code, answered.match()));
        }
        return of(g, preview, g.refundedFen() == 0 ? List.of() : gifts.refunds(g.id()));
    }

    /** A gift in a list: its refunded and owed amounts, not each refund. */
    DonationResponse inList(Gift g, Map<String, MatchPreviewResponse> previewsByProject) {
        return of(g, previewsByProject, null);
    }

    /**
     * @param previewsByProject the match previews already computed for this answer: a page of gifts to one
     *                          project computes its match once
     */
    private DonationResponse of(Gift g, Map<String, MatchPreviewResponse> previewsByProject, List<GiftRefund> refunds) {
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
                Money.format(g.refundedFen()), Money.format(g.refundOwedFen()),
                refunds == null ? null : refunds.stream().map(DonationViews::of).toList(),
                g.recordedBy(), Times.format(g.recordedAt()), preview);
    }

    private static RefundResponse of(GiftRefund r) {
        return new RefundResponse(r.kind(), Money.format(r.amountFen()), Money.format(r.returnedFen()), Money.format(r.owedFen()),
                r.reason(), r.transactionId(), r.recordedBy(), Times.format(r.recordedAt()));
    }
}
