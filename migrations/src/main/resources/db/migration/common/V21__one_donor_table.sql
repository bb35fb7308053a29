-- A project's donor had two rows of the same key: one for the giving projection (project_donor: standing gifts and
-- amount) and one for the match base (project_match_donor: the donor's counted sum under the per-donor cap). Every
-- restricted gift changed both, at a random place of two B-trees with the same key: on H2, which writes each page a
-- commit changed, the two were 21.5% of a gift's bytes on disk (docs/benchmarks.md, "Seventh pass"). One row now holds
-- the three figures; each projection writes its own columns, and a row that one of them has not written yet holds 0
-- there, which both read as "no row" did.
ALTER TABLE project_donor ADD COLUMN counted_fen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE project_donor ALTER COLUMN gifts SET DEFAULT 0;
ALTER TABLE project_donor ALTER COLUMN standing_fen SET DEFAULT 0;

UPDATE project_donor SET counted_fen = (
    SELECT m.counted_fen FROM project_match_donor m
    WHERE m.project_id = project_donor.project_id AND m.donor_key = project_donor.donor_key)
WHERE EXISTS (
    SELECT 1 FROM project_match_donor m
    WHERE m.project_id = project_donor.project_id AND m.donor_key = project_donor.donor_key);

INSERT INTO project_donor (project_id, donor_key, gifts, standing_fen, counted_fen)
SELECT m.project_id, m.donor_key, 0, 0, m.counted_fen FROM project_match_donor m
WHERE NOT EXISTS (
    SELECT 1 FROM project_donor d WHERE d.project_id = m.project_id AND d.donor_key = m.donor_key);

DROP TABLE project_match_donor;
