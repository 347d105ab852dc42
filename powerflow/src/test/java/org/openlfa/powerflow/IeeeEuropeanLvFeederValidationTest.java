package org.openlfa.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openlfa.core.testing.SharedData;
import org.openlfa.grid.OpenDssReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three-phase sweep against the published OpenDSS solution of the IEEE European LV Test Feeder (snapshots at
 * minute 1 and 566): every bus and phase within 1e-5 pu in magnitude and 0.1 degree in angle, transformer P and Q
 * per phase within 0.5 % of Table II. Why each tolerance is what it is: see the constants, and docs/powerflow.md.
 */
class IeeeEuropeanLvFeederValidationTest {

    private static final Logger LOG = LoggerFactory.getLogger(IeeeEuropeanLvFeederValidationTest.class);

    /**
     * Voltage magnitude, per unit. The published solution has six significant digits (0.001 V of 230 V, i.e.
     * +-2e-6 pu), and OpenDSS stopped at its own convergence tolerance; 1e-5 pu is the figure the README and
     * docs/powerflow.md state. Achieved: 2.1e-6 pu (minute 1), 7.1e-6 pu (minute 566).
     */
    static final double VOLTAGE_TOLERANCE_IN_PU = 1e-5;

    /**
     * Voltage angle, degrees. The published angles have the same six digits, but OpenDSS's convergence tolerance
     * (1e-4 pu) leaves more room on angles than on magnitudes at the feeder ends under the peak. Achieved: 0.013 deg
     * (minute 1), 0.050 deg (minute 566).
     */
    static final double ANGLE_TOLERANCE_IN_DEGREES = 0.1;

    /**
     * Transformer P and Q per phase, relative. Table II gives four to five digits, and its OpenDSS and GridLAB-D
     * rows differ from each other by up to 0.1 %; we match the GridLAB-D row to 0.01 % and the OpenDSS row to
     * 0.09 % (minute 1, Q phase a), <= 0.004 % at minute 566. 0.5 % leaves room for that spread between tools.
     */
    static final double TABLE_II_RELATIVE_TOLERANCE = 0.005;

    private static PowerFlowModel model;
    private static ShapedLoads shaped;

    @BeforeAll
    static void read() {
        model = PowerFlowModel.of(OpenDssReader.read(
                SharedData.file("ieee-european-lv-test-feeder/opendss/Master.dss")));
        shaped = ShapedLoads.of(model);
    }

    /** Table II of the IEEE document (OpenDSS rows): substation P and Q per phase at 00:01 and 09:26. */
    private static final double[][] TABLE_II_MINUTE_1 = {{1.0572, 0.927, 0.8153}, {0.3475, 0.3044, 0.2678}};
    private static final double[][] TABLE_II_MINUTE_566 = {{17.9072, 35.2927, 6.1837}, {5.4897, 11.5328, 2.0971}};

    @Test
    void minute1MatchesOpenDss() throws IOException {
        check(1, "OpenDSS_Snapshots_Snapshot_1min_Initialization_Off_Peak__Voltages.csv", TABLE_II_MINUTE_1);
    }

    @Test
    void minute566MatchesOpenDss() throws IOException {
        check(566, "OpenDSS_Snapshots_Snapshot_566min_On_Peak__Voltages.csv", TABLE_II_MINUTE_566);
    }

    private void check(int minute, String file, double[][] tableII) throws IOException {
        PowerFlowResult r = model.solve(shaped.fill(minute, LoadPowers.zero(model)));
        assertThat(r.converged()).isTrue();
        Path csv = SharedData.file("ieee-european-lv-test-feeder/Solutions_csv/" + file);
        List<String> rows = Files.readAllLines(csv);
        double maxDev = 0;
        double maxAngleDev = 0;
        String worst = "";
        int compared = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            String bus = f[0].strip();
            int b = model.busIndex(bus);
            assertThat(b).as("bus %s of the reference is in the model", bus).isGreaterThanOrEqualTo(0);
            double base = Double.parseDouble(f[1]) * 1000 / Math.sqrt(3);
            for (int k = 0; k < 3; k++) {
                int node = Integer.parseInt(f[2 + 4 * k].strip());
                double refPu = Double.parseDouble(f[3 + 4 * k]) / base;
                double refAngle = Double.parseDouble(f[4 + 4 * k]);
                double dev = Math.abs(r.voltageInPerUnit(b, node - 1) - refPu);
                double angleDev = Math.abs(wrap(r.voltageAngleInDegrees(b, node - 1) - refAngle));
                if (dev > maxDev) {
                    maxDev = dev;
                    worst = bus + "." + node;
                }
                maxAngleDev = Math.max(maxAngleDev, angleDev);
                compared++;
            }
        }
        TransformerFlow t = r.transformer();
        LOG.info("IEEE minute {}: {} bus-phases, max |dV| = {} pu at {}, max |dAngle| = {} deg, {} iterations; "
                + "transformer P = {} kW, Q = {} kvar", minute, compared, maxDev, worst, maxAngleDev, r.iterations(),
                t.activePowerInKw(), t.reactivePowerInKvar());
        assertThat(compared).isEqualTo(3 * 907);
        assertThat(maxDev).as("max |dV| in pu, worst at %s", worst).isLessThanOrEqualTo(VOLTAGE_TOLERANCE_IN_PU);
        assertThat(maxAngleDev).as("max |d angle| in degrees").isLessThanOrEqualTo(ANGLE_TOLERANCE_IN_DEGREES);
        for (int ph = 0; ph < 3; ph++) {
            assertThat(t.activePowerInKw().get(ph))
                    .isCloseTo(tableII[0][ph], within(TABLE_II_RELATIVE_TOLERANCE * tableII[0][ph]));
            assertThat(t.reactivePowerInKvar().get(ph))
                    .isCloseTo(tableII[1][ph], within(TABLE_II_RELATIVE_TOLERANCE * tableII[1][ph]));
        }
    }

    private static double wrap(double degrees) {
        double d = degrees % 360;
        return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
    }
}
