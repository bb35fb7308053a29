package org.mingzhang.need;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.Decider;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;

/**
 * Decides residents' needs in the single writer: it records them, withdraws open ones, and marks an open
 * one answered when another decider (the project decider, creating a project from it) asks in the same
 * batch, so that the project and the need it answers commit together or not at all. It keeps every need
 * in memory: a fund records a handful a month.
 */
public final class NeedDecider implements Decider {

    private final NeedStore store;
    private final Map<Long, Need> byId = new HashMap<>();
    private long lastId;

    public NeedDecider(NeedStore store) {
        this.store = store;
    }

    @Override
    public void reload() {
        byId.clear();
        lastId = 0;
        for (Need need : store.needs()) {
            byId.put(need.id(), need);
            lastId = Math.max(lastId, need.id());
        }
    }

    @Override
    public boolean decides(LedgerCommand<?> command) {
        return command instanceof RecordNeed || command instanceof WithdrawNeed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Outcome<T> decide(LedgerCommand<T> command, Books books) {
        return (Outcome<T>) switch ((LedgerCommand<?>) command) {
            case RecordNeed c -> record(c, books);
            case WithdrawNeed c -> withdraw(c, books);
            default -> throw new IllegalArgumentException("not a need command: " + command);
        };
    }

    /** The need as the writer knows it now, including changes made earlier in the batch being decided. */
    public Optional<Need> need(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Marks an OPEN need answered by {@code projectCode}, dated {@code books.now()}, and leaves the change for
     * storage in the caller's batch. The caller checks first, with {@link #need(long)}, that the need exists,
     * is OPEN and belongs to the project's fund, and refuses its own command otherwise: being called for
     * anything else is a bug, so it throws.
     *
     * @throws IllegalStateException when there is no such need or it is not OPEN
     */
    public Need answer(long needId, String projectCode, Books books) {
        LedgerLimits.requireCode(projectCode);
        Need need = byId.get(needId);
        if (need == null) {
            throw new IllegalStateException("no need " + needId + " to answer with project " + projectCode);
        }
        if (need.status() != NeedStatus.OPEN) {
            throw new IllegalStateException("need " + needId + " is " + need.status() + "; only an OPEN need can be answered"
                    + " (by project " + projectCode + ")");
        }
        return save(need.answered(projectCode, books.now()), false, books);
    }

    /**
     * Opens the need again when the project that answered it is rejected or cancelled, in the caller's batch;
     * a need answered by another project, or not answered, is left as it is.
     */
    public void reopen(long needId, String projectCode, Books books) {
        Need need = byId.get(needId);
        if (need != null && need.status() == NeedStatus.ANSWERED && projectCode.equals(need.answeredByProjectCode())) {
            save(need.reopened(), false, books);
        }
    }

    private Outcome<Need> record(RecordNeed c, Books books) {
        Fund fund = books.fund(c.fundCode()).orElse(null);
        if (fund == null) {
            return new Outcome.Rejected<>(Rejection.FUND_MUST_EXIST, "no fund " + c.fundCode(), "fundCode");
        }
        Need need = Need.open(lastId + 1, fund.id(), c.title(), c.description(), c.raisedBy(), c.supporters(), c.by(),
                books.now());
        lastId = need.id();
        return new Outcome.Accepted<>(save(need, true, books), false);
    }

    private Outcome<Need> withdraw(WithdrawNeed c, Books books) {
        Need need = byId.get(c.needId());
        if (need == null) {
            return new Outcome.Rejected<>(Rejection.NEED_MUST_EXIST, "no need " + c.needId(), "id");
        }
        if (need.status() != NeedStatus.OPEN) {
            return new Outcome.Rejected<>(Rejection.NEED_MUST_BE_OPEN, "need " + need.id() + " is " + need.status()
                    + (need.status() == NeedStatus.ANSWERED ? " by project " + need.answeredByProjectCode() : "")
                    + "; only an OPEN need can be withdrawn", "status");
        }
        return new Outcome.Accepted<>(save(need.withdrawn(c.by(), books.now(), c.reason()), false, books), false);
    }

    private Need save(Need need, boolean created, Books books) {
        byId.put(need.id(), need);
        books.write(new NeedSaved(need, created));
        return need;
    }
}
