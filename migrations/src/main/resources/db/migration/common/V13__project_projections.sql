-- Projections of the read side (issue 10): rows the single writer keeps in the same transaction as the journal
-- transactions and records they follow, so that reads and the writer's own start need no pass over history.
-- Each table is derived: the property tests fold the same figures from the journal and compare. They are not
-- append-only: a row is the current figure, replaced as the books move.

-- A project's money (ProjectMoney): what it holds and how it came and went.
CREATE TABLE project_sheet (
    project_id              BIGINT PRIMARY KEY REFERENCES project (id),
    restricted_net_fen      BIGINT NOT NULL,
    designated_fen          BIGINT NOT NULL,
    goods_fen               BIGINT NOT NULL,
    raised_fen              BIGINT NOT NULL,
    matched_fen             BIGINT NOT NULL,
    owed_to_pool_fen        BIGINT NOT NULL,
    transferred_in_fen      BIGINT NOT NULL,
    leftover_out_fen        BIGINT NOT NULL,
    goods_issued_fen        BIGINT NOT NULL,
    fees_fen                BIGINT NOT NULL,
    refunded_from_fund_fen  BIGINT NOT NULL,
    -- the last journal transaction folded in
    through_transaction_id  BIGINT NOT NULL
);

-- Restricted income (410102) the project holds, by fiscal year not yet closed into net assets.
CREATE TABLE project_sheet_year (
    project_id             BIGINT  NOT NULL REFERENCES project (id),
    fiscal_year            INTEGER NOT NULL,
    restricted_income_fen  BIGINT  NOT NULL,
    PRIMARY KEY (project_id, fiscal_year)
);

-- Per budget line: paid (posted programme cost) and reserved (approved, unpaid).
CREATE TABLE project_sheet_line (
    project_id     BIGINT       NOT NULL REFERENCES project (id),
    item           VARCHAR(500) NOT NULL,
    -- the order in which the project's money first met the line
    line_no        INTEGER      NOT NULL,
    disbursed_fen  BIGINT       NOT NULL,
    reserved_fen   BIGINT       NOT NULL,
    PRIMARY KEY (project_id, item)
);

-- Open reservations (pending transfers of approved disbursements), so a payment or a void releases the right line.
CREATE TABLE project_sheet_reservation (
    pending_id  BIGINT       PRIMARY KEY,
    project_id  BIGINT       NOT NULL REFERENCES project (id),
    item        VARCHAR(500) NOT NULL,
    amount_fen  BIGINT       NOT NULL,
    goods       BOOLEAN      NOT NULL
);
CREATE INDEX project_sheet_reservation_project ON project_sheet_reservation (project_id);

-- What a project raised by channel and donor kind: gifts that stand (not refunded in whole) and their standing amount.
CREATE TABLE project_source (
    project_id   BIGINT      NOT NULL REFERENCES project (id),
    channel      VARCHAR(16) NOT NULL,
    donor_kind   VARCHAR(16) NOT NULL,
    gifts        INTEGER     NOT NULL,
    amount_fen   BIGINT      NOT NULL,
    PRIMARY KEY (project_id, channel, donor_kind)
);

-- Each donor of a project (by the donor key matching uses): standing gifts and amount, for the donor count.
CREATE TABLE project_donor (
    project_id    BIGINT       NOT NULL REFERENCES project (id),
    donor_key     VARCHAR(100) NOT NULL,
    gifts         INTEGER      NOT NULL,
    standing_fen  BIGINT       NOT NULL,
    PRIMARY KEY (project_id, donor_key)
);

-- A project's match base under its pool's rule (MatchBase): the running tally of its gifts.
CREATE TABLE project_match (
    project_id                   BIGINT  PRIMARY KEY REFERENCES project (id),
    pool_id                      BIGINT  NOT NULL REFERENCES matching_pool (id),
    rule_version                 INTEGER NOT NULL,
    gifts_considered             INTEGER NOT NULL,
    excluded_refunded            INTEGER NOT NULL,
    excluded_outside_window      INTEGER NOT NULL,
    excluded_in_kind             INTEGER NOT NULL,
    received_fen                 BIGINT  NOT NULL,
    removed_by_donation_cap_fen  BIGINT  NOT NULL,
    removed_by_donor_cap_fen     BIGINT  NOT NULL,
    base_fen                     BIGINT  NOT NULL
);

-- Each donor's counted sum (after the per-donation cap) in a project's match, for the per-donor cap.
CREATE TABLE project_match_donor (
    project_id   BIGINT       NOT NULL REFERENCES project (id),
    donor_key    VARCHAR(100) NOT NULL,
    counted_fen  BIGINT       NOT NULL,
    PRIMARY KEY (project_id, donor_key)
);

-- Which projections are built, at which version: a projection missing here is built once from the journal at start.
CREATE TABLE projection_built (
    name     VARCHAR(64) PRIMARY KEY,
    version  INTEGER     NOT NULL
);

-- How many donors a project has (donor rows with a gift that stands), kept with the donor rows.
CREATE TABLE project_giving (
    project_id  BIGINT  PRIMARY KEY REFERENCES project (id),
    donors      INTEGER NOT NULL
);
