-- The memorandum register (备查簿) of gifts in kind whose value cannot be measured reliably. Under 《民间非营利组织会计制度》
-- such a gift is not booked: no journal transaction names it, and no account holds it. It is written down here instead,
-- with what it is and how much of it came (IN), and every handing out of it is written down too (OUT), each OUT naming
-- the IN entry it draws on. Rows are added and never changed; what is left of an IN entry is its quantity less the
-- quantities of its OUT entries. The writer refuses an OUT that would hand out more than is left, and the store checks
-- it again whenever it reads the register back.

CREATE TABLE goods_register_entry (
    id               BIGINT       NOT NULL PRIMARY KEY,
    idempotency_key  VARCHAR(200) NOT NULL UNIQUE,
    request_hash     VARCHAR(64)  NOT NULL,
    fund_id          BIGINT       NOT NULL REFERENCES fund (id),
    -- The project the goods were given for; an OUT entry keeps its IN entry's project.
    project_id       BIGINT       REFERENCES project (id),
    direction        VARCHAR(3)   NOT NULL CHECK (direction IN ('IN', 'OUT')),
    -- What the goods are ("旧衣物"), counted in whole units ("12" "袋"); an OUT entry repeats its IN entry's.
    description      VARCHAR(500) NOT NULL,
    quantity         BIGINT       NOT NULL CHECK (quantity > 0),
    unit             VARCHAR(20)  NOT NULL,
    -- The donor of an IN entry, the recipient of an OUT entry, as the accountant writes them down.
    counterparty     VARCHAR(100) NOT NULL,
    -- Why the value cannot be measured reliably: what keeps an IN entry out of the books.
    why_not_valued   VARCHAR(500),
    in_entry_id      BIGINT       REFERENCES goods_register_entry (id),
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    note             VARCHAR(500),
    recorded_by      VARCHAR(100) NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT goods_register_in_says_why_not_valued CHECK ((direction = 'IN') = (why_not_valued IS NOT NULL)),
    CONSTRAINT goods_register_out_draws_on_an_entry CHECK ((direction = 'OUT') = (in_entry_id IS NOT NULL)),
    CONSTRAINT goods_register_out_follows_its_in CHECK (in_entry_id IS NULL OR in_entry_id < id)
);

CREATE INDEX goods_register_fund ON goods_register_entry (fund_id, direction, id);
CREATE INDEX goods_register_in_entry ON goods_register_entry (in_entry_id, id);
