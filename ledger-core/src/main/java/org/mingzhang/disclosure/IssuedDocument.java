package org.mingzhang.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import org.mingzhang.journal.LedgerLimits;

/**
 * A document as the federation issued it: the number printed on it, what it is about, the books it shows (the chain
 * head and when its data ended) and the SHA-256 of its bytes. A plan or closing report names its project and fund; a
 * disclosure names its fund and period.
 *
 * @param contentDigest SHA-256 (hex) of what the document shows without its chain head: two documents with the same
 *     digest say the same, though one was built after bookings elsewhere in the federation
 * @param dataAsOf the latest change the document reflects, from the data; null for empty books
 * @param firstIssuedAt when the document was first served (kept for the record, never printed on it)
 */
public record IssuedDocument(String number, DocumentKind kind, String title, String projectCode, String fundCode,
                             LocalDate from, LocalDate to, long chainHeadId, String chainHeadHash, Instant dataAsOf,
                             String contentDigest, String sha256, Instant firstIssuedAt) {

    public static final int TITLE_LENGTH_MAX = 300;

    public IssuedDocument {
        if (number == null || !DocumentNumbers.wellFormed(number)) {
            throw new IllegalArgumentException("a document number looks like MZP-XXXX-XXXX-XXXX-XXXX: " + number);
        }
        if (kind == null || title == null || title.isBlank() || title.length() > TITLE_LENGTH_MAX) {
            throw new IllegalArgumentException("a document has a kind and a title of 1 to " + TITLE_LENGTH_MAX + " characters");
        }
        LedgerLimits.requireCode(fundCode);
        boolean disclosure = kind == DocumentKind.DISCLOSURE;
        if (disclosure != (projectCode == null) || disclosure != (from != null && to != null) || (from == null) != (to == null)) {
            throw new IllegalArgumentException("a disclosure names a fund and a period, a plan or closing report a project: "
                    + kind + " " + projectCode + " " + from + ".." + to);
        }
        if (chainHeadId < 0 || !hex64(chainHeadHash) || !hex64(contentDigest) || !hex64(sha256) || firstIssuedAt == null) {
            throw new IllegalArgumentException("a document names its chain head and carries two SHA-256 digests");
        }
    }

    private static boolean hex64(String s) {
        return s != null && s.length() == 64 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
