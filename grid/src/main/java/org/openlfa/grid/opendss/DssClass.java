package org.openlfa.grid.opendss;

import java.util.List;
import java.util.Set;
import org.openlfa.grid.Names;

/**
 * What the reader knows about one OpenDSS class; all property names lower case.
 *
 * @param name               the class name as OpenDSS spells it, e.g. {@code LineCode}
 * @param positional         the property order that positional (unnamed) values take
 * @param supported          properties the builder interprets
 * @param ignored            properties that do not affect the network model, accepted and dropped with a debug log
 * @param knownUnsupported   properties that change the model but that it cannot hold: refused with a message
 *                           saying so (as is any other property not in the lists above)
 * @param redefinable        whether a second {@code New} of the same name replaces the first (shared definitions
 *                           such as line codes; the ENWL files repeat identical ones) rather than being an error
 * @param builder            what turns a definition into a model record
 * @param <T>                the model record the class becomes
 */
record DssClass<T>(String name, List<String> positional, Set<String> supported, Set<String> ignored,
        Set<String> knownUnsupported, boolean redefinable, ElementBuilder<T> builder) {

    /** The lookup key of the class ({@link Names#key(String)} of its name). */
    String key() {
        return Names.key(name);
    }

    /** The model record of one element of this class, or {@code null} if it is disabled. */
    T build(ElementDefinition def, BuildContext context) {
        return builder.build(def, context);
    }
}
