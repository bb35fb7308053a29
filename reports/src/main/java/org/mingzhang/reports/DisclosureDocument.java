package org.mingzhang.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.project.ProjectStatus;

/**
 * What a fund's disclosure (公示) of a period shows on the notice board: its balances at the start and the end of the
 * period, the gifts received in it with donors as the public may see them, the payments made from its projects, and
 * where each project stands. No phone or ID number is in the model, so none can reach the paper.
 *
 * @param from the first day of the period, China Standard Time
 * @param to the last day of the period (included)
 * @param projects the fund's projects (drafts excepted: they are not public yet), their figures as of the data's end
 */
public record DisclosureDocument(String fundCode, String fundName, LocalDate from, LocalDate to, Balances opening,
                                 Balances closing, List<GiftLine> gifts, List<PaymentLine> payments,
                                 List<ProjectLine> projects) {

    public DisclosureDocument {
        gifts = List.copyOf(gifts);
        payments = List.copyOf(payments);
        projects = List.copyOf(projects);
    }

    /**
     * A fund's balances at an instant, as the API's fund balances count them ({@code FundBalances}): cash on hand and in
     * the bank; restricted and unrestricted net assets (income and expenses of a year not yet closed included).
     */
    public record Balances(Instant asOf, long cashFen, long restrictedFen, long unrestrictedFen) {

        public long netAssetsFen() {
            return Math.addExact(restrictedFen, unrestrictedFen);
        }
    }

    /**
     * A gift received in the period. {@code donor} is the public name (爱心人士, 张*明, 某企业 or the name the donor
     * consented to show); {@code refundedFen} what was refunded of it since.
     */
    public record GiftLine(Instant receivedAt, String receiptNo, String donor, DonorKind donorKind, Channel channel,
                           String projectCode, long amountFen, long refundedFen) {
    }

    /** A payment made in the period from one of the fund's projects, on a budget line, for a purpose. */
    public record PaymentLine(Instant paidAt, String projectCode, String projectTitle, String budgetItem, String purpose,
                              long amountFen) {
    }

    /** A project of the fund and its figures as of the data's end. */
    public record ProjectLine(String code, String title, ProjectStatus status, long targetFen, long raisedFen,
                              long matchedFen, long disbursedFen, long heldFen) {
    }

    public long giftsFen() {
        return gifts.stream().mapToLong(GiftLine::amountFen).reduce(0, Math::addExact);
    }

    public long giftsRefundedFen() {
        return gifts.stream().mapToLong(GiftLine::refundedFen).reduce(0, Math::addExact);
    }

    public long paymentsFen() {
        return payments.stream().mapToLong(PaymentLine::amountFen).reduce(0, Math::addExact);
    }

    /**
     * What changed the fund's net assets in the period besides the gifts received and the payments made: matches
     * received, management fees, refunds, goods, adjustments. Shown on its own line so that opening + gifts − payments +
     * this = closing, exactly.
     */
    public long otherChangesFen() {
        return Math.addExact(Math.subtractExact(Math.subtractExact(closing.netAssetsFen(), opening.netAssetsFen()), giftsFen()),
                paymentsFen());
    }
}
