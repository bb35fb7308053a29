package org.mingzhang.closing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.mingzhang.account.Account;
import org.mingzhang.account.AccountType;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.ClosePeriod;
import org.mingzhang.journal.Decider;
import org.mingzhang.journal.FiscalYear;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.journal.Leg;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.project.ProjectDecider;

/**
 * Decides year-end closes (期末结转) in the single writer, as 《民间非营利组织会计制度》 prescribes: at the end of the year
 * every income account is closed into net assets, restricted income into restricted net assets (Dr 410102 / Cr 3102)
 * and unrestricted income into unrestricted net assets (Dr 410101 / Cr 3101), and every expense into unrestricted net
 * assets (Dr 3101 / Cr 5101, 5201, 5301). The entries are dated at the year's last microsecond, one per project whose
 * money the year touched (so that each project's restricted money carries into the next year as its own) and one for
 * the rest of the fund; then the year is locked. Years close in order, each once, after they have ended.
 */
public final class YearEndDecider implements Decider, ClosedYears {

    private final ClosingStore store;
    private final ProjectDecider projects;
    private final Map<Long, Integer> lastClosedYear = new HashMap<>();

    public YearEndDecider(ClosingStore store, ProjectDecider projects) {
        this.store = store;
        this.projects = projects;
    }

    @Override
    public void reload() {
        lastClosedYear.clear();
        store.yearCloses().forEach(c -> lastClosedYear.merge(c.fundId(), c.year(), Math::max));
    }

    @Override
    public boolean closed(long fundId, int year) {
        Integer last = lastClosedYear.get(fundId);
        return last != null && year <= last;
    }

