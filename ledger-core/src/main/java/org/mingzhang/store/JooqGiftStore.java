package org.mingzhang.store;

import static org.mingzhang.store.JooqJournalStore.instant;
import static org.mingzhang.store.JooqJournalStore.odt;
import static org.mingzhang.store.jooq.Tables.GIFT;
import static org.mingzhang.store.jooq.Tables.GIFT_REFUND;
import static org.mingzhang.store.jooq.Tables.JOURNAL_TRANSACTION;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.GiftRecorded;
import org.mingzhang.gift.GiftRefund;
import org.mingzhang.gift.GiftRefunded;
import org.mingzhang.gift.GiftStatus;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.gift.InKind;
import org.mingzhang.journal.BatchRecord;
import org.mingzhang.store.jooq.tables.records.GiftRecord;
import org.mingzhang.store.jooq.tables.records.GiftRefundRecord;

/**
 * Gifts through jOOQ: new gifts are inserted; each refund, and each payment of what a refund owed, is a row of its own
 * and updates the gift's refunded and owed amounts (its status once the whole gift is refunded).
 */
final class JooqGiftStore implements GiftStore, RecordWriter {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final DSLContext reads;

    JooqGiftStore(DSLContext reads) {
        this.reads = reads;
    }

    @Override
    public Optional<Gift> gift(long id) {
        return reads.selectFrom(GIFT).where(GIFT.ID.eq(id)).fetchOptional(JooqGiftStore::gift);
    }

    @Override
    public Optional<Gift> giftByIdempotencyKey(String key) {
        // Through the gift's transaction, which carries the same key: the journal's key is unique and indexed, the
        // gift's is not (V19__unindexed_chain_hash_and_gift_key.sql).
        return reads.select(GIFT.fields()).from(GIFT)
                .join(JOURNAL_TRANSACTION).on(JOURNAL_TRANSACTION.ID.eq(GIFT.TRANSACTION_ID))
                .where(JOURNAL_TRANSACTION.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> gift(r.into(GIFT)));
    }

    @Override
    public Optional<Gift> giftByTraceCode(String traceCode) {
        return reads.selectFrom(GIFT).where(GIFT.TRACE_CODE.eq(traceCode)).fetchOptional(JooqGiftStore::gift);
    }

    @Override
    public List<Gift> gifts(Long fundId, Long projectId, String donor, long afterId, int limit) {
        Condition where = GIFT.ID.gt(afterId);
        if (fundId != null) {
            where = where.and(GIFT.FUND_ID.eq(fundId));
        }
        if (projectId != null) {
            where = where.and(GIFT.PROJECT_ID.eq(projectId));
        }
        if (donor != null) {
            where = where.and(GIFT.DONOR_NAME.contains(donor));
        }
        return reads.selectFrom(GIFT).where(where).orderBy(GIFT.ID).limit(limit).fetch(JooqGiftStore::gift);
    }

    @Override
    public List<Gift> giftsReceived(long fundId, Instant from, Instant to, int limit) {
        return reads.selectFrom(GIFT).where(GIFT.FUND_ID.eq(fundId).and(GIFT.RECEIVED_AT.between(odt(from), odt(to))))
                .orderBy(GIFT.RECEIVED_AT, GIFT.ID).limit(limit).fetch(JooqGiftStore::gift);
    }

    @Override
    public long lastGiftId() {
        Long max = reads.select(DSL.max(GIFT.ID)).from(GIFT).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    @Override
    public Optional<GiftRefund> refundByIdempotencyKey(String key) {
        return reads.selectFrom(GIFT_REFUND).where(GIFT_REFUND.IDEMPOTENCY_KEY.eq(key)).fetchOptional(JooqGiftStore::refund);
    }

    @Override
    public List<GiftRefund> refunds(long giftId) {
        return reads.selectFrom(GIFT_REFUND).where(GIFT_REFUND.GIFT_ID.eq(giftId)).orderBy(GIFT_REFUND.TRANSACTION_ID)
                .fetch(JooqGiftStore::refund);
    }

    @Override
    public Map<String, Integer> lastReceiptSeqs() {
        Map<String, Integer> seqs = new HashMap<>();
        reads.select(GIFT.FUND_ID, GIFT.RECEIPT_YEAR, DSL.max(GIFT.RECEIPT_SEQ)).from(GIFT).groupBy(GIFT.FUND_ID, GIFT.RECEIPT_YEAR)
                .forEach(r -> seqs.put(r.value1() + ":" + r.value2(), r.value3()));
        return seqs;
    }

    /** New gifts go in one JDBC batch of one prepared insert (a bulk import books up to a thousand per batch). */
    @Override
    public void writeAll(DSLContext dsl, List<BatchRecord> records) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (BatchRecord record : records) {
            if (record instanceof GiftRecorded recorded) {
                rows.add(row(recorded.gift()).intoArray());
            } else {
                RowBatches.insert(dsl, GIFT, List.of(GIFT.fields()), rows);
                rows.clear();
                write(dsl, record);
            }
        }
        RowBatches.insert(dsl, GIFT, List.of(GIFT.fields()), rows);
    }

