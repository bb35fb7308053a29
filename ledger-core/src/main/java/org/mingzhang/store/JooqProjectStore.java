package org.mingzhang.store;

import static org.mingzhang.store.JooqJournalStore.instant;
import static org.mingzhang.store.JooqJournalStore.odt;
import static org.mingzhang.store.jooq.Tables.ACCOUNT;
import static org.mingzhang.store.jooq.Tables.DISBURSEMENT;
import static org.mingzhang.store.jooq.Tables.JOURNAL_LEG;
import static org.mingzhang.store.jooq.Tables.JOURNAL_TRANSACTION;
import static org.mingzhang.store.jooq.Tables.PROJECT;
import static org.mingzhang.store.jooq.Tables.PROJECT_BUDGET_LINE;
import static org.mingzhang.store.jooq.Tables.PROJECT_EVENT;
import static org.mingzhang.store.jooq.Tables.PROJECT_GOAL;
import static org.mingzhang.store.jooq.Tables.PROJECT_GOAL_OUTCOME;
import static org.mingzhang.store.jooq.Tables.PROJECT_LEFTOVER;
import static org.mingzhang.store.jooq.Tables.PROJECT_PLAN_VERSION;
import static org.mingzhang.store.jooq.Tables.PROJECT_TEAM_MEMBER;
import static org.mingzhang.store.jooq.Tables.PROJECT_VERSION_BUDGET_LINE;
import static org.mingzhang.store.jooq.Tables.PROJECT_VERSION_GOAL;
import static org.mingzhang.store.jooq.Tables.PROJECT_VERSION_TEAM_MEMBER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.journal.Phase;
import org.mingzhang.journal.TransactionKind;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.Closing;
import org.mingzhang.project.Disbursement;
import org.mingzhang.project.DisbursementSaved;
import org.mingzhang.project.DisbursementForm;
import org.mingzhang.project.DisbursementStatus;
import org.mingzhang.project.LeftoverDisposal;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.PlanVersion;
import org.mingzhang.project.PlanVersionSaved;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectEntry;
import org.mingzhang.project.ProjectEvent;
import org.mingzhang.project.ProjectHeading;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectSaved;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.project.TeamMember;
import org.mingzhang.store.jooq.tables.records.DisbursementRecord;
import org.mingzhang.store.jooq.tables.records.ProjectPlanVersionRecord;
import org.mingzhang.store.jooq.tables.records.ProjectRecord;
import org.mingzhang.user.Actor;

/** Projects, their plans and versions, disbursements, leftovers and audit trail through jOOQ. */
final class JooqProjectStore implements ProjectStore, RecordWriter {

    private final DSLContext reads;

    JooqProjectStore(DSLContext reads) {
        this.reads = reads;
    }

    @Override
    public List<Project> projects() {
        return withPlans(reads, reads.selectFrom(PROJECT).orderBy(PROJECT.ID).fetch());
    }

    @Override
    public Optional<Project> project(String code) {
        return withPlans(reads, reads.selectFrom(PROJECT).where(PROJECT.CODE.eq(code)).fetch()).stream().findFirst();
    }

    @Override
    public Optional<Project> project(long id) {
        return withPlans(reads, reads.selectFrom(PROJECT).where(PROJECT.ID.eq(id)).fetch()).stream().findFirst();
    }

    @Override
    public Optional<ProjectHeading> heading(long id) {
        return reads.select(PROJECT.ID, PROJECT.CODE, PROJECT.FUND_ID, PROJECT.TITLE, PROJECT.STATUS, PROJECT.UPDATED_AT).from(PROJECT)
                .where(PROJECT.ID.eq(id))
                .fetchOptional(r -> new ProjectHeading(r.value1(), r.value2(), r.value3(), r.value4(), ProjectStatus.valueOf(r.value5()),
                        instant(r.value6())));
    }

    @Override
    public Map<Long, Integer> lastEventSeqs() {
        Map<Long, Integer> seqs = new HashMap<>();
        reads.select(PROJECT_EVENT.PROJECT_ID, DSL.max(PROJECT_EVENT.SEQ)).from(PROJECT_EVENT).groupBy(PROJECT_EVENT.PROJECT_ID)
                .forEach(r -> seqs.put(r.value1(), r.value2()));
        return seqs;
    }

