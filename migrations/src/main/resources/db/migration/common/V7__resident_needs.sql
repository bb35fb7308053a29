-- Residents' needs (居民点单): what residents asked for, recorded per fund by the residents' committee. A need
-- stays OPEN until a project answers it (委员会接单) or it is withdrawn; its row is updated then, never deleted.

CREATE TABLE resident_need (
    id                       BIGINT        NOT NULL PRIMARY KEY,
    fund_id                  BIGINT        NOT NULL REFERENCES fund (id),
    title                    VARCHAR(200)  NOT NULL,
    description              VARCHAR(2000) NOT NULL,
    -- Who raised it, as the committee writes it down ("3号楼居民"); not a user of the ledger.
    raised_by                VARCHAR(200)  NOT NULL,
    -- How many residents asked for it.
    supporters               INT           NOT NULL CHECK (supporters >= 1),
    status                   VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'WITHDRAWN')),
    answered_by_project_code VARCHAR(32),
    answered_at              TIMESTAMP WITH TIME ZONE,
    -- A withdrawal keeps who withdrew the need, when and why.
    withdrawn_by_id          BIGINT,
    withdrawn_by_name        VARCHAR(100),
    withdrawn_at             TIMESTAMP WITH TIME ZONE,
    withdraw_reason          VARCHAR(400),
    created_by_id            BIGINT        NOT NULL,
    created_by_name          VARCHAR(100)  NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT resident_need_answer_names_project CHECK (
        (status = 'ANSWERED') = (answered_by_project_code IS NOT NULL)
        AND (answered_by_project_code IS NULL) = (answered_at IS NULL)),
    CONSTRAINT resident_need_withdrawal_is_whole CHECK (
        (status = 'WITHDRAWN') = (withdraw_reason IS NOT NULL)
        AND (withdraw_reason IS NULL) = (withdrawn_at IS NULL)
        AND (withdraw_reason IS NULL) = (withdrawn_by_id IS NULL)
        AND (withdraw_reason IS NULL) = (withdrawn_by_name IS NULL))
);

CREATE INDEX resident_need_fund ON resident_need (fund_id, id);
