package org.openlfa.cba;

import java.util.List;

/**
 * The sensitivity of a business case's NPV on one scenario to its key inputs, widest bar first.
 *
 * @param businessCase business case id
 * @param scenario     scenario name
 * @param baseNpvInEur NPV with every input at its catalogue value
 * @param variation    the relative change applied (0.2 = +-20 %)
 * @param bars         one bar per input that moves the NPV, widest first
 */
public record Tornado(String businessCase, String scenario, double baseNpvInEur, double variation,
                      List<TornadoBar> bars) {
    public Tornado {
        bars = List.copyOf(bars);
    }
}
