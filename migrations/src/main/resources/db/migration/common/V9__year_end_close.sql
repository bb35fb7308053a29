-- 期末结转: a fund's year closed. The closing entries themselves are journal transactions (kind YEAR_CLOSE, dated at the
-- year's last microsecond); this row says the year is closed, even when it had no income or expense to close.
CREATE TABLE year_close (
    fund_id          BIGINT       NOT NULL REFERENCES fund (id),
    fiscal_year      INT          NOT NULL CHECK (fiscal_year BETWEEN 1 AND 9999),
    closed_through   TIMESTAMP WITH TIME ZONE NOT NULL,
    entries          INT          NOT NULL CHECK (entries >= 0),
    closed_by_id     BIGINT       NOT NULL,
    closed_by_name   VARCHAR(100) NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (fund_id, fiscal_year)
);
