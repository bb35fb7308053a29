package org.mingzhang.store;

import static org.mingzhang.store.jooq.Tables.PROJECT;
import static org.mingzhang.store.jooq.Tables.PROJECT_BUDGET_LINE;
import static org.mingzhang.store.jooq.Tables.PROJECT_EVENT;
import static org.mingzhang.store.jooq.Tables.PROJECT_GOAL;
import static org.mingzhang.store.jooq.Tables.PROJECT_TEAM_MEMBER;
import static org.mingzhang.store.JooqJournalStore.instant;
import static org.mingzhang.store.JooqJournalStore.odt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectEvent;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectSaved;
import org.mingzhang.project.ProjectStatus;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.project.TeamMember;
import org.mingzhang.store.jooq.tables.records.ProjectRecord;
import org.mingzhang.user.Actor;

/** Projects, their plans and their audit trail through jOOQ. */
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

    @Override
    public boolean writes(Object record) {
        return record instanceof ProjectSaved;
    }

    @Override
    public void write(DSLContext dsl, Object record) {
        ProjectSaved saved = (ProjectSaved) record;
        Project p = saved.project();
        if (saved.created()) {
            ProjectPlan plan = p.plan();
            dsl.insertInto(PROJECT).set(PROJECT.ID, p.id()).set(PROJECT.CODE, p.code()).set(PROJECT.FUND_ID, p.fundId())
                    .set(PROJECT.TITLE, plan.title()).set(PROJECT.CATEGORY, plan.category()).set(PROJECT.NEED, plan.need())
                    .set(PROJECT.PLAN, plan.plan()).set(PROJECT.TARGET_AMOUNT_FEN, plan.targetAmountFen())
                    .set(PROJECT.FUNDRAISING_OPENS_AT, odt(plan.fundraisingOpensAt()))
                    .set(PROJECT.FUNDRAISING_CLOSES_AT, odt(plan.fundraisingClosesAt()))
                    .set(PROJECT.MATCHING_POOL_CODE, plan.matchingPoolCode()).set(PROJECT.STATUS, p.status().name())
                    .set(PROJECT.CREATED_BY_ID, p.createdBy().userId()).set(PROJECT.CREATED_BY_NAME, p.createdBy().name())
                    .set(PROJECT.CREATED_AT, odt(p.createdAt())).set(PROJECT.UPDATED_AT, odt(p.updatedAt())).execute();
            var goals = dsl.insertInto(PROJECT_GOAL, PROJECT_GOAL.PROJECT_ID, PROJECT_GOAL.GOAL_NO, PROJECT_GOAL.GOAL);
            for (int i = 0; i < plan.goals().size(); i++) {
                goals = goals.values(p.id(), i + 1, plan.goals().get(i));
            }
            goals.execute();
            var lines = dsl.insertInto(PROJECT_BUDGET_LINE, PROJECT_BUDGET_LINE.PROJECT_ID, PROJECT_BUDGET_LINE.LINE_NO,
                    PROJECT_BUDGET_LINE.ITEM, PROJECT_BUDGET_LINE.AMOUNT_FEN, PROJECT_BUDGET_LINE.NOTE);
            for (BudgetLine line : plan.budget()) {
                lines = lines.values(p.id(), line.lineNo(), line.item(), line.amountFen(), line.note());
            }
            lines.execute();
            var team = dsl.insertInto(PROJECT_TEAM_MEMBER, PROJECT_TEAM_MEMBER.PROJECT_ID, PROJECT_TEAM_MEMBER.MEMBER_NO,
                    PROJECT_TEAM_MEMBER.NAME, PROJECT_TEAM_MEMBER.ROLE);
            for (int i = 0; i < plan.team().size(); i++) {
                team = team.values(p.id(), i + 1, plan.team().get(i).name(), plan.team().get(i).role());
            }
            team.execute();
        } else {
            int updated = dsl.update(PROJECT).set(PROJECT.STATUS, p.status().name())
                    .set(PROJECT.SUBMITTED_BY_ID, p.submittedBy() == null ? null : p.submittedBy().userId())
                    .set(PROJECT.SUBMITTED_BY_NAME, p.submittedBy() == null ? null : p.submittedBy().name())
                    .set(PROJECT.UPDATED_AT, odt(p.updatedAt())).where(PROJECT.ID.eq(p.id())).execute();
            if (updated != 1) {
                throw new IllegalStateException("project " + p.code() + " is not in storage");
            }
        }
        ProjectEvent e = saved.event();
        dsl.insertInto(PROJECT_EVENT).set(PROJECT_EVENT.PROJECT_ID, e.projectId()).set(PROJECT_EVENT.SEQ, e.seq())
                .set(PROJECT_EVENT.AT, odt(e.at())).set(PROJECT_EVENT.ACTOR_ID, e.by().userId())
                .set(PROJECT_EVENT.ACTOR_NAME, e.by().name()).set(PROJECT_EVENT.ACTION, e.action())
                .set(PROJECT_EVENT.FROM_STATUS, e.from() == null ? null : e.from().name())
                .set(PROJECT_EVENT.TO_STATUS, e.to().name()).set(PROJECT_EVENT.REASON, e.reason()).execute();
    }

    /** Attaches goals, budget lines and team (three queries for the whole list). */
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
        List<Project> projects = new ArrayList<>(rows.size());
        for (ProjectRecord r : rows) {
            ProjectPlan plan = new ProjectPlan(r.getTitle(), r.getCategory(), r.getNeed(), goals.get(r.getId()),
                    r.getTargetAmountFen(), budget.get(r.getId()), r.getPlan(), team.get(r.getId()),
                    instant(r.getFundraisingOpensAt()), instant(r.getFundraisingClosesAt()), r.getMatchingPoolCode());
            projects.add(new Project(r.getId(), r.getCode(), r.getFundId(), plan, ProjectStatus.valueOf(r.getStatus()),
                    new Actor(r.getCreatedById(), r.getCreatedByName()),
                    r.getSubmittedById() == null ? null : new Actor(r.getSubmittedById(), r.getSubmittedByName()),
                    instant(r.getCreatedAt()), instant(r.getUpdatedAt())));
        }
        return projects;
    }
}
