package org.mingzhang.reports;

import java.time.Instant;
import org.mingzhang.disclosure.DocumentKind;
import org.mingzhang.journal.ChainHead;

/**
 * Where a document's figures come from and how anyone checks it: its kind and number, the journal's chain head the
 * figures were read at, when its data ended, and the public address its QR code points to.
 *
 * @param contentDigest SHA-256 (hex) of the document's model without the chain head
 * @param dataAsOf the latest change the document reflects, taken from the data (never the clock); null for empty books
 * @param publicUrl {@code <public base URL>/?doc=<number>}
 */
public record Provenance(DocumentKind kind, String number, String contentDigest, ChainHead head, Instant dataAsOf,
                         String publicUrl) {
}
