package org.mingzhang.store;

import static org.mingzhang.store.JooqJournalStore.instant;
import static org.mingzhang.store.JooqJournalStore.odt;
import static org.mingzhang.store.jooq.Tables.ISSUED_DOCUMENT;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.mingzhang.disclosure.DocumentKind;
import org.mingzhang.disclosure.DocumentRegistry;
import org.mingzhang.disclosure.IssuedDocument;
import org.mingzhang.store.jooq.tables.records.IssuedDocumentRecord;

/**
 * Issued documents in the {@code issued_document} table. The table is append-only (a trigger refuses updates and
 * deletes), so a number, once answered, always answers the same PDF.
 */
final class JooqDocumentRegistry implements DocumentRegistry {

    private final DSLContext dsl;

    JooqDocumentRegistry(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public IssuedDocument register(IssuedDocument d, byte[] pdf) {
        // Two requests for the same document may race: the first insert wins and the second keeps it.
        dsl.insertInto(ISSUED_DOCUMENT)
                .set(ISSUED_DOCUMENT.NUMBER, d.number())
                .set(ISSUED_DOCUMENT.KIND, d.kind().name())
                .set(ISSUED_DOCUMENT.TITLE, d.title())
                .set(ISSUED_DOCUMENT.PROJECT_CODE, d.projectCode())
                .set(ISSUED_DOCUMENT.FUND_CODE, d.fundCode())
                .set(ISSUED_DOCUMENT.PERIOD_FROM, d.from())
                .set(ISSUED_DOCUMENT.PERIOD_TO, d.to())
                .set(ISSUED_DOCUMENT.CHAIN_HEAD_ID, d.chainHeadId())
                .set(ISSUED_DOCUMENT.CHAIN_HEAD_HASH, d.chainHeadHash())
                .set(ISSUED_DOCUMENT.DATA_AS_OF, d.dataAsOf() == null ? null : odt(d.dataAsOf()))
                .set(ISSUED_DOCUMENT.CONTENT_DIGEST, d.contentDigest())
                .set(ISSUED_DOCUMENT.SHA256, d.sha256())
                .set(ISSUED_DOCUMENT.PDF, pdf)
                .set(ISSUED_DOCUMENT.FIRST_ISSUED_AT, odt(d.firstIssuedAt()))
                .onConflictDoNothing()
                .execute();
        return document(d.number()).orElseThrow(() -> new IllegalStateException("document " + d.number()
                + " was registered but cannot be read back"));
    }

    @Override
    public Optional<IssuedDocument> document(String number) {
        return dsl.select(ISSUED_DOCUMENT.asterisk().except(ISSUED_DOCUMENT.PDF)).from(ISSUED_DOCUMENT)
                .where(ISSUED_DOCUMENT.NUMBER.eq(number))
                .fetchOptional(r -> document(r.into(ISSUED_DOCUMENT)));
    }

    @Override
    public Optional<byte[]> pdf(String number) {
        return dsl.select(ISSUED_DOCUMENT.PDF).from(ISSUED_DOCUMENT).where(ISSUED_DOCUMENT.NUMBER.eq(number))
                .fetchOptional(ISSUED_DOCUMENT.PDF);
    }

    @Override
    public List<IssuedDocument> ofProject(String projectCode) {
        return dsl.select(ISSUED_DOCUMENT.asterisk().except(ISSUED_DOCUMENT.PDF)).from(ISSUED_DOCUMENT)
                .where(ISSUED_DOCUMENT.PROJECT_CODE.eq(projectCode))
                .orderBy(ISSUED_DOCUMENT.FIRST_ISSUED_AT, ISSUED_DOCUMENT.NUMBER)
                .fetch(r -> document(r.into(ISSUED_DOCUMENT)));
    }

    @Override
    public List<IssuedDocument> ofFund(String fundCode) {
        return dsl.select(ISSUED_DOCUMENT.asterisk().except(ISSUED_DOCUMENT.PDF)).from(ISSUED_DOCUMENT)
                .where(ISSUED_DOCUMENT.FUND_CODE.eq(fundCode))
                .orderBy(ISSUED_DOCUMENT.FIRST_ISSUED_AT, ISSUED_DOCUMENT.NUMBER)
                .fetch(r -> document(r.into(ISSUED_DOCUMENT)));
    }

    private static IssuedDocument document(IssuedDocumentRecord r) {
        return new IssuedDocument(r.getNumber(), DocumentKind.valueOf(r.getKind()), r.getTitle(), r.getProjectCode(),
                r.getFundCode(), r.getPeriodFrom(), r.getPeriodTo(), r.getChainHeadId(), r.getChainHeadHash(),
                r.getDataAsOf() == null ? null : instant(r.getDataAsOf()), r.getContentDigest(), r.getSha256(),
                instant(r.getFirstIssuedAt()));
    }
}
