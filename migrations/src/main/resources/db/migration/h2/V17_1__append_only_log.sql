-- The log's leaves, nodes and checkpoints are added once: never changed, never deleted.
CREATE TRIGGER log_leaf_append_only BEFORE UPDATE, DELETE ON log_leaf
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
CREATE TRIGGER log_node_append_only BEFORE UPDATE, DELETE ON log_node
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
CREATE TRIGGER log_checkpoint_append_only BEFORE UPDATE, DELETE ON log_checkpoint
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
