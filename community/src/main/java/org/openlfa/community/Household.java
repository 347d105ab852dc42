package org.openlfa.community;

/**
 * A customer connection point of the grid, in its local energy community.
 *
 * @param id        the household's id (the grid's load name, e.g. {@code F1_LOAD1})
 * @param community the local energy community it belongs to
 * @param feeder    the LV feeder it is supplied from (1-based)
 * @param bus       the bus it is connected at
 * @param phase     the phase it is connected to (1 = a, 2 = b, 3 = c)
 */
public record Household(String id, String community, int feeder, String bus, int phase) {
}
