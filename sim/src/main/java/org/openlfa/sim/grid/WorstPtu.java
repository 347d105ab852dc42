package org.openlfa.sim.grid;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openlfa.grid.Line;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;
import org.openlfa.powerflow.PhaseValues;
import org.openlfa.powerflow.PowerFlowModel;
import org.openlfa.powerflow.PowerFlowResult;
import org.openlfa.sim.ScenarioResult;

/**
 * The study's worst PTU over all scenarios, with the voltages of a power flow of that PTU: per line the lowest phase
 * voltage at its far end, per customer bus the lowest phase voltage at the connection, in pu of the 230 V nominal
 * ({@link PowerFlowGridObserver#NOMINAL_VOLTAGE_IN_VOLTS}). What the feeder map draws.
 *
 * <pre>{@code
 * Optional<WorstPtu> worst = WorstPtu.of(observer, results);
 * double v = worst.get().busVoltagesPu().get("bus_12");
 * }</pre>
 *
 * @param summary           the grid summary of the scenario with the worst PTU (season, PTU, extremes)
 * @param network           the network the flow ran on
 * @param lineVoltagesPu    per line name, voltage in pu at its far end ({@code bus2})
 * @param busVoltagesPu     per customer bus, voltage in pu
 */
public record WorstPtu(GridSummary summary, LvNetwork network, Map<String, Double> lineVoltagesPu,
                       Map<String, Double> busVoltagesPu) {

    public WorstPtu {
        // wrapped, not copied: the map draws in the maps' own order
        lineVoltagesPu = Collections.unmodifiableMap(lineVoltagesPu);
        busVoltagesPu = Collections.unmodifiableMap(busVoltagesPu);
    }

    /** The worst PTU of the results that ran UC3 (by {@link GridSummary#severity()}), empty when none did. */
    public static Optional<WorstPtu> of(PowerFlowGridObserver observer, List<ScenarioResult> results) {
        return results.stream().flatMap(r -> r.grid().stream()).max(Comparator.comparingDouble(GridSummary::severity))
                .map(worst -> of(observer, worst));
    }

    /** Runs the power flow of the summary's worst PTU and reads its voltages. */
    public static WorstPtu of(PowerFlowGridObserver observer, GridSummary summary) {
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
        return new WorstPtu(summary, network, lines, buses);
    }

    /** The lowest phase voltage of a bus in pu of the 230 V nominal supply voltage. */
    private static double nominal(PowerFlowModel model, PowerFlowResult result, String bus) {
        int index = model.busIndex(bus);
        PhaseValues v = result.busVoltageInPerUnit(index);
        return Math.min(v.a(), Math.min(v.b(), v.c())) * model.baseVoltageInVolts(index)
                / PowerFlowGridObserver.NOMINAL_VOLTAGE_IN_VOLTS;
    }
}