    @Override
    public List<ProjectEvent> events(long projectId) {
        return reads.selectFrom(PROJECT_EVENT).where(PROJECT_EVENT.PROJECT_ID.eq(projectId)).orderBy(PROJECT_EVENT.SEQ)
                .fetch(r -> new ProjectEvent(r.getProjectId(), r.getSeq(), instant(r.getAt()), new Actor(r.getActorId(), r.getActorName()),
                        r.getAction(), r.getFromStatus() == null ? null : ProjectStatus.valueOf(r.getFromStatus()),
                        ProjectStatus.valueOf(r.getToStatus()), r.getReason()));
    }

    // --- plan versions --------------------------------------------------------------------------------------

    @Override
    public List<PlanVersion> planVersions() {
        return versions(null);
    }

    @Override
    public List<PlanVersion> planVersions(long projectId) {
        return versions(projectId);
    }

    /** The versions of one project, or of all when {@code projectId} is null. */
    private List<PlanVersion> versions(Long projectId) {
        Condition where = projectId == null ? DSL.trueCondition() : PROJECT_PLAN_VERSION.PROJECT_ID.eq(projectId);
        List<ProjectPlanVersionRecord> rows = reads.selectFrom(PROJECT_PLAN_VERSION).where(where)
                .orderBy(PROJECT_PLAN_VERSION.PROJECT_ID, PROJECT_PLAN_VERSION.VERSION_NO).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> goals = new HashMap<>();
        reads.selectFrom(PROJECT_VERSION_GOAL)
                .where(projectId == null ? DSL.trueCondition() : PROJECT_VERSION_GOAL.PROJECT_ID.eq(projectId)).orderBy(PROJECT_VERSION_GOAL.GOAL_NO)
                .forEach(g -> goals.computeIfAbsent(g.getProjectId() + ":" + g.getVersionNo(), k -> new ArrayList<>()).add(g.getGoal()));
        Map<String, List<BudgetLine>> budget = new HashMap<>();
        reads.selectFrom(PROJECT_VERSION_BUDGET_LINE)
                .where(projectId == null ? DSL.trueCondition() : PROJECT_VERSION_BUDGET_LINE.PROJECT_ID.eq(projectId)).orderBy(PROJECT_VERSION_BUDGET_LINE.LINE_NO)
                .forEach(b -> budget.computeIfAbsent(b.getProjectId() + ":" + b.getVersionNo(), k -> new ArrayList<>())
                        .add(new BudgetLine(b.getLineNo(), b.getItem(), b.getAmountFen(), b.getNote())));
        Map<String, List<TeamMember>> team = new HashMap<>();
        reads.selectFrom(PROJECT_VERSION_TEAM_MEMBER)
                .where(projectId == null ? DSL.trueCondition() : PROJECT_VERSION_TEAM_MEMBER.PROJECT_ID.eq(projectId)).orderBy(PROJECT_VERSION_TEAM_MEMBER.MEMBER_NO)
                .forEach(m -> team.computeIfAbsent(m.getProjectId() + ":" + m.getVersionNo(), k -> new ArrayList<>())
                        .add(new TeamMember(m.getName(), m.getRole())));
        Map<Long, String> pools = new HashMap<>();
        reads.select(PROJECT.ID, PROJECT.MATCHING_POOL_CODE).from(PROJECT).forEach(r -> pools.put(r.value1(), r.value2()));
        List<PlanVersion> versions = new ArrayList<>(rows.size());
        for (ProjectPlanVersionRecord r : rows) {
            String key = r.getProjectId() + ":" + r.getVersionNo();
            ProjectPlan plan = new ProjectPlan(r.getTitle(), r.getCategory(), r.getNeed(), goals.get(key), r.getTargetAmountFen(),
                    budget.get(key), r.getPlan(), team.get(key), instant(r.getFundraisingOpensAt()),
                    instant(r.getFundraisingClosesAt()), pools.get(r.getProjectId()), r.getManagementFeeBp());
            versions.add(new PlanVersion(r.getProjectId(), r.getVersionNo(), plan, PlanVersion.Status.valueOf(r.getVersionStatus()),
                    new Actor(r.getProposedById(), r.getProposedByName()), instant(r.getProposedAt()), r.getChangeReason(),
                    r.getDecidedById() == null ? null : new Actor(r.getDecidedById(), r.getDecidedByName()),
                    instant(r.getDecidedAt()), r.getDecisionReason()));
        }
        return versions;
    }

