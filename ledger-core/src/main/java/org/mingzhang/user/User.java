package org.mingzhang.user;

import java.util.Set;

/** A person who uses the API with a bearer token. The token itself is never stored, only its SHA-256. */
public record User(long id, String name, Set<Role> roles) {

    public User {
        roles = Set.copyOf(roles);
    }

    /** Whether the user holds any of the roles (ADMIN holds them all). */
    public boolean mayActAs(Set<Role> allowed) {
        return roles.contains(Role.ADMIN) || roles.stream().anyMatch(allowed::contains);
    }
}
