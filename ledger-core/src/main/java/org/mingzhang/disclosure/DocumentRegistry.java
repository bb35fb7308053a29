package org.mingzhang.disclosure;

import java.util.List;
import java.util.Optional;

/**
 * The port to the documents the federation has issued. A document is registered the first time it is served and kept
 * as it was: registering the same number again keeps the first row (the same number means the same content and bytes).
 */
public interface DocumentRegistry {

    /** Registers the document with its PDF unless its number is already registered; answers the registered one. */
    IssuedDocument register(IssuedDocument document, byte[] pdf);

    Optional<IssuedDocument> document(String number);

    /** The PDF registered under this number. */
    Optional<byte[]> pdf(String number);

    /** The documents issued about this project (its plans and closing reports), oldest first. */
    List<IssuedDocument> ofProject(String projectCode);

    /** The documents issued about this fund: its disclosures and its projects' documents, oldest first. */
    List<IssuedDocument> ofFund(String fundCode);
}
