package org.mingzhang.store;

import static org.mingzhang.store.jooq.Tables.APP_USER;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.mingzhang.store.jooq.tables.records.AppUserRecord;
import org.mingzhang.user.Role;
import org.mingzhang.user.User;
import org.mingzhang.user.UserStore;

/** Users in the {@code app_user} table; only the SHA-256 of each token is kept. */
public final class JooqUserStore implements UserStore {

    private final DSLContext dsl;

    JooqUserStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public User create(String name, Set<Role> roles, String tokenSha256) {
        String roleList = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        AppUserRecord row = dsl.insertInto(APP_USER, APP_USER.NAME, APP_USER.ROLES, APP_USER.TOKEN_SHA256, APP_USER.CREATED_AT)
                .values(name, roleList, tokenSha256, Instant.now().atOffset(ZoneOffset.UTC))
                .returning().fetchOne();
        return user(row);
    }

    @Override
    public Optional<User> findByTokenSha256(String tokenSha256) {
        return dsl.selectFrom(APP_USER).where(APP_USER.TOKEN_SHA256.eq(tokenSha256)).fetchOptional(JooqUserStore::user);
    }

    private static User user(AppUserRecord r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(r.getRoles().split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return new User(r.getId(), r.getName(), roles);
    }
}
