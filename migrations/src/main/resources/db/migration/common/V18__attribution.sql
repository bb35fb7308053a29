-- Attribution to the fen (issue 13; docs/reference/attribution.md): every outflow of a project's money is attributed
-- to the gifts whose money it was, each gift's own part and its share of the match, in proportion to what each still
-- had in the project. Kept by the single writer in the batch transaction of the outflow.

-- A project's money as units, each tied to one gift (gift_id 0: money tied to no gift) and one part of it: GIFT (the
-- gift's own money, or a part moved in from another project) or MATCH (its share of a match). A unit is the current
-- figure, replaced as the books move: not append-only.
CREATE TABLE attribution_unit (
    project_id     BIGINT      NOT NULL REFERENCES project (id),
    gift_id        BIGINT      NOT NULL,
    part           VARCHAR(8)  NOT NULL CHECK (part IN ('GIFT', 'MATCH')),
    -- OWN: the gift's own project; MOVED_IN: carried in with leftover moved from another project; UNTIED: gift_id 0.
    origin         VARCHAR(8)  NOT NULL CHECK (origin IN ('OWN', 'MOVED_IN', 'UNTIED')),
    -- What came in to this unit in all (the gift, its match share, or what was moved in).
    in_fen         BIGINT      NOT NULL CHECK (in_fen >= 0),
    -- Of a gift's own unit: what still stands of the gift (its amount less what was refunded); 0 for other units.
    standing_fen   BIGINT      NOT NULL CHECK (standing_fen >= 0),
    -- What is still unspent of the unit in the project.
    remaining_fen  BIGINT      NOT NULL CHECK (remaining_fen >= 0),
    PRIMARY KEY (project_id, gift_id, part)
);
-- A gift's flow is read by gift: its units in every project its money reached.
CREATE INDEX attribution_unit_gift ON attribution_unit (gift_id);

-- One outflow of a project's money (a payment, a fee, a refund, leftover returned or moved): what the attribution rows
-- of one journal transaction add up to. Append-only.
CREATE TABLE attribution_outflow (
    transaction_id   BIGINT      NOT NULL PRIMARY KEY REFERENCES journal_transaction (id),
    project_id       BIGINT      NOT NULL REFERENCES project (id),
    kind             VARCHAR(20) NOT NULL CHECK (kind IN ('PAYMENT', 'FEE', 'LEFTOVER_RETURNED', 'LEFTOVER_MOVED', 'REFUND',
                                                          'MATCH_RETURNED', 'OTHER')),
    disbursement_id  BIGINT,
    to_project_id    BIGINT,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    amount_fen       BIGINT      NOT NULL CHECK (amount_fen > 0),
    from_gift_fen    BIGINT      NOT NULL CHECK (from_gift_fen >= 0),
    from_match_fen   BIGINT      NOT NULL CHECK (from_match_fen >= 0),
    method_version   INTEGER     NOT NULL,
    CONSTRAINT attribution_outflow_parts CHECK (from_gift_fen + from_match_fen = amount_fen)
);
CREATE INDEX attribution_outflow_project ON attribution_outflow (project_id, transaction_id);

-- One part of one outflow: how much of it came from one gift's own money or from its match share. The parts of an
-- outflow sum to it exactly. Append-only.
CREATE TABLE attribution (
    transaction_id   BIGINT      NOT NULL REFERENCES journal_transaction (id),
    gift_id          BIGINT      NOT NULL,
    part             VARCHAR(8)  NOT NULL CHECK (part IN ('GIFT', 'MATCH')),
    project_id       BIGINT      NOT NULL REFERENCES project (id),
    kind             VARCHAR(20) NOT NULL,
    disbursement_id  BIGINT,
    amount_fen       BIGINT      NOT NULL CHECK (amount_fen > 0),
    method_version   INTEGER     NOT NULL,
    PRIMARY KEY (transaction_id, gift_id, part)
);
-- A gift's uses, in the order they were made.
CREATE INDEX attribution_gift ON attribution (gift_id, transaction_id);
