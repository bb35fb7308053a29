-- Matching pools (配捐池) and settled matches. A pool's money lives in a guarded seed fund of its own
-- (pool_fund_id); its rule is versioned, and each settlement records the version it used.

CREATE TABLE matching_pool (
    id               BIGINT       NOT NULL PRIMARY KEY,
    code             VARCHAR(32)  NOT NULL UNIQUE,
    name             VARCHAR(200) NOT NULL,
    sponsor_fund_id  BIGINT       NOT NULL REFERENCES fund (id),
    pool_fund_id     BIGINT       NOT NULL UNIQUE REFERENCES fund (id),
    budget_fen       BIGINT       NOT NULL CHECK (budget_fen > 0),
    settlement       VARCHAR(32)  NOT NULL CHECK (settlement IN ('AT_PROJECT_CLOSE', 'PRO_RATA_AT_POOL_CLOSE')),
    is_open          BOOLEAN      NOT NULL,
    rule_version     INT          NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL UNIQUE,
    request_hash     VARCHAR(64)  NOT NULL,
    created_by_id    BIGINT       NOT NULL,
    created_by_name  VARCHAR(100) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE,
    -- The close request, so that a replay of it is answered as the first time.
    close_idempotency_key VARCHAR(200) UNIQUE,
    close_request_hash    VARCHAR(64)
);

CREATE TABLE matching_rule (
    pool_id               BIGINT      NOT NULL REFERENCES matching_pool (id),
    version               INT         NOT NULL,
    mode                  VARCHAR(16) NOT NULL CHECK (mode IN ('FLAT', 'MARGINAL')),
    per_project_cap_fen   BIGINT      CHECK (per_project_cap_fen > 0),
    per_donation_cap_fen  BIGINT      CHECK (per_donation_cap_fen > 0),
    per_donor_cap_fen     BIGINT      CHECK (per_donor_cap_fen > 0),
    in_kind_eligible      BOOLEAN     NOT NULL,
    opens_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (pool_id, version)
);

CREATE TABLE matching_tier (
    pool_id        BIGINT NOT NULL,
    version        INT    NOT NULL,
    tier_no        INT    NOT NULL,
    min_raised_fen BIGINT NOT NULL CHECK (min_raised_fen >= 0),
    rate_bp        INT    NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    PRIMARY KEY (pool_id, version, tier_no),
    FOREIGN KEY (pool_id, version) REFERENCES matching_rule (pool_id, version)
);

-- Eligible project categories and funds of a rule version; none listed means all.
CREATE TABLE matching_rule_scope (
    pool_id BIGINT      NOT NULL,
    version INT         NOT NULL,
    kind    VARCHAR(16) NOT NULL CHECK (kind IN ('CATEGORY', 'FUND')),
    scope_value VARCHAR(50) NOT NULL,
    PRIMARY KEY (pool_id, version, kind, scope_value),
    FOREIGN KEY (pool_id, version) REFERENCES matching_rule (pool_id, version)
);

CREATE TABLE match_settlement (
    id                           BIGINT NOT NULL PRIMARY KEY,
    pool_id                      BIGINT NOT NULL REFERENCES matching_pool (id),
    -- A project is settled once, ever.
    project_id                   BIGINT NOT NULL UNIQUE REFERENCES project (id),
    rule_version                 INT    NOT NULL,
    received_fen                 BIGINT NOT NULL,
    removed_by_donation_cap_fen  BIGINT NOT NULL,
    removed_by_donor_cap_fen     BIGINT NOT NULL,
    base_fen                     BIGINT NOT NULL,
    computed_fen                 BIGINT NOT NULL,
    removed_by_project_cap_fen   BIGINT NOT NULL,
    capped_fen                   BIGINT NOT NULL,
    budget_available_fen         BIGINT NOT NULL,
    removed_by_budget_fen        BIGINT NOT NULL,
    final_fen                    BIGINT NOT NULL CHECK (final_fen >= 0),
    returned_fen                 BIGINT NOT NULL CHECK (returned_fen >= 0),
    transaction_id               BIGINT UNIQUE REFERENCES journal_transaction (id),
    settled_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (pool_id, rule_version) REFERENCES matching_rule (pool_id, version),
    CONSTRAINT settlement_returns_at_most_what_it_paid CHECK (returned_fen <= final_fen),
    CONSTRAINT settlement_adds_up CHECK (received_fen - removed_by_donation_cap_fen - removed_by_donor_cap_fen = base_fen
        AND computed_fen - removed_by_project_cap_fen = capped_fen AND capped_fen - removed_by_budget_fen = final_fen)
);
