package org.mingzhang.api.auth;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mingzhang.api.Limits;
import org.mingzhang.user.Role;
import org.mingzhang.user.Actor;
import org.mingzhang.user.User;
import org.mingzhang.user.UserStore;

/** Finds who a bearer token belongs to: the admin, a stored user, or nobody. */
@Singleton
public final class Authenticator {

    /** The admin is not stored: it exists as long as the server has its token. Its id 0 is never a stored user's. */
    public static final User ADMIN = new User(0, "admin", Set.of(Role.ADMIN));

    /** Users whose tokens were recognised, remembered at most this many at once. */
    static final int KNOWN_TOKENS_MAX = 10_000;

    private final AdminToken adminToken;
    private final UserStore users;
    /**
     * Users already found, by the hash of their token: a stored user never changes and no request can revoke one, so a
     * request need not read the user again. A token not found is never remembered. Whatever adds revocation must empty
     * this.
     */
    private final Map<String, User> known = new ConcurrentHashMap<>();

    public Authenticator(AdminToken adminToken, UserStore users) {
        this.adminToken = adminToken;
        this.users = users;
    }

    public Optional<User> identify(String token) {
        if (token == null || token.isEmpty() || token.length() > Limits.TOKEN_CHARS_MAX) {
            return Optional.empty();
        }
        if (adminToken.matches(token)) {
            return Optional.of(ADMIN);
        }
        String sha256 = Tokens.sha256Hex(token);
        User user = known.get(sha256);
        if (user != null) {
            return Optional.of(user);
        }
        Optional<User> found = users.findByTokenSha256(sha256);
        found.ifPresent(u -> {
            if (known.size() >= KNOWN_TOKENS_MAX) {
                known.clear();
            }
            known.put(sha256, u);
        });
        return found;
    }

    /** The caller as the core's records keep them (projects, gifts, pools). */
    public static Actor actor(User user) {
        return new Actor(user.id(), user.name());
    }

    /** How the journal records who wrote a transaction: unique even when two people share a name. */
    public static String recordedBy(User user) {
        return user.id() == ADMIN.id() ? ADMIN.name() : "#" + user.id() + " " + user.name();
    }
}