    // --- money ----------------------------------------------------------------------------------------------

    @Override
    public List<ProjectEntry> projectEntries() {
        return entries(JOURNAL_TRANSACTION.PROJECT_REF.isNotNull());
    }

    @Override
    public List<ProjectEntry> projectEntries(String projectCode) {
        return entries(JOURNAL_TRANSACTION.PROJECT_REF.eq(projectCode));
    }

    private List<ProjectEntry> entries(Condition where) {
        var debit = ACCOUNT.as("debit_account");
        var credit = ACCOUNT.as("credit_account");
        Map<Long, List<ProjectEntry.Leg>> legs = new HashMap<>();
        reads.select(JOURNAL_LEG.TRANSACTION_ID, JOURNAL_LEG.FUND_ID, debit.CODE, credit.CODE, JOURNAL_LEG.AMOUNT_FEN,
                        JOURNAL_LEG.POSTED)
                .from(JOURNAL_LEG)
                // A join, not IN (subquery): H2 2.4.240 fails on such a subquery once its result spills to disk (issue 10).
                .join(JOURNAL_TRANSACTION).on(JOURNAL_TRANSACTION.ID.eq(JOURNAL_LEG.TRANSACTION_ID))
                .join(debit).on(debit.ID.eq(JOURNAL_LEG.DEBIT_ACCOUNT_ID))
                .join(credit).on(credit.ID.eq(JOURNAL_LEG.CREDIT_ACCOUNT_ID))
                .where(where)
                .orderBy(JOURNAL_LEG.TRANSACTION_ID, JOURNAL_LEG.LEG_NO)
                .forEach(r -> legs.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new ProjectEntry.Leg(r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        return reads.select(JOURNAL_TRANSACTION.ID, JOURNAL_TRANSACTION.PROJECT_REF, JOURNAL_TRANSACTION.KIND,
                        JOURNAL_TRANSACTION.PHASE, JOURNAL_TRANSACTION.PENDING_ID, JOURNAL_TRANSACTION.DISBURSEMENT_REF,
                        JOURNAL_TRANSACTION.OCCURRED_AT)
                .from(JOURNAL_TRANSACTION).where(where).orderBy(JOURNAL_TRANSACTION.ID)
                .fetch(r -> new ProjectEntry(r.value1(), r.value2(), TransactionKind.valueOf(r.value3()), Phase.valueOf(r.value4()),
                        r.value5(), r.value6(), r.value7().toInstant(), legs.getOrDefault(r.value1(), List.of())));
    }

    // --- disbursements and leftovers ------------------------------------------------------------------------

    @Override
    public List<Disbursement> disbursements() {
        return reads.selectFrom(DISBURSEMENT).orderBy(DISBURSEMENT.ID).fetch(JooqProjectStore::disbursement);
    }

    @Override
    public List<Disbursement> disbursements(long projectId) {
        return reads.selectFrom(DISBURSEMENT).where(DISBURSEMENT.PROJECT_ID.eq(projectId)).orderBy(DISBURSEMENT.ID)
                .fetch(JooqProjectStore::disbursement);
    }

    @Override
    public Optional<Disbursement> disbursement(long id) {
        return reads.selectFrom(DISBURSEMENT).where(DISBURSEMENT.ID.eq(id)).fetchOptional(JooqProjectStore::disbursement);
    }

    private static Disbursement disbursement(DisbursementRecord r) {
        return new Disbursement(r.getId(), r.getProjectId(), r.getBudgetItem(), r.getAmountFen(), r.getPayee(), r.getPurpose(),
                r.getInvoiceNo(), r.getAttachmentRef(), DisbursementStatus.valueOf(r.getDisbursementStatus()),
                new Actor(r.getRequestedById(), r.getRequestedByName()), instant(r.getRequestedAt()),
                actor(r.getDecidedById(), r.getDecidedByName()), instant(r.getDecidedAt()), r.getDecisionReason(),
                r.getOverrunApprovedFen(), r.getReserveTransactionId(), actor(r.getPaidById(), r.getPaidByName()),
                instant(r.getPaidAt()), r.getPaymentTransactionId(), r.getPayKey(), actor(r.getClosedById(), r.getClosedByName()),
                instant(r.getClosedAt()), r.getCloseReason(), DisbursementForm.valueOf(r.getForm()));
    }

    @Override
    public List<LeftoverDisposal> leftovers(long projectId) {
        return leftovers(PROJECT_LEFTOVER.PROJECT_ID.eq(projectId));
    }

    @Override
    public List<LeftoverDisposal> leftovers() {
        return leftovers(DSL.trueCondition());
    }

    private List<LeftoverDisposal> leftovers(Condition where) {
        return reads.selectFrom(PROJECT_LEFTOVER).where(where).orderBy(PROJECT_LEFTOVER.PROJECT_ID, PROJECT_LEFTOVER.SEQ)
                .fetch(r -> new LeftoverDisposal(r.getProjectId(), r.getSeq(), LeftoverDisposition.valueOf(r.getDisposition()),
                        r.getAmountFen(), r.getTargetProjectId(), r.getTransactionId(),
                        new Actor(r.getDecidedById(), r.getDecidedByName()), instant(r.getDecidedAt()), r.getReason()));
    }

    private static Actor actor(Long id, String name) {
        return id == null ? null : new Actor(id, name);
    }

    // --- writes ---------------------------------------------------------------------------------------------

    @Override
    public void write(DSLContext dsl, BatchRecord record) {
        switch (record) {
            case ProjectSaved s -> writeProject(dsl, s);
            case PlanVersionSaved s -> writeVersion(dsl, s);
            case DisbursementSaved s -> writeDisbursement(dsl, s);
            case LeftoverDisposal l -> dsl.insertInto(PROJECT_LEFTOVER).set(PROJECT_LEFTOVER.PROJECT_ID, l.projectId())
                    .set(PROJECT_LEFTOVER.SEQ, l.seq()).set(PROJECT_LEFTOVER.DISPOSITION, l.disposition().name())
                    .set(PROJECT_LEFTOVER.AMOUNT_FEN, l.amountFen()).set(PROJECT_LEFTOVER.TARGET_PROJECT_ID, l.targetProjectId())
                    .set(PROJECT_LEFTOVER.TRANSACTION_ID, l.transactionId()).set(PROJECT_LEFTOVER.DECIDED_BY_ID, l.decidedBy().userId())
                    .set(PROJECT_LEFTOVER.DECIDED_BY_NAME, l.decidedBy().name()).set(PROJECT_LEFTOVER.DECIDED_AT, odt(l.decidedAt()))
                    .set(PROJECT_LEFTOVER.REASON, l.reason()).execute();
            default -> throw new IllegalArgumentException("not a project record: " + record);
        }
    }

    private static void writeProject(DSLContext dsl, ProjectSaved saved) {
        Project p = saved.project();
        ProjectPlan plan = p.plan();
        switch (saved.change()) {
            case CREATED -> {
                dsl.insertInto(PROJECT).set(PROJECT.ID, p.id()).set(PROJECT.CODE, p.code()).set(PROJECT.FUND_ID, p.fundId())
                        .set(PROJECT.TITLE, plan.title()).set(PROJECT.CATEGORY, plan.category()).set(PROJECT.NEED, plan.need())
                        .set(PROJECT.PLAN, plan.plan()).set(PROJECT.TARGET_AMOUNT_FEN, plan.targetAmountFen())
                        .set(PROJECT.FUNDRAISING_OPENS_AT, odt(plan.fundraisingOpensAt()))
                        .set(PROJECT.FUNDRAISING_CLOSES_AT, odt(plan.fundraisingClosesAt()))
                        .set(PROJECT.MATCHING_POOL_CODE, plan.matchingPoolCode()).set(PROJECT.STATUS, p.status().name())
                        .set(PROJECT.MANAGEMENT_FEE_BP, plan.managementFeeBasisPoints())
                        .set(PROJECT.PLAN_VERSION, p.planVersion()).set(PROJECT.NEED_ID, p.needId())
                        .set(PROJECT.CREATED_BY_ID, p.createdBy().userId()).set(PROJECT.CREATED_BY_NAME, p.createdBy().name())
                        .set(PROJECT.CREATED_AT, odt(p.createdAt())).set(PROJECT.UPDATED_AT, odt(p.updatedAt())).execute();
                insertPlanLines(dsl, p.id(), plan);
            }
            case PLAN -> {
                requireOne(dsl.update(PROJECT).set(PROJECT.TITLE, plan.title()).set(PROJECT.CATEGORY, plan.category())
                        .set(PROJECT.NEED, plan.need()).set(PROJECT.PLAN, plan.plan())
                        .set(PROJECT.TARGET_AMOUNT_FEN, plan.targetAmountFen())
                        .set(PROJECT.FUNDRAISING_OPENS_AT, odt(plan.fundraisingOpensAt()))
                        .set(PROJECT.FUNDRAISING_CLOSES_AT, odt(plan.fundraisingClosesAt()))
                        .set(PROJECT.MANAGEMENT_FEE_BP, plan.managementFeeBasisPoints())
                        .set(PROJECT.PLAN_VERSION, p.planVersion()).set(PROJECT.UPDATED_AT, odt(p.updatedAt()))
                        .where(PROJECT.ID.eq(p.id())).execute(), p);
                dsl.deleteFrom(PROJECT_GOAL).where(PROJECT_GOAL.PROJECT_ID.eq(p.id())).execute();
                dsl.deleteFrom(PROJECT_BUDGET_LINE).where(PROJECT_BUDGET_LINE.PROJECT_ID.eq(p.id())).execute();
                dsl.deleteFrom(PROJECT_TEAM_MEMBER).where(PROJECT_TEAM_MEMBER.PROJECT_ID.eq(p.id())).execute();
                insertPlanLines(dsl, p.id(), plan);
            }
            case STATE -> requireOne(dsl.update(PROJECT).set(PROJECT.STATUS, p.status().name())
                    .set(PROJECT.SUBMITTED_BY_ID, p.submittedBy() == null ? null : p.submittedBy().userId())
                    .set(PROJECT.SUBMITTED_BY_NAME, p.submittedBy() == null ? null : p.submittedBy().name())
                    .set(PROJECT.UPDATED_AT, odt(p.updatedAt())).where(PROJECT.ID.eq(p.id())).execute(), p);
            case CLOSING -> {
                Closing closing = p.closing();
                requireOne(dsl.update(PROJECT).set(PROJECT.STATUS, p.status().name())
                        .set(PROJECT.COMPLETED_BY_ID, closing.completedBy().userId())
                        .set(PROJECT.COMPLETED_BY_NAME, closing.completedBy().name()).set(PROJECT.RESULTS, closing.results())
                        .set(PROJECT.UPDATED_AT, odt(p.updatedAt())).where(PROJECT.ID.eq(p.id())).execute(), p);
                var outcomes = dsl.insertInto(PROJECT_GOAL_OUTCOME, PROJECT_GOAL_OUTCOME.PROJECT_ID, PROJECT_GOAL_OUTCOME.GOAL_NO,
                        PROJECT_GOAL_OUTCOME.OUTCOME);
                for (int i = 0; i < closing.goalOutcomes().size(); i++) {
                    outcomes = outcomes.values(p.id(), i + 1, closing.goalOutcomes().get(i));
                }
                outcomes.execute();
            }
            case NONE -> {
            }
        }
        ProjectEvent e = saved.event();
        dsl.insertInto(PROJECT_EVENT).set(PROJECT_EVENT.PROJECT_ID, e.projectId()).set(PROJECT_EVENT.SEQ, e.seq())
                .set(PROJECT_EVENT.AT, odt(e.at())).set(PROJECT_EVENT.ACTOR_ID, e.by().userId())
                .set(PROJECT_EVENT.ACTOR_NAME, e.by().name()).set(PROJECT_EVENT.ACTION, e.action())
                .set(PROJECT_EVENT.FROM_STATUS, e.from() == null ? null : e.from().name())
                .set(PROJECT_EVENT.TO_STATUS, e.to().name()).set(PROJECT_EVENT.REASON, e.reason()).execute();
    }

    private static void requireOne(int updated, Project p) {
        if (updated != 1) {
            throw new IllegalStateException("project " + p.code() + " is not in storage");
        }
    }

    private static void insertPlanLines(DSLContext dsl, long projectId, ProjectPlan plan) {
        var goals = dsl.insertInto(PROJECT_GOAL, PROJECT_GOAL.PROJECT_ID, PROJECT_GOAL.GOAL_NO, PROJECT_GOAL.GOAL);
        for (int i = 0; i < plan.goals().size(); i++) {
            goals = goals.values(projectId, i + 1, plan.goals().get(i));
        }
        goals.execute();
        var lines = dsl.insertInto(PROJECT_BUDGET_LINE, PROJECT_BUDGET_LINE.PROJECT_ID, PROJECT_BUDGET_LINE.LINE_NO,
                PROJECT_BUDGET_LINE.ITEM, PROJECT_BUDGET_LINE.AMOUNT_FEN, PROJECT_BUDGET_LINE.NOTE);
        for (BudgetLine line : plan.budget()) {
            lines = lines.values(projectId, line.lineNo(), line.item(), line.amountFen(), line.note());
        }
        lines.execute();
        var team = dsl.insertInto(PROJECT_TEAM_MEMBER, PROJECT_TEAM_MEMBER.PROJECT_ID, PROJECT_TEAM_MEMBER.MEMBER_NO,
                PROJECT_TEAM_MEMBER.NAME, PROJECT_TEAM_MEMBER.ROLE);
        for (int i = 0; i < plan.team().size(); i++) {
            team = team.values(projectId, i + 1, plan.team().get(i).name(), plan.team().get(i).role());
        }
        team.execute();
    }

    private static void writeVersion(DSLContext dsl, PlanVersionSaved saved) {
        PlanVersion v = saved.version();
        if (!saved.created()) {
            int updated = dsl.update(PROJECT_PLAN_VERSION).set(PROJECT_PLAN_VERSION.VERSION_STATUS, v.status().name())
                    .set(PROJECT_PLAN_VERSION.DECIDED_BY_ID, v.decidedBy().userId())
                    .set(PROJECT_PLAN_VERSION.DECIDED_BY_NAME, v.decidedBy().name())
                    .set(PROJECT_PLAN_VERSION.DECIDED_AT, odt(v.decidedAt()))
                    .set(PROJECT_PLAN_VERSION.DECISION_REASON, v.decisionReason())
                    .where(PROJECT_PLAN_VERSION.PROJECT_ID.eq(v.projectId()), PROJECT_PLAN_VERSION.VERSION_NO.eq(v.versionNo()),
                            PROJECT_PLAN_VERSION.VERSION_STATUS.eq(PlanVersion.Status.PROPOSED.name()))
                    .execute();
            if (updated != 1) {
                throw new IllegalStateException("plan version " + v.versionNo() + " is not waiting for a decision in storage");
            }
            return;
        }
        ProjectPlan plan = v.plan();
        dsl.insertInto(PROJECT_PLAN_VERSION).set(PROJECT_PLAN_VERSION.PROJECT_ID, v.projectId())
                .set(PROJECT_PLAN_VERSION.VERSION_NO, v.versionNo()).set(PROJECT_PLAN_VERSION.TITLE, plan.title())
                .set(PROJECT_PLAN_VERSION.CATEGORY, plan.category()).set(PROJECT_PLAN_VERSION.NEED, plan.need())
                .set(PROJECT_PLAN_VERSION.PLAN, plan.plan()).set(PROJECT_PLAN_VERSION.TARGET_AMOUNT_FEN, plan.targetAmountFen())
                .set(PROJECT_PLAN_VERSION.FUNDRAISING_OPENS_AT, odt(plan.fundraisingOpensAt()))
                .set(PROJECT_PLAN_VERSION.FUNDRAISING_CLOSES_AT, odt(plan.fundraisingClosesAt()))
                .set(PROJECT_PLAN_VERSION.MANAGEMENT_FEE_BP, plan.managementFeeBasisPoints())
                .set(PROJECT_PLAN_VERSION.VERSION_STATUS, v.status().name())
                .set(PROJECT_PLAN_VERSION.PROPOSED_BY_ID, v.proposedBy().userId())
                .set(PROJECT_PLAN_VERSION.PROPOSED_BY_NAME, v.proposedBy().name())
                .set(PROJECT_PLAN_VERSION.PROPOSED_AT, odt(v.proposedAt()))
                .set(PROJECT_PLAN_VERSION.CHANGE_REASON, v.changeReason())
                .set(PROJECT_PLAN_VERSION.DECIDED_BY_ID, v.decidedBy() == null ? null : v.decidedBy().userId())
                .set(PROJECT_PLAN_VERSION.DECIDED_BY_NAME, v.decidedBy() == null ? null : v.decidedBy().name())
                .set(PROJECT_PLAN_VERSION.DECIDED_AT, odt(v.decidedAt()))
                .set(PROJECT_PLAN_VERSION.DECISION_REASON, v.decisionReason()).execute();
        var goals = dsl.insertInto(PROJECT_VERSION_GOAL, PROJECT_VERSION_GOAL.PROJECT_ID, PROJECT_VERSION_GOAL.VERSION_NO,
                PROJECT_VERSION_GOAL.GOAL_NO, PROJECT_VERSION_GOAL.GOAL);
        for (int i = 0; i < plan.goals().size(); i++) {
            goals = goals.values(v.projectId(), v.versionNo(), i + 1, plan.goals().get(i));
        }
        goals.execute();
        var lines = dsl.insertInto(PROJECT_VERSION_BUDGET_LINE, PROJECT_VERSION_BUDGET_LINE.PROJECT_ID,
                PROJECT_VERSION_BUDGET_LINE.VERSION_NO, PROJECT_VERSION_BUDGET_LINE.LINE_NO, PROJECT_VERSION_BUDGET_LINE.ITEM,
                PROJECT_VERSION_BUDGET_LINE.AMOUNT_FEN, PROJECT_VERSION_BUDGET_LINE.NOTE);
        for (BudgetLine line : plan.budget()) {
            lines = lines.values(v.projectId(), v.versionNo(), line.lineNo(), line.item(), line.amountFen(), line.note());
        }
        lines.execute();
        var team = dsl.insertInto(PROJECT_VERSION_TEAM_MEMBER, PROJECT_VERSION_TEAM_MEMBER.PROJECT_ID,
                PROJECT_VERSION_TEAM_MEMBER.VERSION_NO, PROJECT_VERSION_TEAM_MEMBER.MEMBER_NO, PROJECT_VERSION_TEAM_MEMBER.NAME,
                PROJECT_VERSION_TEAM_MEMBER.ROLE);
        for (int i = 0; i < plan.team().size(); i++) {
            team = team.values(v.projectId(), v.versionNo(), i + 1, plan.team().get(i).name(), plan.team().get(i).role());
        }
        team.execute();
    }

    private static void writeDisbursement(DSLContext dsl, DisbursementSaved saved) {
        Disbursement d = saved.disbursement();
        if (saved.created()) {
            dsl.insertInto(DISBURSEMENT).set(DISBURSEMENT.ID, d.id()).set(DISBURSEMENT.PROJECT_ID, d.projectId())
                    .set(DISBURSEMENT.BUDGET_ITEM, d.budgetItem()).set(DISBURSEMENT.AMOUNT_FEN, d.amountFen())
                    .set(DISBURSEMENT.PAYEE, d.payee()).set(DISBURSEMENT.PURPOSE, d.purpose())
                    .set(DISBURSEMENT.INVOICE_NO, d.invoiceNo()).set(DISBURSEMENT.ATTACHMENT_REF, d.attachmentRef())
                    .set(DISBURSEMENT.FORM, d.form().name())
                    .set(DISBURSEMENT.DISBURSEMENT_STATUS, d.status().name())
                    .set(DISBURSEMENT.REQUESTED_BY_ID, d.requestedBy().userId())
                    .set(DISBURSEMENT.REQUESTED_BY_NAME, d.requestedBy().name())
                    .set(DISBURSEMENT.REQUESTED_AT, odt(d.requestedAt())).execute();
            return;
        }
        int updated = dsl.update(DISBURSEMENT).set(DISBURSEMENT.DISBURSEMENT_STATUS, d.status().name())
                .set(DISBURSEMENT.DECIDED_BY_ID, d.decidedBy() == null ? null : d.decidedBy().userId())
                .set(DISBURSEMENT.DECIDED_BY_NAME, d.decidedBy() == null ? null : d.decidedBy().name())
                .set(DISBURSEMENT.DECIDED_AT, odt(d.decidedAt())).set(DISBURSEMENT.DECISION_REASON, d.decisionReason())
                .set(DISBURSEMENT.OVERRUN_APPROVED_FEN, d.overrunApprovedFen())
                .set(DISBURSEMENT.RESERVE_TRANSACTION_ID, d.reserveTransactionId())
                .set(DISBURSEMENT.PAID_BY_ID, d.paidBy() == null ? null : d.paidBy().userId())
                .set(DISBURSEMENT.PAID_BY_NAME, d.paidBy() == null ? null : d.paidBy().name())
                .set(DISBURSEMENT.PAID_AT, odt(d.paidAt())).set(DISBURSEMENT.PAYMENT_TRANSACTION_ID, d.paymentTransactionId())
                .set(DISBURSEMENT.PAY_KEY, d.payKey())
                .set(DISBURSEMENT.CLOSED_BY_ID, d.closedBy() == null ? null : d.closedBy().userId())
                .set(DISBURSEMENT.CLOSED_BY_NAME, d.closedBy() == null ? null : d.closedBy().name())
                .set(DISBURSEMENT.CLOSED_AT, odt(d.closedAt())).set(DISBURSEMENT.CLOSE_REASON, d.closeReason())
                .where(DISBURSEMENT.ID.eq(d.id())).execute();
        if (updated != 1) {
            throw new IllegalStateException("disbursement " + d.id() + " is not in storage");
        }
    }

    /** Attaches goals, budget lines, team and closing outcomes (four queries for the whole list). */
    private static List<Project> withPlans(DSLContext dsl, List<ProjectRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(ProjectRecord::getId).toList();
        Map<Long, List<String>> goals = new HashMap<>();
        dsl.selectFrom(PROJECT_GOAL).where(PROJECT_GOAL.PROJECT_ID.in(ids)).orderBy(PROJECT_GOAL.PROJECT_ID, PROJECT_GOAL.GOAL_NO)
                .forEach(g -> goals.computeIfAbsent(g.getProjectId(), k -> new ArrayList<>()).add(g.getGoal()));
        Map<Long, List<BudgetLine>> budget = new HashMap<>();
        dsl.selectFrom(PROJECT_BUDGET_LINE).where(PROJECT_BUDGET_LINE.PROJECT_ID.in(ids))
                .orderBy(PROJECT_BUDGET_LINE.PROJECT_ID, PROJECT_BUDGET_LINE.LINE_NO)
                .forEach(b -> budget.computeIfAbsent(b.getProjectId(), k -> new ArrayList<>())
                        .add(new BudgetLine(b.getLineNo(), b.getItem(), b.getAmountFen(), b.getNote())));
        Map<Long, List<TeamMember>> team = new HashMap<>();
        dsl.selectFrom(PROJECT_TEAM_MEMBER).where(PROJECT_TEAM_MEMBER.PROJECT_ID.in(ids))
                .orderBy(PROJECT_TEAM_MEMBER.PROJECT_ID, PROJECT_TEAM_MEMBER.MEMBER_NO)
                .forEach(m -> team.computeIfAbsent(m.getProjectId(), k -> new ArrayList<>()).add(new TeamMember(m.getName(), m.getRole())));
        Map<Long, List<String>> outcomes = new HashMap<>();
        dsl.selectFrom(PROJECT_GOAL_OUTCOME).where(PROJECT_GOAL_OUTCOME.PROJECT_ID.in(ids))
                .orderBy(PROJECT_GOAL_OUTCOME.PROJECT_ID, PROJECT_GOAL_OUTCOME.GOAL_NO)
                .forEach(o -> outcomes.computeIfAbsent(o.getProjectId(), k -> new ArrayList<>()).add(o.getOutcome()));
        List<Project> projects = new ArrayList<>(rows.size());
        for (ProjectRecord r : rows) {
            ProjectPlan plan = new ProjectPlan(r.getTitle(), r.getCategory(), r.getNeed(), goals.get(r.getId()),
                    r.getTargetAmountFen(), budget.get(r.getId()), r.getPlan(), team.get(r.getId()),
                    instant(r.getFundraisingOpensAt()), instant(r.getFundraisingClosesAt()), r.getMatchingPoolCode(),
                    r.getManagementFeeBp());
            Closing closing = r.getCompletedById() == null ? null : new Closing(r.getResults(),
                    outcomes.getOrDefault(r.getId(), List.of()), new Actor(r.getCompletedById(), r.getCompletedByName()));
            projects.add(new Project(r.getId(), r.getCode(), r.getFundId(), plan, r.getPlanVersion(),
                    ProjectStatus.valueOf(r.getStatus()), new Actor(r.getCreatedById(), r.getCreatedByName()),
                    r.getSubmittedById() == null ? null : new Actor(r.getSubmittedById(), r.getSubmittedByName()), closing,
                    r.getNeedId(), instant(r.getCreatedAt()), instant(r.getUpdatedAt())));
        }
        return projects;
    }
}
