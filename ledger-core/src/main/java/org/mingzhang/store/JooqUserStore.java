package org.mingzhang.store;

import static org.mingzhang.store.jooq.Tables.APP_USER;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.mingzhang.journal.KeptRequest;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RequestKey;
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
        AppUserRecord row = dsl.insertInto(APP_USER, APP_USER.NAME, APP_USER.ROLES, APP_USER.TOKEN_SHA256, APP_USER.CREATED_AT)
                .values(name, roleList(roles), tokenSha256, Instant.now().atOffset(ZoneOffset.UTC))
                .returning().fetchOne();
        return user(row);
    }

    @Override
    public Outcome<User> create(RequestKey key, String name, Set<Role> roles, String tokenSha256) {
        try {
            return dsl.transactionResult(tx -> createOnce(tx.dsl(), key, name, roles, tokenSha256));
        } catch (DataAccessException concurrent) {
            // Users are made outside the single writer, so two requests with one key may race: the second one's insert
            // of the key fails on its primary key and rolls its user back. Read again, and answer as a repeat does.
            return dsl.transactionResult(tx -> createOnce(tx.dsl(), key, name, roles, tokenSha256));
        }
    }

    private Outcome<User> createOnce(DSLContext tx, RequestKey key, String name, Set<Role> roles, String tokenSha256) {
        KeptRequest earlier = JooqRequestKeys.read(tx, Set.of(key.scope())).get(key.scope());
        if (earlier != null) {
            if (!earlier.repeatedBy(key, RECORD_KIND)) {
                return earlier.refusal();
            }
            User user = tx.selectFrom(APP_USER).where(APP_USER.ID.eq(Long.parseLong(earlier.recordId())))
                    .fetchOptional(JooqUserStore::user).orElseThrow(() -> new IllegalStateException("request key "
                            + key.scope() + " names user " + earlier.recordId() + ", which storage does not hold"));
            return new Outcome.Accepted<>(user, true);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AppUserRecord row = tx.insertInto(APP_USER, APP_USER.NAME, APP_USER.ROLES, APP_USER.TOKEN_SHA256, APP_USER.CREATED_AT)
                .values(name, roleList(roles), tokenSha256, now.atOffset(ZoneOffset.UTC))
                .returning().fetchOne();
        User user = user(row);
        JooqRequestKeys.insert(tx, List.of(new KeptRequest(key, RECORD_KIND, String.valueOf(user.id()), now)));
        return new Outcome.Accepted<>(user, false);
    }

    private static String roleList(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
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
