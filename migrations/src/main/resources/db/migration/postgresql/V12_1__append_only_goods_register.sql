-- The memorandum register of unvalued goods (备查簿) is kept like the journal: added, never changed.
CREATE TRIGGER goods_register_entry_append_only BEFORE UPDATE OR DELETE ON goods_register_entry
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER goods_register_entry_no_truncate BEFORE TRUNCATE ON goods_register_entry
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
