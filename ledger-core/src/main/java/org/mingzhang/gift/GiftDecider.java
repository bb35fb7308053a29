package org.mingzhang.gift;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.closing.ClosedYears;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.Decider;
import org.mingzhang.journal.FiscalYear;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.money.Money;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectDecider;
import org.mingzhang.project.ProjectMoney;
import org.mingzhang.project.ProjectStatus;

/**
 * Decides gifts and refunds in the single writer: it checks the fund, the project's state and window,
 * numbers the receipt without gaps (per fund and year, in China Standard Time), books the gift as one
 * transaction (asset Dr / donation income Cr, restricted when it names a project), and on refund, whole or in part,
 * takes the money back out of the income it became (this year's) or the net assets it was closed into (an earlier
 * year's); what was already spent becomes an obligation to the donor (其他应付款 2209), paid later from the fund's own
 * cash. The receipt counters and the gifts decided since the last reload live in memory.
 */
public final class GiftDecider implements Decider {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Gifts decided since the last reload, so that a refund or replay in the same batch finds them. */
    private static final int RECENT_GIFTS_MAX = 10_000;

    private final GiftStore store;
    private final ProjectDecider projects;
    private final ClosedYears years;
    private final List<GiftListener> listeners = new java.util.ArrayList<>();
    private final Map<String, Integer> receiptSeqs = new HashMap<>();
    private final Map<Long, Gift> recent = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Gift> eldest) {
            return size() > RECENT_GIFTS_MAX;
        }
    };
    /** The same recent gifts by idempotency key, so that a replay is found without a scan. */
    private final Map<String, Gift> recentByKey = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Gift> eldest) {
            return size() > RECENT_GIFTS_MAX;
        }
    };
    /** Refund steps decided since the last reload, by idempotency key, so that a replay in the same batch finds them. */
    private final Map<String, GiftRefund> steps = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GiftRefund> eldest) {
            return size() > RECENT_GIFTS_MAX;
        }
    };
    private long lastGiftId;

    public GiftDecider(GiftStore store, ProjectDecider projects, ClosedYears years) {
        this.store = store;
        this.projects = projects;
        this.years = years;
    }

    /** Registers a decider that must act on gifts and refunds (before the writer starts). */
    public void listen(GiftListener listener) {
        listeners.add(listener);
    }

    @Override
    public void reload() {
        receiptSeqs.clear();
        receiptSeqs.putAll(store.lastReceiptSeqs());
        recent.clear();
        recentByKey.clear();
        steps.clear();
        lastGiftId = store.lastGiftId();
    }

    @Override
    public boolean decides(LedgerCommand<?> command) {
        return command instanceof RecordGift || command instanceof RefundGift || command instanceof PayRefundOwed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Outcome<T> decide(LedgerCommand<T> command, Books books) {
        return (Outcome<T>) switch ((LedgerCommand<?>) command) {
            case RecordGift c -> record(c, books);
            case RefundGift c -> refund(c, books);
            case PayRefundOwed c -> payOwed(c, books);
            default -> throw new IllegalArgumentException("not a gift command: " + command);
        };
    }

    private Outcome<Gift> record(RecordGift c, Books books) {
        if (books.earlierWithKey(c.idempotencyKey()).isPresent()) {
            Gift earlier = Optional.ofNullable(recentByKey.get(c.idempotencyKey()))
                    .or(() -> store.giftByIdempotencyKey(c.idempotencyKey())).orElse(null);
            if (earlier != null && earlier.requestHash().equals(c.requestHash())) {
                return new Outcome.Accepted<>(earlier, true);
            }
            return new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key " + c.idempotencyKey()
                    + " was already used for a different request", "Idempotency-Key");
        }
        Fund fund = books.fund(c.fundCode()).orElse(null);
        if (fund == null) {
            return new Outcome.Rejected<>(Rejection.FUND_MUST_EXIST, "no fund " + c.fundCode(), "fundCode");
        }
        Project project = null;
        if (c.projectCode() != null) {
            project = projects.project(c.projectCode());
            if (project == null) {
                return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.projectCode(), "projectCode");
            }
            if (project.fundId() != fund.id()) {
                return new Outcome.Rejected<>(Rejection.GIFT_PROJECT_MUST_BELONG_TO_FUND, "project " + project.code()
                        + " belongs to another fund than " + fund.code(), "projectCode");
            }
            if (project.status() != ProjectStatus.FUNDRAISING) {
                return new Outcome.Rejected<>(Rejection.PROJECT_MUST_BE_RAISING, "project " + project.code() + " is "
                        + project.status() + "; it takes gifts only while it raises money (FUNDRAISING)", "projectCode");
            }
            if (!project.plan().inWindow(c.receivedAt())) {
                return new Outcome.Rejected<>(Rejection.GIFT_MUST_BE_RECEIVED_IN_WINDOW, "project " + project.code()
                        + " raises money from " + project.plan().fundraisingOpensAt() + " to "
                        + project.plan().fundraisingClosesAt() + "; this gift was received " + c.receivedAt(), "receivedAt");
            }
        }
        long id = lastGiftId + 1;
        int year = c.receivedAt().atZone(CHINA).getYear();
        String counter = fund.id() + ":" + year;
        int seq = receiptSeqs.getOrDefault(counter, 0) + 1;
        String receiptNo = "%s-%d-%06d".formatted(fund.code(), year, seq);
        String income = project != null ? ChartTemplate.RESTRICTED_DONATIONS : ChartTemplate.UNRESTRICTED_DONATIONS;
        Outcome<Transaction> booked = projects.book(books, new PostEntry(c.idempotencyKey(), c.by().recordedBy(), TransactionKind.DONATION,
                fund.code(), "捐赠 gift " + receiptNo, c.receivedAt(),
                new References(String.valueOf(id), null, null, project == null ? null : project.code()),
                List.of(PostingLine.debit(c.channel().assetAccountCode(), c.amountFen()), PostingLine.credit(income, c.amountFen()))));
        if (booked instanceof Outcome.Rejected<Transaction> r) {
            return new Outcome.Rejected<>(r.rejection(), r.detail(), "occurredAt".equals(r.field()) ? "receivedAt" : "amount");
        }
        Transaction t = booked.value();
        Gift gift = new Gift(id, c.idempotencyKey(), c.requestHash(), fund.id(), project == null ? null : project.id(), c.amountFen(),
                c.channel(), c.donor(), c.inKind(), t.occurredAt(), c.note(), receiptNo, TraceCodes.next(), t.id(),
                GiftStatus.RECEIVED, null, null, null, c.by().recordedBy(), books.now(), 0, 0);
        lastGiftId = id;
        receiptSeqs.put(counter, seq);
        remember(gift);
        books.write(new GiftRecorded(gift));
        listeners.forEach(l -> l.giftRecorded(gift, books));
        return new Outcome.Accepted<>(gift, false);
    }

    private Outcome<Gift> refund(RefundGift c, Books books) {
        Gift gift = gift(c.giftId()).orElse(null);
        if (gift == null) {
            return new Outcome.Rejected<>(Rejection.GIFT_MUST_EXIST, "no gift " + c.giftId(), "id");
        }
        if (books.earlierWithKey(c.idempotencyKey()).isPresent()) {
            GiftRefund step = step(c.idempotencyKey());
            boolean same = step != null && step.kind() == GiftRefund.Kind.REFUND && step.giftId() == gift.id()
                    && step.reason().equals(c.reason()) && (c.amountFen() == null || c.amountFen() == step.amountFen());
            return same ? new Outcome.Accepted<>(gift, true) : new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT,
                    "Idempotency-Key " + c.idempotencyKey() + " was already used for a different request", "Idempotency-Key");
        }
        if (gift.status() == GiftStatus.REFUNDED) {
            return new Outcome.Rejected<>(Rejection.GIFT_MUST_NOT_BE_REFUNDED_TWICE, "gift " + gift.receiptNo()
                    + " was refunded in whole at " + gift.refundedAt(), "id");
        }
        long amount = c.amountFen() == null ? gift.standingFen() : c.amountFen();
        if (amount > gift.standingFen()) {
            return new Outcome.Rejected<>(Rejection.REFUND_MUST_NOT_EXCEED_GIFT, "gift " + gift.receiptNo() + " of "
                    + Money.format(gift.amountFen()) + " has " + Money.format(gift.refundedFen()) + " refunded already; at most "
                    + Money.format(gift.standingFen()) + " may still be refunded, not " + Money.format(amount), "amount");
        }
        Fund fund = books.fund(gift.fundId()).orElseThrow();
        int giftYear = FiscalYear.of(gift.receivedAt());
        int year = FiscalYear.of(books.now());
        String asset = gift.channel().assetAccountCode();
        boolean goods = ChartTemplate.INVENTORY.equals(asset);
        long inAccount = books.account(fund.id(), asset).map(org.mingzhang.account.Account::availableFen).orElse(0L);
        Project project = null;
        String from;
        long back;
        if (gift.projectId() != null) {
            project = projects.project(gift.projectId());
            if (project.acceptedForGood()) {
                return new Outcome.Rejected<>(Rejection.PROJECT_MUST_NOT_BE_ACCEPTED, "project " + project.code()
                        + " was accepted and is closed for good; its gifts can no longer be refunded", "id");
            }
            Outcome.Rejected<Gift> open = projects.yearsOpen(project, books.now());
            if (open != null) {
                return open;
            }
            // What the project still holds of the gift's restricted money (this year's income, or restricted net assets once
            // its year was closed), unreserved, goes back now; the rest was spent on the project's purpose.
            ProjectMoney m = projects.money(project.id());
            long restricted = giftYear == year ? m.restrictedIncomeFen(year) : m.restrictedNetFen();
            back = Math.max(0, Math.min(Math.min(amount, restricted), Math.min(goods ? m.availableGoodsFen() : m.availableCashFen(),
                    inAccount)));
            from = giftYear == year ? ChartTemplate.RESTRICTED_DONATIONS : ChartTemplate.RESTRICTED_NET_ASSETS;
        } else {
            if (giftYear < year && !years.closed(fund.id(), giftYear)) {
                return new Outcome.Rejected<>(Rejection.YEAR_MUST_BE_CLOSED_FIRST, "the gift was received in " + giftYear
                        + ", which fund " + fund.code() + " has not closed; close " + giftYear + " (期末结转) before refunding it",
                        "year");
            }
            // The fund's own money, never what its projects hold, goes back now.
            back = Math.max(0, Math.min(amount, Math.min(projects.free(books, fund, goods), inAccount)));
            from = giftYear == year ? ChartTemplate.UNRESTRICTED_DONATIONS : ChartTemplate.UNRESTRICTED_NET_ASSETS;
        }
        long owed = amount - back;
        List<PostingLine> lines = new java.util.ArrayList<>();
        if (project != null) {
            // 民非: what still stands of the restricted gift leaves its restricted income (or net assets); what was spent is
            // no longer restricted money, so the obligation to give it back is a charge on the fund (Dr 5201 / Cr 2209).
            if (back > 0) {
                lines.add(PostingLine.debit(from, back));
                lines.add(PostingLine.credit(asset, back));
            }
            if (owed > 0) {
                lines.add(PostingLine.debit(ChartTemplate.MANAGEMENT_EXPENSES, owed));
                lines.add(PostingLine.credit(ChartTemplate.OTHER_PAYABLES, owed));
            }
        } else {
            // An unrestricted gift's income (or the net assets it became) is reduced by the whole refund; what the fund
            // cannot pay from its own money now, it owes.
            lines.add(PostingLine.debit(from, amount));
            if (back > 0) {
                lines.add(PostingLine.credit(asset, back));
            }
            if (owed > 0) {
                lines.add(PostingLine.credit(ChartTemplate.OTHER_PAYABLES, owed));
            }
        }
        String memo = "退款 refund of " + (amount == gift.standingFen() && gift.refundedFen() == 0 ? "gift " : Money.format(amount)
                + " of gift ") + gift.receiptNo() + ": " + c.reason() + (owed > 0 ? "; " + Money.format(owed)
                + " already spent, owed to the donor (其他应付款)" : "");
        Outcome<Transaction> booked = projects.book(books, new PostEntry(c.idempotencyKey(), c.by().recordedBy(),
                TransactionKind.REFUND, fund.code(), memo, null,
                new References(String.valueOf(gift.id()), null, null, project == null ? null : project.code()), lines));
        if (booked instanceof Outcome.Rejected<Transaction> r) {
            return new Outcome.Rejected<>(r.rejection(), r.detail(), "id");
        }
        Transaction t = booked.value();
        GiftRefund step = new GiftRefund(t.id(), gift.id(), GiftRefund.Kind.REFUND, c.idempotencyKey(), c.requestHash(), amount,
                back, owed, c.reason(), c.by().recordedBy(), books.now());
        Gift refunded = gift.refunded(t.id(), books.now(), c.reason(), amount, owed);
        remember(refunded);
        steps.put(step.idempotencyKey(), step);
        books.write(new GiftRefunded(refunded, step));
        listeners.forEach(l -> l.giftRefunded(gift, refunded, books));
        return new Outcome.Accepted<>(refunded, false);
    }

    /** Pays the donor what a refund left owed: Dr 2209 / Cr 1002, from the fund's own cash. */
    private Outcome<Gift> payOwed(PayRefundOwed c, Books books) {
        Gift gift = gift(c.giftId()).orElse(null);
        if (gift == null) {
            return new Outcome.Rejected<>(Rejection.GIFT_MUST_EXIST, "no gift " + c.giftId(), "id");
        }
        if (books.earlierWithKey(c.idempotencyKey()).isPresent()) {
            GiftRefund step = step(c.idempotencyKey());
            boolean same = step != null && step.kind() == GiftRefund.Kind.PAYMENT && step.giftId() == gift.id()
                    && step.requestHash().equals(c.requestHash());
            return same ? new Outcome.Accepted<>(gift, true) : new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT,
                    "Idempotency-Key " + c.idempotencyKey() + " was already used for a different request", "Idempotency-Key");
        }
        long amount = c.amountFen() == null ? gift.refundOwedFen() : c.amountFen();
        if (gift.refundOwedFen() == 0 || amount > gift.refundOwedFen()) {
            return new Outcome.Rejected<>(Rejection.REFUND_OWED_MUST_COVER_PAYMENT, "fund owes the donor of gift " + gift.receiptNo()
                    + " " + Money.format(gift.refundOwedFen()) + " from its refunds; it cannot pay " + Money.format(amount),
                    c.amountFen() == null ? "id" : "amount");
        }
        Fund fund = books.fund(gift.fundId()).orElseThrow();
        if (projects.free(books, fund, false) < amount) {
            return projects.fundMustCover(books, fund, false, amount, "paying what a refund owed", "amount");
        }
        Outcome<Transaction> booked = projects.book(books, new PostEntry(c.idempotencyKey(), c.by().recordedBy(),
                TransactionKind.SETTLEMENT, fund.code(), "退款支付 paid to the donor what the refund of gift " + gift.receiptNo()
                        + " owed" + (c.note() == null ? "" : ": " + c.note()), null,
                new References(String.valueOf(gift.id()), null, null, null),
                List.of(PostingLine.debit(ChartTemplate.OTHER_PAYABLES, amount), PostingLine.credit(ChartTemplate.BANK, amount))));
        if (booked instanceof Outcome.Rejected<Transaction> r) {
            return new Outcome.Rejected<>(r.rejection(), r.detail(), "amount");
        }
        Transaction t = booked.value();
        GiftRefund step = new GiftRefund(t.id(), gift.id(), GiftRefund.Kind.PAYMENT, c.idempotencyKey(), c.requestHash(), amount,
                amount, 0, c.note() == null ? "支付退款 paid what was owed" : c.note(), c.by().recordedBy(), books.now());
        Gift paid = gift.owedPaid(amount);
        remember(paid);
        steps.put(step.idempotencyKey(), step);
        books.write(new GiftRefunded(paid, step));
        return new Outcome.Accepted<>(paid, false);
    }

    private GiftRefund step(String idempotencyKey) {
        GiftRefund known = steps.get(idempotencyKey);
        return known != null ? known : store.refundByIdempotencyKey(idempotencyKey).orElse(null);
    }

    private void remember(Gift gift) {
        recent.put(gift.id(), gift);
        recentByKey.put(gift.idempotencyKey(), gift);
    }

    private Optional<Gift> gift(long id) {
        Gift known = recent.get(id);
        return known != null ? Optional.of(known) : store.gift(id);
    }
}