    /** Year-end closes, and period closes, which may not lock a year whose income and expenses are not closed. */
    @Override
    public boolean decides(LedgerCommand<?> command) {
        return command instanceof CloseYear || command instanceof ClosePeriod;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Outcome<T> decide(LedgerCommand<T> command, Books books) {
        return (Outcome<T>) switch ((LedgerCommand<?>) command) {
            case CloseYear c -> close(c, books);
            case ClosePeriod c -> closePeriod(c, books);
            default -> throw new IllegalArgumentException("not a closing command: " + command);
        };
    }

    /**
     * A period close (结账) through or past a year's end locks that year: it is refused until the year is closed with
     * its closing entries (期末结转), which a period close does not book.
     */
    private Outcome<Fund> closePeriod(ClosePeriod c, Books books) {
        Fund fund = books.fund(c.fundCode()).orElse(null);
        // The journal's own refusals (no such fund, not ended, closed already) come first.
        boolean ended = !c.through().isAfter(books.now());
        if (fund != null && ended && (fund.closedThrough() == null || c.through().isAfter(fund.closedThrough()))) {
            Integer last = lastClosedYear.get(fund.id());
            int open = last != null ? last + 1 : firstYear(fund, books);
            if (open != Integer.MAX_VALUE && !FiscalYear.end(open).isAfter(c.through())) {
                return new Outcome.Rejected<>(Rejection.YEAR_MUST_BE_CLOSED_FIRST, "the period reaches the end of " + open
                        + ", which fund " + fund.code() + " has not closed; close the year (期末结转) first, which books its "
                        + "closing entries and locks it", "period");
            }
        }
        return books.closePeriod(c);
    }

    private Outcome<YearClose> close(CloseYear c, Books books) {
        Fund fund = books.fund(c.fundCode()).orElse(null);
        if (fund == null) {
            return new Outcome.Rejected<>(Rejection.FUND_MUST_EXIST, "no fund " + c.fundCode(), "fundCode");
        }
        Instant end = FiscalYear.end(c.year());
        if (books.now().isBefore(FiscalYear.start(c.year() + 1))) {
            return new Outcome.Rejected<>(Rejection.YEAR_MUST_HAVE_ENDED, "the year " + c.year() + " has not ended; it closes "
                    + "from 1 January " + (c.year() + 1) + " (China Standard Time)", "year");
        }
        if (closed(fund.id(), c.year())) {
            return new Outcome.Rejected<>(Rejection.YEAR_MUST_NOT_BE_CLOSED_TWICE, "fund " + fund.code() + " has closed "
                    + lastClosedYear.get(fund.id()) + " already; a year is closed once", "year");
        }
        Integer last = lastClosedYear.get(fund.id());
        int mustClose = last != null ? last + 1 : firstYear(fund, books);
        if (mustClose < c.year()) {
            return new Outcome.Rejected<>(Rejection.YEAR_MUST_CLOSE_IN_ORDER, "fund " + fund.code() + " has entries in "
                    + mustClose + ", which is not closed; close " + mustClose + " first (years close in order)", "year");
        }
        if (fund.closedThrough() != null && !fund.closedThrough().isBefore(end)) {
            return new Outcome.Rejected<>(Rejection.YEAR_CLOSE_MUST_PRECEDE_PERIOD_CLOSE, "fund " + fund.code()
                    + " is closed through " + fund.closedThrough() + "; the closing entries are dated " + end
                    + ", so the year is closed before any later period", "year");
        }
        List<Long> entries = new ArrayList<>();
        Map<String, Map<String, Long>> balances = balances(fund, end, books);
        for (Map.Entry<String, Map<String, Long>> tag : balances.entrySet()) {
            List<PostingLine> lines = closingLines(fund, tag.getValue(), books);
            if (lines.isEmpty()) {
                continue;
            }
            String project = tag.getKey();
            String key = LedgerLimits.INTERNAL_KEY_PREFIX + "year-close:" + fund.code() + ":" + c.year()
                    + (project == null ? "" : ":" + project);
            Transaction t = mustAccept(projects.book(books, new PostEntry(key, c.by().recordedBy(), TransactionKind.YEAR_CLOSE,
                    fund.code(), "期末结转 " + c.year() + (project == null ? "" : " project " + project), end,
                    new References(null, null, null, project), lines)));
            entries.add(t.id());
        }
        mustAccept(books.closePeriod(new ClosePeriod(fund.code(), end)));
        YearClose close = new YearClose(fund.id(), c.year(), end, entries, c.by(), books.now());
        lastClosedYear.put(fund.id(), c.year());
        books.write(close);
        return new Outcome.Accepted<>(close, false);
    }

    /** The first year the fund has entries in (the current batch's included), or the year being closed if none. */
    private int firstYear(Fund fund, Books books) {
        OptionalInt stored = store.firstYear(fund.id());
        int first = stored.orElse(Integer.MAX_VALUE);
        for (Transaction t : books.bookedInBatch()) {
            if (t.legs().stream().anyMatch(l -> l.fundId() == fund.id())) {
                first = Math.min(first, FiscalYear.of(t.occurredAt()));
            }
        }
        return first;
    }

    /** Income and expense balances as of the year's end, per project tag: stored, plus what this batch booked. */
    private Map<String, Map<String, Long>> balances(Fund fund, Instant end, Books books) {
        Map<String, Map<String, Long>> byTag = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        store.incomeAndExpensesAsOf(fund.id(), end).forEach((tag, codes) ->
                byTag.computeIfAbsent(tag, k -> new TreeMap<>()).putAll(codes));
        for (Transaction t : books.bookedInBatch()) {
            if (!t.booked() || t.occurredAt().isAfter(end)) {
                continue;
            }
            for (Leg leg : t.legs()) {
                if (leg.fundId() != fund.id()) {
                    continue;
                }
                add(byTag, t.references().project(), books.account(leg.debitAccountId()).orElseThrow(), leg.amountFen());
                add(byTag, t.references().project(), books.account(leg.creditAccountId()).orElseThrow(), -leg.amountFen());
            }
        }
        return byTag;
    }

    private static void add(Map<String, Map<String, Long>> byTag, String tag, Account account, long debitFen) {
        if (account.type() == AccountType.INCOME || account.type() == AccountType.EXPENSE) {
            byTag.computeIfAbsent(tag, k -> new TreeMap<>()).merge(account.code(), debitFen, Long::sum);
        }
    }

    /**
     * The lines that bring each income and expense balance to zero: income into restricted net assets when the income
     * is restricted, else into unrestricted net assets; expenses into unrestricted net assets.
     */
    private static List<PostingLine> closingLines(Fund fund, Map<String, Long> debitBalances, Books books) {
        List<PostingLine> lines = new ArrayList<>();
        for (Map.Entry<String, Long> e : debitBalances.entrySet()) {
            long debit = e.getValue();
            if (debit == 0) {
                continue;
            }
            Account account = books.account(fund.id(), e.getKey()).orElseThrow();
            if (account.restricted() && debit > 0) {
                throw new IllegalStateException("fund " + fund.code() + ": restricted income " + account.code()
                        + " stands on its debit side (" + debit + " fen) at the year's end");
            }
            String netAssets = account.restricted() ? ChartTemplate.RESTRICTED_NET_ASSETS : ChartTemplate.UNRESTRICTED_NET_ASSETS;
            if (debit > 0) {
                lines.add(PostingLine.debit(netAssets, debit));
                lines.add(PostingLine.credit(account.code(), debit));
            } else {
                lines.add(PostingLine.debit(account.code(), -debit));
                lines.add(PostingLine.credit(netAssets, -debit));
            }
        }
        return lines;
    }

    private static <T> T mustAccept(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Rejected<T> r) {
            throw new IllegalStateException("a closing entry was refused: " + r.rejection() + ": " + r.detail());
        }
        return outcome.value();
    }
}
