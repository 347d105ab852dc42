package org.openlfa.grid.opendss;

/**
 * One property assignment as the interpreter recorded it, interpreted later by an {@link ElementBuilder}.
 *
 * @param name  the canonical lower-case property name
 * @param field the spelling used in the file (positional values get the canonical name), for error messages
 * @param value the value as written, delimiters removed
 * @param loc   where it was assigned
 */
record DssProperty(String name, String field, String value, DssLocation loc) {
}
