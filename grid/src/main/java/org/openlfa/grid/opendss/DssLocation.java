package org.openlfa.grid.opendss;

import org.openlfa.grid.DssSource;

/** A place in an input file: which file, which line. Every error and debug message names one. */
record DssLocation(DssSource source, int line) {

    String name() {
        return source.displayName();
    }

    @Override
    public String toString() {
        return source.displayName() + ":" + line;
    }
}
