-- Gifts (捐赠). Each gift is booked by one journal transaction; a refund reverses it and marks the gift,
-- which is never deleted. Receipt numbers run without gaps per fund and year; trace codes are random.

CREATE TABLE gift (
    id                       BIGINT       NOT NULL PRIMARY KEY,
    idempotency_key          VARCHAR(200) NOT NULL UNIQUE,
    request_hash             VARCHAR(64)  NOT NULL,
    fund_id                  BIGINT       NOT NULL REFERENCES fund (id),
    project_id               BIGINT       REFERENCES project (id),
    amount_fen               BIGINT       NOT NULL CHECK (amount_fen > 0),
    channel                  VARCHAR(16)  NOT NULL CHECK (channel IN ('BANK_TRANSFER', 'CASH', 'WECHAT_PAY', 'ALIPAY',
                                                                      'CHARITY_SALE', 'IN_KIND')),
    donor_name               VARCHAR(100) NOT NULL,
    donor_kind               VARCHAR(16)  NOT NULL CHECK (donor_kind IN ('PERSON', 'ENTERPRISE', 'ORGANIZATION')),
    donor_phone              VARCHAR(100),
    donor_id_number          VARCHAR(100),
    donor_credit_code        VARCHAR(100),
    donor_anonymous          BOOLEAN      NOT NULL,
    donor_public_consent     BOOLEAN      NOT NULL,
    donor_key                VARCHAR(110) NOT NULL,
    in_kind_description      VARCHAR(500),
    in_kind_quantity         VARCHAR(500),
    in_kind_valuation_basis  VARCHAR(500),
    received_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    note                     VARCHAR(500),
    receipt_year             INT          NOT NULL,
    receipt_seq              INT          NOT NULL CHECK (receipt_seq > 0),
    receipt_no               VARCHAR(64)  NOT NULL UNIQUE,
    trace_code               VARCHAR(16)  NOT NULL UNIQUE,
    transaction_id           BIGINT       NOT NULL UNIQUE REFERENCES journal_transaction (id),
    status                   VARCHAR(16)  NOT NULL CHECK (status IN ('RECEIVED', 'REFUNDED')),
    refund_transaction_id    BIGINT       UNIQUE REFERENCES journal_transaction (id),
    refunded_at              TIMESTAMP WITH TIME ZONE,
    refund_reason            VARCHAR(500),
    recorded_by              VARCHAR(100) NOT NULL,
    recorded_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gift_receipt_unique_in_fund_year UNIQUE (fund_id, receipt_year, receipt_seq),
    CONSTRAINT gift_in_kind_is_described CHECK ((channel = 'IN_KIND') = (in_kind_description IS NOT NULL)),
    CONSTRAINT gift_refund_is_whole CHECK ((status = 'REFUNDED') = (refund_transaction_id IS NOT NULL))
);

CREATE INDEX gift_fund ON gift (fund_id, id);
CREATE INDEX gift_project ON gift (project_id, id);
