package org.mingzhang.matching;

import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.user.Actor;

/**
 * Close a pool: a pro-rata pool settles all its projects first; then what is left goes back to the sponsor.
 */
public record ClosePool(String idempotencyKey, Actor by, String code) implements LedgerCommand<MatchingPool> {

    @Override
    public String requestHash() {
        return new Canonical().add("ClosePool").add(code).sha256();
    }
}
