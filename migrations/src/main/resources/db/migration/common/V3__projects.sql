-- Community-fund projects (项目): the plan as data, its state, and the audit trail of every change of state.
-- Projects change state (a row is updated); their events are only ever added.

CREATE TABLE project (
    id                    BIGINT        NOT NULL PRIMARY KEY,
    code                  VARCHAR(32)   NOT NULL UNIQUE,
    fund_id               BIGINT        NOT NULL REFERENCES fund (id),
    title                 VARCHAR(200)  NOT NULL,
    category              VARCHAR(50)   NOT NULL,
    need                  VARCHAR(2000) NOT NULL,
    plan                  VARCHAR(4000) NOT NULL,
    target_amount_fen     BIGINT        NOT NULL CHECK (target_amount_fen > 0),
    fundraising_opens_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    fundraising_closes_at TIMESTAMP WITH TIME ZONE NOT NULL,
    matching_pool_code    VARCHAR(32),
    status                VARCHAR(16)   NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'FUNDRAISING', 'IN_PROGRESS',
                                                                   'COMPLETED', 'ACCEPTED', 'REJECTED', 'CANCELLED')),
    created_by_id         BIGINT        NOT NULL,
    created_by_name       VARCHAR(100)  NOT NULL,
    submitted_by_id       BIGINT,
    submitted_by_name     VARCHAR(100),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT project_window_closes_after_it_opens CHECK (fundraising_closes_at > fundraising_opens_at)
);

CREATE TABLE project_goal (
    project_id BIGINT       NOT NULL REFERENCES project (id),
    goal_no    INT          NOT NULL,
    goal       VARCHAR(500) NOT NULL,
    PRIMARY KEY (project_id, goal_no)
);

CREATE TABLE project_budget_line (
    project_id BIGINT       NOT NULL REFERENCES project (id),
    line_no    INT          NOT NULL,
    item       VARCHAR(500) NOT NULL,
    amount_fen BIGINT       NOT NULL CHECK (amount_fen > 0),
    note       VARCHAR(500),
    PRIMARY KEY (project_id, line_no)
);

CREATE TABLE project_team_member (
    project_id BIGINT       NOT NULL REFERENCES project (id),
    member_no  INT          NOT NULL,
    name       VARCHAR(100) NOT NULL,
    role       VARCHAR(100) NOT NULL,
    PRIMARY KEY (project_id, member_no)
);

CREATE TABLE project_event (
    project_id  BIGINT       NOT NULL REFERENCES project (id),
    seq         INT          NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    BIGINT       NOT NULL,
    actor_name  VARCHAR(100) NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    from_status VARCHAR(16),
    to_status   VARCHAR(16)  NOT NULL,
    reason      VARCHAR(500),
    PRIMARY KEY (project_id, seq)
);
