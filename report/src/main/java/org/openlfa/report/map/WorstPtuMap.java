package org.openlfa.report.map;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openlfa.grid.Line;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;
import org.openlfa.powerflow.PhaseValues;
import org.openlfa.powerflow.PowerFlowModel;
import org.openlfa.powerflow.PowerFlowResult;
import org.openlfa.sim.grid.GridSummary;
import org.openlfa.sim.grid.PowerFlowGridObserver;

/**
 * The feeder map at a scenario's worst PTU: cables coloured by the lowest phase voltage at their far end, customers
 * by the lowest phase voltage at their connection, from a power flow of that PTU, in pu of the 230 V nominal.
 *
 * @param map        the laid-out feeder
 * @param lineValues per line, voltage in pu
 * @param busValues  per customer bus, voltage in pu
 * @param scale      0.88 to 1.12 pu, so the EN 50160 limits sit inside the scale
 * @param title      scenario, season and PTU
 */
public record WorstPtuMap(FeederMap map, Map<String, Double> lineValues, Map<String, Double> busValues,
                          ColourScale scale, String title) {

    /** Runs the power flow of the summary's worst PTU and colours the map by voltage. */
    public static WorstPtuMap of(PowerFlowGridObserver observer, GridSummary summary) {
        observer.observe(summary.worstNetInKw());
        PowerFlowResult result = observer.lastResult();
        PowerFlowModel model = observer.model();
        LvNetwork network = model.network();
        Map<String, Double> lines = new HashMap<>();
        for (Line line : network.lines()) {
            lines.put(line.name(), nominal(model, result, line.bus2()));
        }
        Map<String, Double> buses = new HashMap<>();
        for (Load load : network.loads()) {
            buses.put(load.bus(), nominal(model, result, load.bus()));
        }
        String title = String.format(Locale.ROOT, "%s, %s day, PTU %d: voltage at the worst PTU "
                        + "(transformer peak %.0f %%, lowest %.3f pu, highest %.3f pu)", summary.scenario(),
                summary.worstSeason(), summary.worstPtu(), summary.maxTransformerLoadingPct(), summary.minVoltagePu(),
                summary.maxVoltagePu());
        return new WorstPtuMap(FeederMap.of(network), lines, buses, new ColourScale(0.88, 1.12, "voltage (pu)"),
                title);
    }

    /** The lowest phase voltage of a bus in pu of the 230 V nominal supply voltage. */
    private static double nominal(PowerFlowModel model, PowerFlowResult result, String bus) {
        int index = model.busIndex(bus);
        PhaseValues v = result.busVoltageInPerUnit(index);
        return Math.min(v.a(), Math.min(v.b(), v.c())) * model.baseVoltageInVolts(index)
                / PowerFlowGridObserver.NOMINAL_VOLTAGE_IN_VOLTS;
    }
}
