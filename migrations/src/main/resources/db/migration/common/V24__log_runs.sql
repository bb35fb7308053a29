-- The transparency log's rows, one per run of leaves instead of one per leaf and one per subtree (docs/design/
-- transparency-log.md, "How the log is stored"). A restricted gift added two rows and four index entries to the log
-- (`log_leaf`'s key and its unique transaction id, `log_node`'s key); on H2, whose commit writes every page a batch
-- changed and marks every entry committed, that was about a sixth of a gift's cost (docs/benchmarks.md, fifteenth
-- pass). A batch's leaves are consecutive, and the subtrees a leaf completes follow from its index alone, so one row
-- holds what the two tables held for the run, and a batch adds one row (or a few) to the log.
--
-- The log is a function of the journal: its leaves are the transactions' chain hashes in id order. The rows of V17 are
-- therefore not copied but built again at the first start after this migration (`projection_built` names the log's
-- format, which is now version 2), and that build checks every checkpoint published before against the log it
-- builds, so a donor's or an auditor's earlier checkpoint proves consistent with the log after it.
DROP TABLE log_node;
DROP TABLE log_leaf;
DELETE FROM projection_built WHERE name = 'transparency-log';

-- Leaves [last_leaf - leaves + 1, last_leaf] of the log, whose transactions are the ids
-- [last_transaction_id - leaves + 1, last_transaction_id] one after the other:
-- leaf_hashes: each leaf's SHA-256(0x00 ‖ chain hash), 32 bytes a leaf, in leaf order;
-- node_hashes: each perfect subtree of level >= 1 that a leaf of the run completes, 32 bytes each, in leaf order and,
--   for one leaf, level by level upwards. Leaf j completes the levels 1 .. (trailing one bits of j); the first n leaves
--   complete n - popcount(n) subtrees, which gives each subtree's place in its run.
-- Keyed by its last leaf and its last transaction, so a leaf's or a transaction's run is the first whose last is at or
-- after it: one step down an index.
CREATE TABLE log_run (
    last_leaf           BIGINT  NOT NULL PRIMARY KEY,
    last_transaction_id BIGINT  NOT NULL UNIQUE REFERENCES journal_transaction (id),
    leaves              INTEGER NOT NULL CHECK (leaves BETWEEN 1 AND 256),
    leaf_hashes         BYTEA   NOT NULL,
    node_hashes         BYTEA   NOT NULL,
    CHECK (last_leaf >= leaves - 1),
    CHECK (last_transaction_id >= leaves),
    CHECK (OCTET_LENGTH(leaf_hashes) = 32 * leaves),
    CHECK (MOD(OCTET_LENGTH(node_hashes), 32) = 0)
);
