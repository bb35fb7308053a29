package org.mingzhang.api.auth;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
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

    private final AdminToken adminToken;
    private final UserStore users;

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
        return users.findByTokenSha256(Tokens.sha256Hex(token));
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
