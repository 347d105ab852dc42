package org.openlfa.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.openlfa.core.InputException;
import org.openlfa.grid.Line;
import org.openlfa.grid.LineCode;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.Transformer;
import org.openlfa.grid.VoltageSource;

/** The sweep on a small feeder built in code: physics checks and the answer to bad input. */
class PowerFlowModelTest {

    private static final LineCode CABLE = new LineCode("cable", 3, 0.3, 0.08, 1.0, 0.1, 0, 0, List.of(), List.of(),
            List.of(), OptionalDouble.of(250), OptionalDouble.empty());

    /** source - 11/0.416 kV Dyn 400 kVA - LV - 200 m - A - 300 m - B, loads on A (phase 1) and B (phases 2, 3). */
    static LvNetwork feeder(List<Line> extraLines, List<Load> extraLoads, String code) {
        VoltageSource src = new VoltageSource("test", "SourceBus", 11, 1.0, 0, OptionalDouble.of(3000),
                OptionalDouble.of(5), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        Transformer tr = new Transformer("TR1", 3, List.of(
                new Transformer.Winding("SourceBus", Transformer.Connection.DELTA, 11, 400, 0.5),
                new Transformer.Winding("LV", Transformer.Connection.WYE, 0.416, 400, 0.5)), 4, true);
        List<Line> lines = new ArrayList<>(List.of(new Line("L1", "LV", "A", 3, code, 200, 0),
                new Line("L2", "A", "B", 3, "cable", 300, 0)));
        lines.addAll(extraLines);
        List<Load> loads = new ArrayList<>(List.of(load("H1", "A", 1), load("H2", "B", 2), load("H3", "B", 3)));
        loads.addAll(extraLoads);
        return new LvNetwork("test", 50, src, Map.of("cable", CABLE), lines, loads, List.of(tr), Map.of(), Map.of());
    }

    static Load load(String name, String bus, int phase) {
        return new Load(name, bus, phase, 1, 0.24, 1, 0.95, 0.33, 1, null, null, 0);
    }

    @Test
    void conservesPowerAndLiftsVoltageWithPv() {
        PowerFlowModel model = PowerFlowModel.of(feeder(List.of(), List.of(), "cable"));
        LoadPowers powers = LoadPowers.zero(model).set("H1", 8, 2.6).set("H2", 5, 1.6).set("H3", 0, 0);
        PowerFlowResult r = model.solve(powers);
        assertThat(r.converged()).isTrue();
        // Losses are positive and small; the transformer carries the loads plus the line losses.
        double losses = r.transformer().activePowerInKw().sum() - 13;
        assertThat(losses).isBetween(0.0, 0.5);
        // The loaded phase a sags; the mutual impedance lifts an unloaded phase (neutral shift in the phase frame).
        assertThat(r.voltageInPerUnit("B", 0)).isLessThan(r.voltageInPerUnit("LV", 0));
        assertThat(r.voltageInPerUnit("B", 2)).isGreaterThan(r.voltageInPerUnit("LV", 2));
        // The Dyn transformer puts LV phase a 30 degrees behind the MV source.
        assertThat(r.voltageAngleInDegrees("LV", 0)).isCloseTo(-30, within(1.0));
        assertThat(r.voltageAngleInDegrees("SourceBus", 0)).isCloseTo(0, within(0.1)); // drop in the MV source impedance
        // Line current on phase a of L1 = load current of H1 (phase a) at its voltage.
        double i = r.lineCurrentInAmps(model.lineIndex("L1"), 0);
        double expected = Math.hypot(8000, 2600) / r.voltageInVolts(model.busIndex("A"), 0);
        assertThat(i).isCloseTo(expected, within(1e-6 * expected));
        assertThat(r.lineLoadingInPercent(model.lineIndex("L1"), 0)).isCloseTo(i / 250 * 100, within(1e-9));
        assertThat(r.maxLineLoadingInPercent()).isCloseTo(i / 250 * 100, within(1e-9));

        // PV on H3 (phase c) exporting 6 kW lifts phase c at B above the busbar.
        powers.set("H3", -6, 0);
        PowerFlowResult pv = model.solve(powers);
        assertThat(pv.voltageInPerUnit("B", 2)).isGreaterThan(r.voltageInPerUnit("B", 2));
        assertThat(pv.transformer().activePowerInKw().c()).isNegative();
        assertThat(pv.loadVoltageInPerUnit(model.loadIndex("H3"))).isEqualTo(pv.voltageInPerUnit("B", 2));
    }

    @Test
    void aCaseBeyondWhatTheFeederCarriesIsReportedNotThrown() {
        PowerFlowModel model = PowerFlowModel.of(feeder(List.of(), List.of(), "cable"));
        LoadPowers powers = LoadPowers.zero(model).set("H2", 2000, 600);
        PowerFlowResult r = model.solve(powers);
        assertThat(r.converged()).isFalse();
        assertThat(r.failure()).get().asString().contains("no convergence");
        assertThat(r.voltageInPerUnit("B", 1)).isNaN();
        assertThat(r.minVoltageInPerUnit()).isNaN();
    }

    @Test
    void anIslandIsNamed() {
        LvNetwork n = feeder(List.of(new Line("L9", "X", "Y", 3, "cable", 10, 0)), List.of(), "cable");
        assertThatThrownBy(() -> PowerFlowModel.of(n)).isInstanceOf(InputException.class)
                .hasMessageContaining("bus X");
    }

    @Test
    void aMissingLineCodeIsNamed() {
        LvNetwork n = feeder(List.of(), List.of(), "no_such_code");
        assertThatThrownBy(() -> PowerFlowModel.of(n)).isInstanceOf(InputException.class)
                .hasMessageContaining("line L1").hasMessageContaining("no_such_code");
    }

    @Test
    void aLoadOnAnUnknownBusIsNamed() {
        LvNetwork n = feeder(List.of(), List.of(load("H9", "Nowhere", 1)), "cable");
        assertThatThrownBy(() -> PowerFlowModel.of(n)).isInstanceOf(InputException.class)
                .hasMessageContaining("Nowhere");
    }

    @Test
    void aLoopIsNamed() {
        LvNetwork n = feeder(List.of(new Line("L3", "B", "LV", 3, "cable", 100, 0)), List.of(), "cable");
        assertThatThrownBy(() -> PowerFlowModel.of(n)).isInstanceOf(InputException.class)
                .hasMessageContaining("line L3").hasMessageContaining("loop");
    }

    @Test
    void wrongSizedLoadPowersAreRefused() {
        PowerFlowModel model = PowerFlowModel.of(feeder(List.of(), List.of(), "cable"));
        PowerFlowModel other = PowerFlowModel.of(feeder(List.of(), List.of(load("H4", "A", 2)), "cable"));
        assertThatThrownBy(() -> model.solve(LoadPowers.zero(other))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadPowers.zero(model).set("nobody", 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
    }
}
