package org.mingzhang.register;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.Decider;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectDecider;

/**
 * Decides the memorandum register of unvalued goods (备查簿) in the single writer: it writes goods received as gifts
 * whose value cannot be measured reliably (IN) and what is handed out of them (OUT), so that an entry is durable once
 * answered, a retry with the same Idempotency-Key writes nothing twice, and no number of issues at once hands out
 * more of an entry than it received. It books nothing: the register is outside the accounts, as 《民间非营利组织会计制度》
 * keeps such gifts. It keeps every entry in memory: a fund records a few a month.
 */
public final class GoodsRegisterDecider implements Decider {

    private final GoodsRegisterStore store;
    private final ProjectDecider projects;
    private final Map<Long, GoodsEntry> byId = new HashMap<>();
    private final Map<String, GoodsEntry> byKey = new HashMap<>();
    /** IN entry id → how much of it has been handed out, and in how many issues. */
    private final Map<Long, long[]> issuedByEntry = new HashMap<>();
    /** IN entries handed out from since the last check of the invariants. */
    private final Set<Long> touched = new HashSet<>();
    private long lastId;

    public GoodsRegisterDecider(GoodsRegisterStore store, ProjectDecider projects) {
        this.store = store;
        this.projects = projects;
    }

    @Override
    public void reload() {
        byId.clear();
        byKey.clear();
        issuedByEntry.clear();
        touched.clear();
        lastId = 0;
        for (GoodsEntry entry : store.entries()) {
            remember(entry);
        }
        // What storage holds is checked as it is read: no IN entry has handed out more than it received.
        byId.keySet().forEach(this::checkRemaining);
    }

    @Override
    public boolean decides(LedgerCommand<?> command) {
        return command instanceof RecordUnvaluedGoods || command instanceof IssueUnvaluedGoods;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Outcome<T> decide(LedgerCommand<T> command, Books books) {
        return (Outcome<T>) switch ((LedgerCommand<?>) command) {
            case RecordUnvaluedGoods c -> record(c, books);
            case IssueUnvaluedGoods c -> issue(c, books);
            default -> throw new IllegalArgumentException("not a goods register command: " + command);
        };
    }

    /** Every IN entry handed out from in the batch still has a quantity left that is zero or more. */
    @Override
    public void assertInvariants(Books books) {
        touched.forEach(this::checkRemaining);
        touched.clear();
    }

    private Outcome<GoodsEntry> record(RecordUnvaluedGoods c, Books books) {
        Outcome<GoodsEntry> replay = replay(c.idempotencyKey(), c.requestHash(), books);
        if (replay != null) {
            return replay;
        }
        Fund fund = books.fund(c.fundCode()).orElse(null);
        if (fund == null) {
            return new Outcome.Rejected<>(Rejection.FUND_MUST_EXIST, "no fund " + c.fundCode(), "fundCode");
        }
        Long projectId = null;
        if (c.projectCode() != null) {
            Project project = projects.project(c.projectCode());
            if (project == null) {
                return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.projectCode(), "projectCode");
            }
            if (project.fundId() != fund.id()) {
                String owner = books.fund(project.fundId()).map(Fund::code).orElse("#" + project.fundId());
                return new Outcome.Rejected<>(Rejection.GOODS_PROJECT_MUST_BELONG_TO_FUND, "project " + project.code()
                        + " belongs to fund " + owner + ", not to " + fund.code(), "projectCode");
            }
            if (project.acceptedForGood()) {
                return new Outcome.Rejected<>(Rejection.PROJECT_MUST_NOT_BE_ACCEPTED, "project " + project.code()
                        + " was accepted and is closed for good; goods can no longer be given for it", "projectCode");
            }
            projectId = project.id();
        }
        Instant occurredAt = eventTime(c.occurredAt(), books);
        Outcome<GoodsEntry> future = notInTheFuture(occurredAt, books);
        if (future != null) {
            return future;
        }
        GoodsEntry entry = new GoodsEntry(lastId + 1, c.idempotencyKey(), c.requestHash(), fund.id(), projectId,
                GoodsDirection.IN, c.description(), c.quantity(), c.unit(), c.donor(), c.whyNotValued(), null, occurredAt,
                c.note(), c.by().recordedBy(), books.now());
        return new Outcome.Accepted<>(save(entry, books), false);
    }

