package org.openlfa.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openlfa.core.testing.SharedData;

/** The IEEE European LV Test Feeder, read from the shared data folder (fails where it is absent). */
class IeeeEuropeanLvFeederTest {

    private static LvNetwork ieee;

    @BeforeAll
    static void read() {
        Path master = SharedData.file("ieee-european-lv-test-feeder/opendss/Master.dss");
        ieee = OpenDssReader.read(master);
    }

    @Test
    void sizes() {
        assertThat(ieee.name()).isEqualTo("LVTest");
        assertThat(ieee.loads()).hasSize(55);
        assertThat(ieee.lines()).hasSize(905);
        assertThat(ieee.lineCodes()).hasSize(10);
        Set<String> lvBuses = lvBuses();
        assertThat(lvBuses).hasSize(906);
        assertThat(ieee.baseFrequencyInHertz()).isEqualTo(50.0);
        ieee.checkRadialConnected();
    }

    @Test
    void everyBusHasCoordinates() {
        assertThat(ieee.coordinates()).hasSize(906);
        assertThat(lvBuses()).allSatisfy(b -> assertThat(ieee.coordinates()).containsKey(b));
        BusCoordinate bus1 = ieee.coordinates().get("1");
        assertThat(bus1.x()).isEqualTo(390872.663);
        assertThat(bus1.y()).isEqualTo(392887.379);
    }

    @Test
    void lengthsInMetresAndLineCodes() {
        // Lines.txt: New Line.LINE6 Bus1=6 Bus2=7 phases=3 Linecode=4c_70 Length=10.0863 Units=m
        Line line6 = ieee.lines().get(5);
        assertThat(line6.name()).isEqualTo("LINE6");
        assertThat(line6.bus1()).isEqualTo("6");
        assertThat(line6.bus2()).isEqualTo("7");
        assertThat(line6.lengthInMeters()).isCloseTo(10.0863, within(1e-12));
        LineCode code = ieee.lineCode(line6.lineCode()).orElseThrow();
        assertThat(code.r1InOhmPerKm()).isEqualTo(0.446);
        assertThat(code.x1InOhmPerKm()).isEqualTo(0.071);
        assertThat(ieee.lines().stream().mapToDouble(Line::lengthInMeters).sum()).isBetween(1000.0, 10_000.0);
    }

    @Test
    void sourceTransformerAndLoads() {
        VoltageSource source = ieee.source();
        assertThat(source.voltageInPerUnit()).isEqualTo(1.05);
        assertThat(source.isc3InAmps()).hasValue(3000);
        assertThat(source.isc1InAmps()).hasValue(5);
        assertThat(source.bus()).isEqualTo("SourceBus");
        Transformer tr = ieee.transformers().get(0);
        assertThat(tr.ratingInKva()).isEqualTo(800.0);
        assertThat(tr.xhlInPercent()).isEqualTo(4.0);
        assertThat(tr.isSubstation()).isTrue();
        Load load1 = ieee.loads().get(0);
        assertThat(load1.bus()).isEqualTo("34");
        assertThat(load1.phase()).isEqualTo(1);
        assertThat(load1.shapeName()).hasValue("Shape_1");
        assertThat(load1.reactivePowerInKvar()).isCloseTo(Math.tan(Math.acos(0.95)), within(1e-12));
        assertThat(ieee.loads()).allSatisfy(l -> assertThat(l.phase()).isBetween(1, 3));
    }

    @Test
    void loadShapesResolvedAndReadOnRequest() {
        LoadShapeRef shape = ieee.loadShapes().get("shape_1");
        assertThat(shape.points()).isEqualTo(1440);
        assertThat(shape.intervalInHours()).isCloseTo(1.0 / 60, within(1e-12));
        assertThat(shape.useActual()).as("batchedit loadshape..* useactual=no").isFalse();
        assertThat(shape.multiplierFileRef()).isEqualTo("Daily_1min_100profiles/load_profile_1.txt");
        assertThat(shape.hasReadableMultipliers()).isTrue();
        double[] values = shape.readMultipliers();
        assertThat(values).hasSize(1440);
        assertThat(values[0]).isEqualTo(0.036);
    }

    private static Set<String> lvBuses() {
        return ieee.busIds().stream().filter(b -> !b.equalsIgnoreCase(ieee.sourceBus())).collect(Collectors.toSet());
    }
}
