-- The memorandum register of unvalued goods (备查簿) is kept like the journal: added, never changed.
CREATE TRIGGER goods_register_entry_append_only BEFORE UPDATE, DELETE ON goods_register_entry
    FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger';
