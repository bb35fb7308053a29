-- The chain's checkpoints are kept like the journal they vouch for: added, never changed.
CREATE TRIGGER chain_checkpoint_append_only BEFORE UPDATE, DELETE ON chain_checkpoint
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
