package org.mingzhang.api.ledger;

/** How a client names an account that the journal knows by id. */
public record AccountRef(long accountId, String fundCode, String accountCode, String accountName) {
}
