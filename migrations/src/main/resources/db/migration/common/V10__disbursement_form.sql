-- A disbursement pays cash (from the bank, or cash on hand) or issues goods from the fund's inventory to the
-- project's purpose (物资发放, Dr 5101 / Cr 1201). Disbursements made before this column existed paid cash.
ALTER TABLE disbursement ADD COLUMN form VARCHAR(8) DEFAULT 'CASH' NOT NULL;
ALTER TABLE disbursement ADD CONSTRAINT disbursement_form_known CHECK (form IN ('CASH', 'GOODS'));
