package org.openlfa.powerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlfa.core.testing.SharedData;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.simbench.SimbenchReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SimBench 1-LV-rural1 base case: the sweep against the published NodePFResult.csv and against OpenLoadFlow. */
class SimbenchValidationTest {

    private static final Logger LOG = LoggerFactory.getLogger(SimbenchValidationTest.class);

    @Test
    void rural1BaseCaseMatchesThePublishedResult() throws IOException {
        Path folder = SharedData.directory("simbench-1-LV-rural1--0-no_sw");
        LvNetwork grid = SimbenchReader.read(folder);
        PowerFlowModel model = PowerFlowModel.of(grid);
        LoadPowers powers = LoadPowers.nominal(model);
        PowerFlowResult r = model.solve(powers);
        assertThat(r.converged()).isTrue();
        List<String> rows = Files.readAllLines(folder.resolve("NodePFResult.csv"));
        double maxDev = 0;
        double maxAngleDev = 0;
        double lvRef = Double.NaN;
        int lvRoot = model.busIndex("LV1.101 Bus 4");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(";");
            if (f[0].equals("LV1.101 Bus 4")) {
                lvRef = Double.parseDouble(f[2]);
            }
        }
        String worst = "";
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(";");
            int b = model.busIndex(f[0]);
            assertThat(b).isGreaterThanOrEqualTo(0);
            double vm = Double.parseDouble(f[1]);
            double va = Double.parseDouble(f[2]);
            for (int ph = 0; ph < 3; ph++) {
                double dev = Math.abs(r.voltageInPerUnit(b, ph) - vm);
                if (dev > maxDev) {
                    maxDev = dev;
                    worst = f[0];
                }
            }
            if (model.isLowVoltage(b)) {
                // Angles relative to the LV busbar: the published angles leave out the transformer's phase shift.
                double ours = r.voltageAngleInDegrees(b, 0) - r.voltageAngleInDegrees(lvRoot, 0);
                maxAngleDev = Math.max(maxAngleDev, Math.abs(ours - (va - lvRef)));
            }
        }
        LOG.info("SimBench rural1: max |dV| = {} pu at {}, max |dAngle| (relative to the LV busbar) = {} deg, "
                + "LV busbar {} pu (published {})", maxDev, worst, maxAngleDev,
                r.voltageInPerUnit(lvRoot, 0), 1.02474);
        // 5e-5 pu: the published magnitudes have five decimals (+-5e-6), and the transformer's no-load losses
        // (pFe 0.46 kW, iNoLoad 0.29 % = 0.46 kvar), which the LV network model cannot hold, lift our voltages by a
        // few 1e-5 pu (our LV busbar is 2e-5 pu above the published one). Achieved: 2.5e-5 pu.
        assertThat(maxDev).isLessThanOrEqualTo(5e-5);
        assertThat(maxAngleDev).isLessThanOrEqualTo(1e-3);
        BalancedCrossCheckTest.compare(model, powers, 1e-4);
    }
}
