package org.openlfa.platform.api;

import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.openlfa.platform.security.Authority;

/** The roles a bearer token can have, as the API's route table names them (see {@link Route#roles}). */
public enum Role implements RouteRole {
    /** The platform's root credential ({@code DIR/operator.token}): everything. */
    OPERATOR(Authority.OPERATOR),
    /** A home's energy box: its own data only. */
    CEMS("cems"),
    /** The grid operator: grid state and market aggregates. */
    DSO("dso"),
    /** An aggregator agent: no read endpoints. */
    AGGREGATOR("aggregator");

    /** No token needed (the route is public). */
    public static final Set<Role> PUBLIC = Set.of();
    /** Any valid token. */
    public static final Set<Role> ANY = Set.copyOf(EnumSet.allOf(Role.class));

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The role as the register stores it ({@code operator}, {@code cems}, {@code dso}, {@code aggregator}). */
    public String wireName() {
        return wireName;
    }

    /** The role of a register entry, if it is one the API knows. */
    public static Optional<Role> of(String wireName) {
        for (Role r : values()) {
            if (r.wireName.equals(wireName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