    @Override
    public void write(DSLContext dsl, BatchRecord record) {
        if (record instanceof GiftRefunded refunded) {
            Gift g = refunded.gift();
            GiftRefund r = refunded.refund();
            // The gift as it was before this step, so that a step applied twice, or to a gift changed meanwhile, fails.
            long refundedBefore = r.kind() == GiftRefund.Kind.REFUND ? g.refundedFen() - r.amountFen() : g.refundedFen();
            long owedBefore = r.kind() == GiftRefund.Kind.REFUND ? g.refundOwedFen() - r.owedFen() : g.refundOwedFen() + r.amountFen();
            int updated = dsl.update(GIFT).set(GIFT.STATUS, g.status().name()).set(GIFT.REFUND_TRANSACTION_ID, g.refundTransactionId())
                    .set(GIFT.REFUNDED_AT, odt(g.refundedAt())).set(GIFT.REFUND_REASON, g.refundReason())
                    .set(GIFT.REFUNDED_FEN, g.refundedFen()).set(GIFT.REFUND_OWED_FEN, g.refundOwedFen())
                    .where(GIFT.ID.eq(g.id())).and(GIFT.REFUNDED_FEN.eq(refundedBefore)).and(GIFT.REFUND_OWED_FEN.eq(owedBefore))
                    .execute();
            if (updated != 1) {
                throw new IllegalStateException("gift " + g.id() + " in storage is not as the refund found it");
            }
            GiftRefundRecord row = new GiftRefundRecord();
            row.setTransactionId(r.transactionId());
            row.setGiftId(r.giftId());
            row.setKind(r.kind().name());
            row.setIdempotencyKey(r.idempotencyKey());
            row.setRequestHash(r.requestHash());
            row.setAmountFen(r.amountFen());
            row.setReturnedFen(r.returnedFen());
            row.setOwedFen(r.owedFen());
            row.setReason(r.reason());
            row.setRecordedBy(r.recordedBy());
            row.setRecordedAt(odt(r.recordedAt()));
            dsl.insertInto(GIFT_REFUND).set(row).execute();
            return;
        }
        dsl.insertInto(GIFT).set(row(((GiftRecorded) record).gift())).execute();
    }

    private static GiftRecord row(Gift g) {
        String[] receipt = g.receiptNo().split("-");
        GiftRecord row = new GiftRecord();
        row.setId(g.id());
        row.setIdempotencyKey(g.idempotencyKey());
        row.setRequestHash(g.requestHash());
        row.setFundId(g.fundId());
        row.setProjectId(g.projectId());
        row.setAmountFen(g.amountFen());
        row.setChannel(g.channel().name());
        row.setDonorName(g.donor().name());
        row.setDonorKind(g.donor().kind().name());
        row.setDonorPhone(g.donor().phone());
        row.setDonorIdNumber(g.donor().idNumber());
        row.setDonorCreditCode(g.donor().creditCode());
        row.setDonorAnonymous(g.donor().anonymous());
        row.setDonorPublicConsent(g.donor().publicNameConsent());
        row.setDonorKey(g.donor().key());
        if (g.inKind() != null) {
            row.setInKindDescription(g.inKind().description());
            row.setInKindQuantity(g.inKind().quantity());
            row.setInKindValuationBasis(g.inKind().valuationBasis());
        }
        row.setReceivedAt(odt(g.receivedAt()));
        row.setNote(g.note());
        row.setReceiptYear(g.receivedAt().atZone(CHINA).getYear());
        row.setReceiptSeq(Integer.parseInt(receipt[receipt.length - 1]));
        row.setReceiptNo(g.receiptNo());
        row.setTraceCode(g.traceCode());
        row.setTransactionId(g.transactionId());
        row.setStatus(g.status().name());
        row.setRefundedFen(g.refundedFen());
        row.setRefundOwedFen(g.refundOwedFen());
        row.setRecordedBy(g.recordedBy());
        row.setRecordedAt(odt(g.recordedAt()));
        return row;
    }

    private static Gift gift(GiftRecord r) {
        Donor donor = new Donor(r.getDonorName(), DonorKind.valueOf(r.getDonorKind()), r.getDonorPhone(), r.getDonorIdNumber(),
                r.getDonorCreditCode(), r.getDonorAnonymous(), r.getDonorPublicConsent());
        InKind inKind = r.getInKindDescription() == null ? null
                : new InKind(r.getInKindDescription(), r.getInKindQuantity(), r.getInKindValuationBasis());
        return new Gift(r.getId(), r.getIdempotencyKey(), r.getRequestHash(), r.getFundId(), r.getProjectId(), r.getAmountFen(),
                Channel.valueOf(r.getChannel()), donor, inKind, instant(r.getReceivedAt()), r.getNote(), r.getReceiptNo(),
                r.getTraceCode(), r.getTransactionId(), GiftStatus.valueOf(r.getStatus()), r.getRefundTransactionId(),
                instant(r.getRefundedAt()), r.getRefundReason(), r.getRecordedBy(), instant(r.getRecordedAt()), r.getRefundedFen(),
                r.getRefundOwedFen());
    }

    private static GiftRefund refund(GiftRefundRecord r) {
        return new GiftRefund(r.getTransactionId(), r.getGiftId(), GiftRefund.Kind.valueOf(r.getKind()), r.getIdempotencyKey(),
                r.getRequestHash(), r.getAmountFen(), r.getReturnedFen(), r.getOwedFen(), r.getReason(), r.getRecordedBy(),
                instant(r.getRecordedAt()));
    }
}
