-- The chain's checkpoints are kept like the journal they vouch for: added, never changed.
CREATE TRIGGER chain_checkpoint_append_only BEFORE UPDATE OR DELETE ON chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER chain_checkpoint_no_truncate BEFORE TRUNCATE ON chain_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
