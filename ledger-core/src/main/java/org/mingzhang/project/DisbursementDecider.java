package org.mingzhang.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mingzhang.account.ChartTemplate;
import org.mingzhang.fund.Fund;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.CreatePending;
import org.mingzhang.journal.Decider;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.PostEntry;
import org.mingzhang.journal.PostPending;
import org.mingzhang.journal.PostingLine;
import org.mingzhang.journal.References;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.journal.VoidPending;
import org.mingzhang.money.Money;
import org.mingzhang.user.Actor;

/**
 * Decides payments against budget lines (拨付) in the single writer. A request names a line of a running
 * project and whether it pays cash or issues goods; a committee member who is not the requester approves it,
 * which reserves the money with a pending transfer (Dr 5101 programme costs / Cr 1002 bank, or Cr 1201 inventory
 * for goods: 物资发放) after checking what the project holds of that kind and the line; payment posts the
 * reservation and lifts the restriction (see {@link ProjectDecider#releaseLines}), because the money has now
 * been spent on its purpose. A rejection or cancellation voids the reservation.
 */
public final class DisbursementDecider implements Decider, ProjectListener {

    private final ProjectStore store;
    private final ProjectDecider projects;
    private final Map<Long, Disbursement> byId = new HashMap<>();
    private long lastId;

    public DisbursementDecider(ProjectStore store, ProjectDecider projects) {
        this.store = store;
        this.projects = projects;
    }

    @Override
    public void reload() {
        byId.clear();
        lastId = 0;
        for (Disbursement d : store.disbursements()) {
            byId.put(d.id(), d);
            lastId = Math.max(lastId, d.id());
        }
    }

