package org.openlfa.grid.opendss;

/**
 * Turns the recorded definition of one element into a record of the grid model. One implementation per OpenDSS
 * class; {@link DssClasses} says which builds which.
 *
 * @param <T> the model record built, e.g. {@link org.openlfa.grid.Line}
 */
@FunctionalInterface
interface ElementBuilder<T> {

    /**
     * The model record, or {@code null} for an element that is disabled ({@code enabled=no}) and left out.
     *
     * @throws org.openlfa.core.InputException naming file, line and field for a value the model cannot take
     */
    T build(ElementDefinition def, BuildContext context);
}
