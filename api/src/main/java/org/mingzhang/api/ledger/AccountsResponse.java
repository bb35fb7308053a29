package org.mingzhang.api.ledger;

import java.util.List;

/** A fund's chart of accounts. It is short and bounded by the chart template, so it is never paged. */
public record AccountsResponse(List<AccountResponse> items) {
}
