package org.openlfa.agents;

import java.util.Objects;

/**
 * The name of an agent, unique on its transport, for example {@code "cems-h1"} or {@code "agr-c1"}.
 *
 * @param value the name; not blank
 */
public record AgentId(String value) {

    public AgentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an agent id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
