package org.mingzhang.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.Decider;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;
import org.mingzhang.money.Money;

/**
 * Decides project commands in the single writer, so that a project's state and the money booked against
 * it (gifts, matches, payments) are always decided in one order. It keeps every project in memory.
 */
public final class ProjectDecider implements Decider {

    private final ProjectStore store;
    private final Map<String, Project> byCode = new HashMap<>();
    private final Map<Long, Project> byId = new HashMap<>();
    private final List<ProjectListener> listeners = new ArrayList<>();
    private final Map<Long, Integer> lastEventSeq = new HashMap<>();
    private long lastId;

    public ProjectDecider(ProjectStore store) {
        this.store = store;
    }

    /** Registers a decider that must act when a project's fundraising closes (before the writer starts). */
    public void listen(ProjectListener listener) {
        listeners.add(listener);
    }

    @Override
    public void reload() {
        byCode.clear();
        byId.clear();
        lastEventSeq.clear();
        lastId = 0;
        for (Project p : store.projects()) {
            byCode.put(p.code(), p);
            byId.put(p.id(), p);
            lastId = Math.max(lastId, p.id());
        }
        lastEventSeq.putAll(store.lastEventSeqs());
    }

    @Override
    public boolean decides(LedgerCommand<?> command) {
        return command instanceof CreateProject || command instanceof TransitionProject;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Outcome<T> decide(LedgerCommand<T> command, Books books) {
        return (Outcome<T>) switch ((LedgerCommand<?>) command) {
            case CreateProject c -> create(c, books);
            case TransitionProject c -> transition(c, books);
            default -> throw new IllegalArgumentException("not a project command: " + command);
        };
    }

    /** The project as the writer knows it now (for other deciders: gifts check a project's state and window). */
    public Project project(String code) {
        return byCode.get(code);
    }

    public Project project(long id) {
        return byId.get(id);
    }

    /** Every project as the writer knows it now. */
    public Collection<Project> projects() {
        return byCode.values();
    }

    private Outcome<Project> create(CreateProject c, Books books) {
        if (byCode.containsKey(c.code())) {
            return new Outcome.Rejected<>(Rejection.PROJECT_CODE_MUST_BE_UNIQUE, "project " + c.code() + " already exists", "code");
        }
        Fund fund = books.fund(c.fundCode()).orElse(null);
        if (fund == null) {
            return new Outcome.Rejected<>(Rejection.FUND_MUST_EXIST, "no fund " + c.fundCode(), "fundCode");
        }
        if (c.plan().budgetTotalFen() != c.plan().targetAmountFen()) {
            return new Outcome.Rejected<>(Rejection.PROJECT_BUDGET_MUST_MATCH_TARGET, "the budget lines add up to "
                    + Money.format(c.plan().budgetTotalFen()) + " but the target is " + Money.format(c.plan().targetAmountFen()),
                    "budget");
        }
        Project project = new Project(++lastId, c.code(), fund.id(), c.plan(), ProjectStatus.DRAFT, c.by(), null,
                books.now(), books.now());
        return save(project, true, "CREATE", null, null, c.by(), books);
    }

    private Outcome<Project> transition(TransitionProject c, Books books) {
        Project project = byCode.get(c.code());
        if (project == null) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.code(), "code");
        }
        ProjectTransition move = c.transition();
        if (!move.allowedFrom(project.status())) {
            return new Outcome.Rejected<>(Rejection.PROJECT_STATE_MUST_ALLOW_TRANSITION, "project " + project.code() + " is "
                    + project.status() + "; " + move + " is allowed only from " + move.from(), "status");
        }
        if (move.needsSomeoneElseThanSubmitter() && project.submittedBy() != null
                && project.submittedBy().userId() == c.by().userId()) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_NOT_BE_APPROVED_BY_ITS_SUBMITTER, c.by().name()
                    + " submitted project " + project.code() + " and may not also " + move.name().toLowerCase() + " it", "by");
        }
        Project moved = project.moved(move.to(), c.by(), move, books.now());
        if (move == ProjectTransition.CLOSE_FUNDRAISING) {
            listeners.forEach(l -> l.fundraisingClosed(moved, books));
        }
        return save(moved, false, move.name(), project.status(), c.reason(), c.by(), books);
    }

    private Outcome<Project> save(Project project, boolean created, String action, ProjectStatus from, String reason,
                                  org.mingzhang.user.Actor by, Books books) {
        int seq = lastEventSeq.merge(project.id(), 1, Integer::sum);
        ProjectEvent event = new ProjectEvent(project.id(), seq, books.now(), by, action, from, project.status(), reason);
        byCode.put(project.code(), project);
        byId.put(project.id(), project);
        books.write(new ProjectSaved(project, created, event));
        return new Outcome.Accepted<>(project, false);
    }
}
