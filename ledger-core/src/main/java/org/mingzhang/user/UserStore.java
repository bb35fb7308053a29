package org.mingzhang.user;

import java.util.Optional;
import java.util.Set;

/** The port that keeps users and the hashes of their tokens. */
public interface UserStore {

    User create(String name, Set<Role> roles, String tokenSha256);

    Optional<User> findByTokenSha256(String tokenSha256);
}
