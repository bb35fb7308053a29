package org.mingzhang.store;

import java.util.Map;
import java.util.Set;
import org.mingzhang.journal.JournalStore;
import org.mingzhang.journal.KeptRequest;
import org.mingzhang.journal.LedgerSnapshot;
import org.mingzhang.journal.Prefetch;
import org.mingzhang.journal.RequestKey;
import org.mingzhang.journal.WriteBatch;

/** The real store with every call handed to it: tests extend it and change the calls they fault, hold or count. */
class ForwardingJournalStore implements JournalStore {
    final JooqJournalStore real;

    ForwardingJournalStore(JooqJournalStore real) {
        this.real = real;
    }

    @Override
    public void claimWriter() {
        real.claimWriter();
    }

    @Override
    public LedgerSnapshot load() {
        return real.load();
    }

    @Override
    public Prefetch prefetch(Set<String> keys, Set<Long> ids) {
        return real.prefetch(keys, ids);
    }

    @Override
    public Map<RequestKey.Scope, KeptRequest> keptRequests(Set<RequestKey.Scope> scopes) {
        return real.keptRequests(scopes);
    }

    @Override
    public void commit(WriteBatch batch) {
        real.commit(batch);
    }

    @Override
    public void endBatchReads() {
        real.endBatchReads();
    }

    @Override
    public void close() {
        real.close();
    }
}
