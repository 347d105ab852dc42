package org.openlfa.grid.opendss;

import java.util.ArrayList;
import java.util.List;
import org.openlfa.core.InputException;

/**
 * An element being defined by {@code New}, {@code Edit}, {@code ~} and {@code BatchEdit}: its assignments in order,
 * interpreted by the builder of its class when the network is assembled.
 */
final class ElementDefinition {

    final DssClass<?> spec;
    final String name;
    final DssLocation defined;
    final List<DssProperty> props = new ArrayList<>();
    int nextPositional;
    /** The spelling of the last named property, once there is one; positional values may only come before. */
    String lastNamedField;

    ElementDefinition(DssClass<?> spec, String name, DssLocation defined) {
        this.spec = spec;
        this.name = name;
        this.defined = defined;
    }

    /** The last assignment of a property (the one in force), or {@code null}. */
    DssProperty prop(String propertyName) {
        for (int i = props.size() - 1; i >= 0; i--) {
            if (props.get(i).name().equals(propertyName)) {
                return props.get(i);
            }
        }
        return null;
    }

    /** Fails at the element's {@code New} line if a required property was never given. */
    void requirePresent(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InputException.at(defined.name(), defined.line(), field,
                    "a " + field + " on " + spec.name() + "." + name);
        }
    }
}
