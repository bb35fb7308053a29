-- The transparency log (docs/design/transparency-log.md): the journal as an RFC 6962 Merkle tree, one leaf per
-- transaction in id order, a leaf's data being the transaction's 32-byte chain hash. The writer appends the leaves and
-- the perfect subtrees they complete in the batch's own transaction, so a proof of any leaf in any tree size needs
-- O(log n) indexed reads and never a pass over the journal. Checkpoints are the tree's signed heads, as published.
-- All three are added once and never changed.

-- Leaf i of the log: its transaction and the leaf hash SHA-256(0x00 ‖ chain hash).
CREATE TABLE log_leaf (
    leaf_index     BIGINT NOT NULL PRIMARY KEY CHECK (leaf_index >= 0),
    transaction_id BIGINT NOT NULL UNIQUE REFERENCES journal_transaction (id),
    leaf_hash      BYTEA  NOT NULL CHECK (OCTET_LENGTH(leaf_hash) = 32)
);

-- The hash of the perfect subtree over leaves [node_index·2^tree_level, (node_index+1)·2^tree_level), for tree_level >= 1.
CREATE TABLE log_node (
    tree_level SMALLINT NOT NULL CHECK (tree_level BETWEEN 1 AND 62),
    node_index BIGINT   NOT NULL CHECK (node_index >= 0),
    hash       BYTEA    NOT NULL CHECK (OCTET_LENGTH(hash) = 32),
    PRIMARY KEY (tree_level, node_index)
);

-- A signed tree head: the C2SP tlog-checkpoint (origin, size, root) in a C2SP signed note, as it was published.
CREATE TABLE log_checkpoint (
    tree_size    BIGINT                   NOT NULL PRIMARY KEY CHECK (tree_size >= 0),
    root_hash    BYTEA                    NOT NULL CHECK (OCTET_LENGTH(root_hash) = 32),
    note         VARCHAR(4000)            NOT NULL,
    -- Why it was published: ON_DEMAND (an accountant asked), PERIOD_CLOSE, DAILY.
    reason       VARCHAR(16)              NOT NULL CHECK (reason IN ('ON_DEMAND', 'PERIOD_CLOSE', 'DAILY')),
    published_at TIMESTAMP WITH TIME ZONE NOT NULL
);