    private Outcome<GoodsEntry> issue(IssueUnvaluedGoods c, Books books) {
        Outcome<GoodsEntry> replay = replay(c.idempotencyKey(), c.requestHash(), books);
        if (replay != null) {
            return replay;
        }
        Fund fund = books.fund(c.fundCode()).orElse(null);
        if (fund == null) {
            return new Outcome.Rejected<>(Rejection.FUND_MUST_EXIST, "no fund " + c.fundCode(), "fundCode");
        }
        GoodsEntry in = byId.get(c.inEntryId());
        if (in == null || in.fundId() != fund.id()) {
            return new Outcome.Rejected<>(Rejection.GOODS_ENTRY_MUST_EXIST, "fund " + fund.code()
                    + " has no goods register entry " + c.inEntryId(), "id");
        }
        if (in.direction() != GoodsDirection.IN) {
            return new Outcome.Rejected<>(Rejection.GOODS_ISSUE_MUST_DRAW_ON_AN_IN_ENTRY, "goods register entry " + in.id()
                    + " is itself an issue (of entry " + in.inEntryId() + "); goods are handed out from the entry that "
                    + "received them", "id");
        }
        Instant occurredAt = eventTime(c.occurredAt(), books);
        Outcome<GoodsEntry> future = notInTheFuture(occurredAt, books);
        if (future != null) {
            return future;
        }
        if (occurredAt.isBefore(in.occurredAt())) {
            return new Outcome.Rejected<>(Rejection.GOODS_ISSUE_MUST_NOT_PRECEDE_RECEIPT, "occurredAt " + occurredAt
                    + " is before entry " + in.id() + " received the goods at " + in.occurredAt(), "occurredAt");
        }
        long[] issued = issuedByEntry.getOrDefault(in.id(), new long[2]);
        long left = in.quantity() - issued[0];
        if (c.quantity() > left) {
            return new Outcome.Rejected<>(Rejection.GOODS_ISSUE_MUST_NOT_EXCEED_REMAINING, "entry " + in.id() + " ("
                    + in.description() + ") has " + left + " " + in.unit() + " left of the " + in.quantity() + " received; "
                    + c.quantity() + " cannot be handed out", "quantity");
        }
        if (issued[1] >= GoodsEntry.ISSUES_PER_ENTRY_MAX) {
            return new Outcome.Rejected<>(Rejection.GOODS_ISSUES_MUST_NOT_EXCEED_MAX, "entry " + in.id() + " has been handed "
                    + "out " + issued[1] + " times, the most one entry takes (issuesPerEntryMax); record the rest in groups",
                    "id");
        }
        GoodsEntry out = new GoodsEntry(lastId + 1, c.idempotencyKey(), c.requestHash(), fund.id(), in.projectId(),
                GoodsDirection.OUT, in.description(), c.quantity(), in.unit(), c.recipient(), null, in.id(), occurredAt,
                c.note(), c.by().recordedBy(), books.now());
        touched.add(in.id());
        return new Outcome.Accepted<>(save(out, books), false);
    }

    /**
     * The entry an earlier request with this key wrote, when the content is the same; a refusal when the key was used
     * for other content, here or by a journal transaction (a key names one operation, whatever it is).
     */
    private Outcome<GoodsEntry> replay(String key, String requestHash, Books books) {
        GoodsEntry earlier = byKey.get(key);
        if (earlier != null) {
            return earlier.requestHash().equals(requestHash) ? new Outcome.Accepted<>(earlier, true)
                    : new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key " + key
                            + " was already used for a different request (goods register entry " + earlier.id() + ")",
                            "Idempotency-Key");
        }
        return books.earlierWithKey(key).<Outcome<GoodsEntry>>map(t -> new Outcome.Rejected<>(
                Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key " + key + " was already used for a different "
                + "request (transaction " + t.id() + ")", "Idempotency-Key")).orElse(null);
    }

    private static Outcome<GoodsEntry> notInTheFuture(Instant occurredAt, Books books) {
        if (occurredAt.isAfter(books.now().plus(LedgerLimits.CLOCK_SKEW_MAX))) {
            return new Outcome.Rejected<>(Rejection.GOODS_ENTRY_MUST_NOT_BE_DATED_IN_THE_FUTURE, "occurredAt " + occurredAt
                    + " is in the future; the register records what has happened", "occurredAt");
        }
        return null;
    }

    /** The event time as storage will keep it (microseconds), or the batch's time when none is given. */
    private static Instant eventTime(Instant given, Books books) {
        return given == null ? books.now() : given.truncatedTo(ChronoUnit.MICROS);
    }

    private GoodsEntry save(GoodsEntry entry, Books books) {
        remember(entry);
        books.write(new GoodsEntrySaved(entry));
        return entry;
    }

    private void remember(GoodsEntry entry) {
        if (entry.id() <= lastId) {
            throw new IllegalStateException("goods register entry " + entry.id() + " comes after entry " + lastId);
        }
        byId.put(entry.id(), entry);
        byKey.put(entry.idempotencyKey(), entry);
        lastId = entry.id();
        if (entry.direction() == GoodsDirection.OUT) {
            GoodsEntry in = byId.get(entry.inEntryId());
            if (in == null || in.direction() != GoodsDirection.IN || in.fundId() != entry.fundId()) {
                throw new IllegalStateException("goods register entry " + entry.id() + " draws on entry " + entry.inEntryId()
                        + ", which is not an earlier IN entry of its fund");
            }
            long[] issued = issuedByEntry.computeIfAbsent(in.id(), k -> new long[2]);
            issued[0] = Math.addExact(issued[0], entry.quantity());
            issued[1]++;
        }
    }

    private void checkRemaining(long entryId) {
        GoodsEntry in = byId.get(entryId);
        long issued = issuedByEntry.getOrDefault(entryId, new long[2])[0];
        if (in.direction() == GoodsDirection.IN && issued > in.quantity()) {
            throw new IllegalStateException("goods register entry " + in.id() + " received " + in.quantity() + " " + in.unit()
                    + " and has handed out " + issued + ": the register is corrupt");
        }
    }
}
