package org.mingzhang.store;

import static org.mingzhang.store.JooqJournalStore.instant;
import static org.mingzhang.store.JooqJournalStore.odt;
import static org.mingzhang.store.jooq.Tables.REQUEST_KEY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.journal.KeptRequest;
import org.mingzhang.journal.RequestKey;
import org.mingzhang.store.jooq.tables.records.RequestKeyRecord;

/**
 * Callers' request keys in {@code request_key}: inserted in the batch that writes their record, never changed (the
 * database refuses UPDATE and DELETE), read back by (caller, key).
 */
final class JooqRequestKeys implements RecordWriter {

    /** The pairs of one lookup, at most: a batch holds at most the writer's batch size of keyed commands anyway. */
    private static final int PAIRS_PER_QUERY_MAX = 1_000;

    /** The keys kept among these pairs, read with {@code dsl} (the writer's connection, or a transaction's). */
    static Map<RequestKey.Scope, KeptRequest> read(DSLContext dsl, Set<RequestKey.Scope> scopes) {
        Map<RequestKey.Scope, KeptRequest> kept = new HashMap<>();
        List<RequestKey.Scope> all = List.copyOf(scopes);
        for (int from = 0; from < all.size(); from += PAIRS_PER_QUERY_MAX) {
            List<Row2<Long, String>> pairs = all.subList(from, Math.min(all.size(), from + PAIRS_PER_QUERY_MAX)).stream()
                    .map(s -> DSL.row(s.callerId(), s.idempotencyKey())).toList();
            dsl.selectFrom(REQUEST_KEY).where(DSL.row(REQUEST_KEY.CALLER_ID, REQUEST_KEY.IDEMPOTENCY_KEY).in(pairs))
                    .fetch(JooqRequestKeys::kept)
                    .forEach(k -> kept.put(k.key().scope(), k));
        }
        return kept;
    }

    static KeptRequest kept(RequestKeyRecord r) {
        return new KeptRequest(new RequestKey(r.getCallerId(), r.getIdempotencyKey(), r.getRequestHash()), r.getRecordKind(),
                r.getRecordId(), instant(r.getCreatedAt()));
    }

    static void insert(DSLContext dsl, List<KeptRequest> keys) {
        RowBatches.insert(dsl, REQUEST_KEY, List.of(REQUEST_KEY.CALLER_ID, REQUEST_KEY.IDEMPOTENCY_KEY, REQUEST_KEY.REQUEST_HASH,
                REQUEST_KEY.RECORD_KIND, REQUEST_KEY.RECORD_ID, REQUEST_KEY.CREATED_AT), keys.stream()
                .map(k -> new Object[] {k.key().callerId(), k.key().idempotencyKey(), k.key().requestHash(), k.recordKind(),
                        k.recordId(), odt(k.createdAt())}).toList());
    }

    @Override
    public void write(DSLContext dsl, BatchRecord record) {
        insert(dsl, List.of((KeptRequest) record));
    }

    @Override
    public void writeAll(DSLContext dsl, List<BatchRecord> records) {
        insert(dsl, records.stream().map(KeptRequest.class::cast).toList());
    }
}
