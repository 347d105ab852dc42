package org.openlfa.report.map;

import java.util.Locale;
import java.util.Map;
import org.openlfa.sim.grid.GridSummary;
import org.openlfa.sim.grid.WorstPtu;

/**
 * The feeder map at a scenario's worst PTU: cables coloured by the lowest phase voltage at their far end, customers
 * by the lowest phase voltage at their connection, from the study's power flow of that PTU ({@link WorstPtu}), in pu
 * of the 230 V nominal. The report only draws: the power flow ran in the study.
 *
 * @param map        the laid-out feeder
 * @param lineValues per line, voltage in pu
 * @param busValues  per customer bus, voltage in pu
 * @param scale      0.88 to 1.12 pu, so the EN 50160 limits sit inside the scale
 * @param title      scenario, season and PTU
 */
public record WorstPtuMap(FeederMap map, Map<String, Double> lineValues, Map<String, Double> busValues,
                          ColourScale scale, String title) {

    /** The map of the study's worst PTU, coloured by the voltages the study computed. */
    public static WorstPtuMap of(WorstPtu worst) {
        GridSummary summary = worst.summary();
        String title = String.format(Locale.ROOT, "%s, %s day, PTU %d: voltage at the worst PTU "
                        + "(transformer peak %.0f %%, lowest %.3f pu, highest %.3f pu)", summary.scenario(),
                summary.worstSeason(), summary.worstPtu(), summary.maxTransformerLoadingPct(), summary.minVoltagePu(),
                summary.maxVoltagePu());
        return new WorstPtuMap(FeederMap.of(worst.network()), worst.lineVoltagesPu(), worst.busVoltagesPu(),
                new ColourScale(0.88, 1.12, "voltage (pu)"), title);
    }

    /** The map as SVG text (what {@code feeder_map.svg} holds). */
    public String svg() {
        return map.svg(lineValues, busValues, scale, title);
    }
}
