-- The project lifecycle: plan versions, disbursements, closing and acceptance, leftover money.
--
-- A journal transaction that moves a project's money names the project (project_ref), so that the
-- project's figures (raised, matched, disbursed, reserved, available, per budget line) are sums over
-- the journal and reconcile to it by construction.

ALTER TABLE journal_transaction ADD COLUMN project_ref VARCHAR(32);
CREATE INDEX journal_transaction_project ON journal_transaction (project_ref);

-- The approved plan version the project's plan columns hold; the versions themselves are kept below.
ALTER TABLE project ADD COLUMN plan_version INT DEFAULT 1 NOT NULL;
ALTER TABLE project ADD COLUMN completed_by_id BIGINT;
ALTER TABLE project ADD COLUMN completed_by_name VARCHAR(100);
ALTER TABLE project ADD COLUMN results VARCHAR(4000);
-- The residents' need (居民点单, resident_need in V7) the project answers, if any.
ALTER TABLE project ADD COLUMN need_id BIGINT;

-- What the closing report says each goal achieved (goal_no as in project_goal).
CREATE TABLE project_goal_outcome (
    project_id BIGINT        NOT NULL REFERENCES project (id),
    goal_no    INT           NOT NULL,
    outcome    VARCHAR(1000) NOT NULL,
    PRIMARY KEY (project_id, goal_no)
);

-- Every version of every plan: version 1 as the committee approved it, and each later change proposed
-- after approval, with who proposed it, who decided it and why. Versions are added, and decided once.
CREATE TABLE project_plan_version (
    project_id            BIGINT        NOT NULL REFERENCES project (id),
    version_no            INT           NOT NULL CHECK (version_no >= 1),
    title                 VARCHAR(200)  NOT NULL,
    category              VARCHAR(50)   NOT NULL,
    need                  VARCHAR(2000) NOT NULL,
    plan                  VARCHAR(4000) NOT NULL,
    target_amount_fen     BIGINT        NOT NULL CHECK (target_amount_fen > 0),
    fundraising_opens_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    fundraising_closes_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version_status        VARCHAR(16)   NOT NULL CHECK (version_status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_by_id        BIGINT        NOT NULL,
    proposed_by_name      VARCHAR(100)  NOT NULL,
    proposed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    change_reason         VARCHAR(500),
    decided_by_id         BIGINT,
    decided_by_name       VARCHAR(100),
    decided_at            TIMESTAMP WITH TIME ZONE,
    decision_reason       VARCHAR(500),
    PRIMARY KEY (project_id, version_no),
    CONSTRAINT plan_version_decided_once CHECK ((version_status = 'PROPOSED') = (decided_at IS NULL))
);

CREATE TABLE project_version_goal (
    project_id BIGINT       NOT NULL,
    version_no INT          NOT NULL,
    goal_no    INT          NOT NULL,
    goal       VARCHAR(500) NOT NULL,
    PRIMARY KEY (project_id, version_no, goal_no),
    CONSTRAINT version_goal_of_version FOREIGN KEY (project_id, version_no) REFERENCES project_plan_version (project_id, version_no)
);

CREATE TABLE project_version_budget_line (
    project_id BIGINT       NOT NULL,
    version_no INT          NOT NULL,
    line_no    INT          NOT NULL,
    item       VARCHAR(500) NOT NULL,
    amount_fen BIGINT       NOT NULL CHECK (amount_fen > 0),
    note       VARCHAR(500),
    PRIMARY KEY (project_id, version_no, line_no),
    CONSTRAINT version_line_of_version FOREIGN KEY (project_id, version_no) REFERENCES project_plan_version (project_id, version_no)
);

CREATE TABLE project_version_team_member (
    project_id BIGINT       NOT NULL,
    version_no INT          NOT NULL,
    member_no  INT          NOT NULL,
    name       VARCHAR(100) NOT NULL,
    role       VARCHAR(100) NOT NULL,
    PRIMARY KEY (project_id, version_no, member_no),
    CONSTRAINT version_member_of_version FOREIGN KEY (project_id, version_no) REFERENCES project_plan_version (project_id, version_no)
);

-- A payment against a budget line (拨付): requested, approved or rejected by someone else, then paid.
-- Approval reserves the money (reserve_transaction_id, a pending transfer); payment posts it.
CREATE TABLE disbursement (
    id                     BIGINT       NOT NULL PRIMARY KEY,
    project_id             BIGINT       NOT NULL REFERENCES project (id),
    budget_item            VARCHAR(500) NOT NULL,
    amount_fen             BIGINT       NOT NULL CHECK (amount_fen > 0),
    payee                  VARCHAR(200) NOT NULL,
    purpose                VARCHAR(500) NOT NULL,
    invoice_no             VARCHAR(100),
    attachment_ref         VARCHAR(500),
    disbursement_status    VARCHAR(16)  NOT NULL CHECK (disbursement_status IN ('PENDING', 'APPROVED', 'REJECTED', 'PAID', 'CANCELLED')),
    requested_by_id        BIGINT       NOT NULL,
    requested_by_name      VARCHAR(100) NOT NULL,
    requested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by_id          BIGINT,
    decided_by_name        VARCHAR(100),
    decided_at             TIMESTAMP WITH TIME ZONE,
    decision_reason        VARCHAR(500),
    -- How much of the amount lies beyond its budget line, approved as such by the committee (0: none).
    overrun_approved_fen   BIGINT       NOT NULL DEFAULT 0 CHECK (overrun_approved_fen >= 0 AND overrun_approved_fen <= amount_fen),
    reserve_transaction_id BIGINT       UNIQUE REFERENCES journal_transaction (id),
    paid_by_id             BIGINT,
    paid_by_name           VARCHAR(100),
    paid_at                TIMESTAMP WITH TIME ZONE,
    payment_transaction_id BIGINT       UNIQUE REFERENCES journal_transaction (id),
    pay_key                VARCHAR(200),
    closed_by_id           BIGINT,
    closed_by_name         VARCHAR(100),
    closed_at              TIMESTAMP WITH TIME ZONE,
    close_reason           VARCHAR(500),
    CONSTRAINT disbursement_overrun_needs_reason CHECK (overrun_approved_fen = 0 OR decision_reason IS NOT NULL),
    CONSTRAINT disbursement_paid_has_payment CHECK ((disbursement_status = 'PAID') = (payment_transaction_id IS NOT NULL))
);

CREATE INDEX disbursement_project ON disbursement (project_id, id);

-- What became of the money a project had left when it ended: returned to its fund's unrestricted money,
-- or moved to another project of the same fund with the committee's approval.
CREATE TABLE project_leftover (
    project_id        BIGINT       NOT NULL REFERENCES project (id),
    seq               INT          NOT NULL,
    disposition       VARCHAR(24)  NOT NULL CHECK (disposition IN ('RETURN_TO_FUND', 'TRANSFER_TO_PROJECT')),
    amount_fen        BIGINT       NOT NULL CHECK (amount_fen > 0),
    target_project_id BIGINT       REFERENCES project (id),
    transaction_id    BIGINT       NOT NULL REFERENCES journal_transaction (id),
    decided_by_id     BIGINT       NOT NULL,
    decided_by_name   VARCHAR(100) NOT NULL,
    decided_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    reason            VARCHAR(500) NOT NULL,
    PRIMARY KEY (project_id, seq),
    CONSTRAINT leftover_target_when_transferred CHECK ((disposition = 'TRANSFER_TO_PROJECT') = (target_project_id IS NOT NULL))
);
