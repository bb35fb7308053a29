package org.mingzhang.user;

import java.util.Optional;
import java.util.Set;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.Rejection;
import org.mingzhang.journal.RequestKey;

/** The port that keeps users and the hashes of their tokens. */
public interface UserStore {

    User create(String name, Set<Role> roles, String tokenSha256);

    Optional<User> findByTokenSha256(String tokenSha256);

    /**
     * Creates the user once per caller's request key ({@link RequestKey}), the user and the key in one database
     * transaction: a repeat of the same request answers the user the first one made (replayed; the token is not kept,
     * so a repeat cannot show it again), and the key with another request is refused
     * ({@link Rejection#IDEMPOTENCY_KEY_MUST_MATCH_CONTENT}) without writing anything.
     */
    Outcome<User> create(RequestKey key, String name, Set<Role> roles, String tokenSha256);

    /** The record kind a user's request key names ({@link org.mingzhang.journal.KeptRequest#recordKind()}). */
    String RECORD_KIND = "USER";
}