    @Override
    public boolean decides(LedgerCommand<?> command) {
        return command instanceof RequestDisbursement || command instanceof DecideDisbursement
                || command instanceof PayDisbursement;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Outcome<T> decide(LedgerCommand<T> command, Books books) {
        return (Outcome<T>) switch ((LedgerCommand<?>) command) {
            case RequestDisbursement c -> request(c, books);
            case DecideDisbursement c -> c.decision() == DecideDisbursement.Decision.APPROVE ? approve(c, books) : close(c, books);
            case PayDisbursement c -> pay(c, books);
            default -> throw new IllegalArgumentException("not a disbursement command: " + command);
        };
    }

    /** A project completes only when no payment waits for a decision or to be paid. */
    @Override
    public Outcome.Rejected<Project> objection(Project project, ProjectTransition move) {
        if (move != ProjectTransition.COMPLETE) {
            return null;
        }
        long open = byId.values().stream().filter(d -> d.projectId() == project.id() && d.status().open()).count();
        return open == 0 ? null : new Outcome.Rejected<>(Rejection.PROJECT_MUST_HAVE_NO_OPEN_DISBURSEMENTS, "project "
                + project.code() + " has " + open + " disbursement(s) still PENDING or APPROVED; pay, reject or cancel "
                + "them before completing it", "status");
    }

    private Outcome<Disbursement> request(RequestDisbursement c, Books books) {
        Project project = projects.project(c.projectCode());
        if (project == null) {
            return new Outcome.Rejected<>(Rejection.PROJECT_MUST_EXIST, "no project " + c.projectCode(), "code");
        }
        Outcome.Rejected<Disbursement> refused = notRunning(project);
        if (refused == null) {
            refused = lineMissing(project, c.budgetItem());
        }
        if (refused == null) {
            refused = moneyShort(project, c.amountFen(), c.form());
        }
        if (refused != null) {
            return refused;
        }
        Disbursement d = new Disbursement(++lastId, project.id(), c.budgetItem(), c.amountFen(), c.payee(), c.purpose(),
                c.invoiceNo(), c.attachmentRef(), DisbursementStatus.PENDING, c.by(), books.now(), null, null, null, 0, null,
                null, null, null, null, null, null, null, c.form());
        projects.disbursementRequested(d);
        return saved(d, true, project, "DISBURSEMENT_REQUESTED", "#" + d.id() + " " + Money.format(d.amountFen()) + " "
                + d.budgetItem() + " → " + d.payee(), c.by(), books);
    }

    private Outcome<Disbursement> approve(DecideDisbursement c, Books books) {
        Disbursement d = byId.get(c.disbursementId());
        Outcome.Rejected<Disbursement> refused = decidable(d, c, DisbursementStatus.PENDING);
        if (refused != null) {
            return refused;
        }
        Project project = projects.project(d.projectId());
        refused = notRunning(project);
        if (refused == null) {
            refused = lineMissing(project, d.budgetItem());
        }
        if (refused == null) {
            refused = moneyShort(project, d.amountFen(), d.form());
        }
        if (refused != null) {
            return refused;
        }
        long lineLeft = lineLeftFen(project, d.budgetItem());
        long overrun = Math.max(0, d.amountFen() - Math.max(0, lineLeft));
        if (overrun > 0 && !c.approveOverrun()) {
            return new Outcome.Rejected<>(Rejection.DISBURSEMENT_MUST_FIT_BUDGET_LINE, "budget line '" + d.budgetItem()
                    + "' has " + Money.format(Math.max(0, lineLeft)) + " left; " + Money.format(d.amountFen())
                    + " would overrun it by " + Money.format(overrun) + " (approve the overrun explicitly, saying why)",
                    "amount");
        }
        Fund fund = books.fund(project.fundId()).orElseThrow();
        // 物资发放 for goods: the programme cost is the goods' valuation, taken out of inventory.
        Outcome<Transaction> reserved = projects.book(books, new CreatePending(key(d, "reserve"), c.by().recordedBy(),
                TransactionKind.DISBURSEMENT, fund.code(), ChartTemplate.PROGRAMME_COSTS, d.form().accountCode(), d.amountFen(),
                memo(d, project), null, references(d, project)));
        if (reserved instanceof Outcome.Rejected<Transaction> r) {
            // The fund's bank account (or inventory) cannot cover it, whatever the project's own figures say.
            return new Outcome.Rejected<>(r.rejection(), r.detail(), "amount");
        }
        Disbursement approved = d.approved(c.by(), books.now(), c.reason(), overrun, reserved.value().id());
        return saved(approved, false, project, "DISBURSEMENT_APPROVED", "#" + d.id()
                + (overrun > 0 ? " overrun of " + Money.format(overrun) + " approved" : "")
                + (c.reason() == null ? "" : ": " + c.reason()), c.by(), books);
    }

    private Outcome<Disbursement> close(DecideDisbursement c, Books books) {
        Disbursement d = byId.get(c.disbursementId());
        boolean reject = c.decision() == DecideDisbursement.Decision.REJECT;
        Outcome.Rejected<Disbursement> refused = d == null ? missing(c.disbursementId())
                : d.status().open() ? null : stateRefuses(d, reject ? "reject" : "cancel");
        if (refused == null && reject && d.requestedBy().userId() == c.by().userId()) {
            refused = new Outcome.Rejected<>(Rejection.DISBURSEMENT_MUST_NOT_BE_DECIDED_BY_ITS_REQUESTER, c.by().name()
                    + " requested disbursement #" + d.id() + " and may not also reject it (cancel it instead)", "by");
        }
        if (refused != null) {
            return refused;
        }
        Project project = projects.project(d.projectId());
        if (d.reserveTransactionId() != null) {
            ProjectDecider.mustAccept(projects.book(books, new VoidPending(key(d, "void"), c.by().recordedBy(),
                    d.reserveTransactionId(), (reject ? "拨付驳回 rejected: " : "拨付撤回 cancelled: ") + c.reason())));
        }
        DisbursementStatus next = reject ? DisbursementStatus.REJECTED : DisbursementStatus.CANCELLED;
        return saved(d.closed(next, c.by(), books.now(), c.reason()), false, project,
                reject ? "DISBURSEMENT_REJECTED" : "DISBURSEMENT_CANCELLED", "#" + d.id() + ": " + c.reason(), c.by(), books);
    }

    private Outcome<Disbursement> pay(PayDisbursement c, Books books) {
        Disbursement d = byId.get(c.disbursementId());
        if (d == null) {
            return missing(c.disbursementId());
        }
        if (d.status() == DisbursementStatus.PAID && c.idempotencyKey().equals(d.payKey())) {
            return new Outcome.Accepted<>(d, true);
        }
        if (books.earlierWithKey(c.idempotencyKey()).isPresent()) {
            return new Outcome.Rejected<>(Rejection.IDEMPOTENCY_KEY_MUST_MATCH_CONTENT, "Idempotency-Key "
                    + c.idempotencyKey() + " was already used for a different request", "Idempotency-Key");
        }
        if (d.status() != DisbursementStatus.APPROVED) {
            return stateRefuses(d, "pay");
        }
        Project project = projects.project(d.projectId());
        Outcome.Rejected<Disbursement> refused = notRunning(project);
        if (refused == null) {
            refused = projects.yearsOpen(project, books.now());
        }
        if (refused != null) {
            return refused;
        }
        Fund fund = books.fund(project.fundId()).orElseThrow();
        // The release is read before the payment is booked: the money it releases is what the project held.
        List<PostingLine> release = projects.releaseLines(project, d.amountFen(), books.now());
        Outcome<Transaction> paid = projects.book(books, new PostPending(c.idempotencyKey(), c.by().recordedBy(),
                d.reserveTransactionId(), null, "拨付 paid: " + memo(d, project)));
        if (paid instanceof Outcome.Rejected<Transaction> r) {
            return new Outcome.Rejected<>(r.rejection(), r.detail(), "id");
        }
        // Spent on its purpose: the restriction (or designation) is lifted, per 民间非营利组织会计制度.
        ProjectDecider.mustAccept(projects.book(books, new PostEntry(key(d, "release"), c.by().recordedBy(),
                TransactionKind.RELEASE, fund.code(), "限制解除 restriction released by disbursement #" + d.id(),
                null, references(d, project), release)));
        return saved(d.paid(c.by(), books.now(), paid.value().id(), c.idempotencyKey()), false, project, "DISBURSEMENT_PAID",
                "#" + d.id() + " " + Money.format(d.amountFen()) + " → " + d.payee(), c.by(), books);
    }

    /** What the line has left: its budget and the overruns approved on it, less what is paid and reserved. */
    private long lineLeftFen(Project project, String item) {
        long budget = project.plan().budget().stream().filter(l -> l.item().equals(item)).mapToLong(BudgetLine::amountFen).sum();
        long overruns = byId.values().stream()
                .filter(d -> d.projectId() == project.id() && d.budgetItem().equals(item)
                        && (d.status() == DisbursementStatus.APPROVED || d.status() == DisbursementStatus.PAID))
                .mapToLong(Disbursement::overrunApprovedFen).sum();
        ProjectMoney m = projects.money(project.id());
        return budget + overruns - m.disbursedFen(item) - m.reservedFen(item);
    }

    private Outcome.Rejected<Disbursement> decidable(Disbursement d, DecideDisbursement c, DisbursementStatus from) {
        if (d == null) {
            return missing(c.disbursementId());
        }
        if (d.status() != from) {
            return stateRefuses(d, c.decision().name().toLowerCase());
        }
        if (d.requestedBy().userId() == c.by().userId()) {
            return new Outcome.Rejected<>(Rejection.DISBURSEMENT_MUST_NOT_BE_DECIDED_BY_ITS_REQUESTER, c.by().name()
                    + " requested disbursement #" + d.id() + " and may not also approve it", "by");
        }
        return null;
    }

    private static Outcome.Rejected<Disbursement> notRunning(Project project) {
        return project.status() == ProjectStatus.IN_PROGRESS ? null
                : ProjectDecider.stateRefuses(project, "money is paid out only while it runs (IN_PROGRESS)");
    }

    private static Outcome.Rejected<Disbursement> lineMissing(Project project, String item) {
        boolean known = project.plan().budget().stream().anyMatch(l -> l.item().equals(item));
        return known ? null : new Outcome.Rejected<>(Rejection.DISBURSEMENT_BUDGET_LINE_MUST_EXIST, "project "
                + project.code() + " has no budget line '" + item + "' in plan version " + project.planVersion(), "budgetItem");
    }

    /** A cash payment draws on the project's cash, a goods issue on its goods: never on another project's money. */
    private Outcome.Rejected<Disbursement> moneyShort(Project project, long amountFen, DisbursementForm form) {
        ProjectMoney m = projects.money(project.id());
        long available = form == DisbursementForm.GOODS ? m.availableGoodsFen() : m.availableCashFen();
        return amountFen <= available ? null : new Outcome.Rejected<>(Rejection.PROJECT_MONEY_MUST_COVER_DISBURSEMENT,
                "project " + project.code() + " has " + Money.format(Math.max(0, available))
                        + (form == DisbursementForm.GOODS ? " in goods" : " in cash") + " available; " + Money.format(amountFen)
                        + " is more" + (form == DisbursementForm.CASH && m.availableGoodsFen() > 0 ? " (it holds "
                        + Money.format(m.availableGoodsFen()) + " in goods: issue them as goods)" : ""), "amount");
    }

    private static Outcome.Rejected<Disbursement> missing(long id) {
        return new Outcome.Rejected<>(Rejection.DISBURSEMENT_MUST_EXIST, "no disbursement " + id, "id");
    }

    private static Outcome.Rejected<Disbursement> stateRefuses(Disbursement d, String action) {
        return new Outcome.Rejected<>(Rejection.DISBURSEMENT_STATE_MUST_ALLOW_ACTION, "disbursement #" + d.id() + " is "
                + d.status() + "; it cannot " + action + " now", "status");
    }

    private static String key(Disbursement d, String step) {
        return LedgerLimits.INTERNAL_KEY_PREFIX + "disbursement:" + d.id() + ":" + step;
    }

    private static String memo(Disbursement d, Project project) {
        String memo = "拨付 disbursement #" + d.id() + " " + project.code() + " " + d.budgetItem() + " → " + d.payee();
        return memo.length() <= LedgerLimits.MEMO_LENGTH_MAX ? memo : memo.substring(0, LedgerLimits.MEMO_LENGTH_MAX);
    }

    private static References references(Disbursement d, Project project) {
        return new References(null, String.valueOf(d.id()), null, project.code());
    }

    private Outcome<Disbursement> saved(Disbursement d, boolean created, Project project, String action, String note,
                                        Actor by, Books books) {
        byId.put(d.id(), d);
        books.write(new DisbursementSaved(d, created));
        projects.record(project, action, note, by, books);
        return new Outcome.Accepted<>(d, false);
    }
}
