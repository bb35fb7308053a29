-- Documents the federation has issued (项目计划书, 结项报告, 公示): each PDF as it was served, under the number printed
-- on it. The number is derived from what the document shows, so the same data gives the same number and the same
-- bytes; a resident who scans the QR code on a printed copy is answered from this table (GET
-- /api/v1/public/documents/{number}) and can compare the SHA-256 with the copy in hand. A document is kept as it was
-- issued: added once, never changed, never deleted.

CREATE TABLE issued_document (
    number             VARCHAR(32)  NOT NULL PRIMARY KEY,
    kind               VARCHAR(16)  NOT NULL CHECK (kind IN ('PLAN', 'CLOSING_REPORT', 'DISCLOSURE')),
    title              VARCHAR(300) NOT NULL,
    -- The project (plans and closing reports) or the fund (disclosures) the document is about.
    project_code       VARCHAR(32),
    fund_code          VARCHAR(32)  NOT NULL,
    period_from        DATE,
    period_to          DATE,
    -- The books the document shows: the journal up to this transaction (0 for an empty journal) and its chain hash.
    chain_head_id      BIGINT       NOT NULL CHECK (chain_head_id >= 0),
    chain_head_hash    VARCHAR(64)  NOT NULL,
    -- When the data the document shows ended: the latest change it reflects, taken from the data, never a clock.
    data_as_of         TIMESTAMP WITH TIME ZONE,
    -- SHA-256 (hex) of the document's content without its chain head, to tell whether it is still what the books say.
    content_digest     VARCHAR(64)  NOT NULL,
    sha256             VARCHAR(64)  NOT NULL,
    pdf                BYTEA        NOT NULL,
    first_issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT issued_document_subject CHECK ((kind = 'DISCLOSURE') = (project_code IS NULL)),
    CONSTRAINT issued_document_period CHECK ((kind = 'DISCLOSURE') = (period_from IS NOT NULL AND period_to IS NOT NULL)),
    CONSTRAINT issued_document_hashes CHECK (CHAR_LENGTH(sha256) = 64 AND CHAR_LENGTH(content_digest) = 64
                                             AND CHAR_LENGTH(chain_head_hash) = 64)
);

CREATE INDEX issued_document_project ON issued_document (project_code, kind);
CREATE INDEX issued_document_fund ON issued_document (fund_code, kind);

-- Disclosures list a fund's gifts of a period: by fund and the time received, without a pass over the fund's gifts.
CREATE INDEX gift_fund_received ON gift (fund_id, received_at, id);
