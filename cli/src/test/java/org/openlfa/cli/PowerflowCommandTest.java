package org.openlfa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.core.testing.SharedData;

/** {@code lfa powerflow} end to end on the IEEE feeder, and its answer to bad input. */
class PowerflowCommandTest {

    @TempDir
    Path tmp;

    private static Path ieeeMaster() {
        return SharedData.file("ieee-european-lv-test-feeder/opendss/Master.dss");
    }

    @Test
    void minuteWritesVoltagesBranchesAndTransformer() throws IOException {
        Path out = tmp.resolve("pf566");
        int code = CliRun.of("powerflow", "--network", ieeeMaster().toString(), "--minute",
                "566", "--out", out.toString()).code();
        assertThat(code).isZero();
        List<String> voltages = Files.readAllLines(out.resolve("voltages.csv"));
        assertThat(voltages.get(0)).isEqualTo("bus,phase,v_pu,angle_deg");
        assertThat(voltages).hasSize(1 + 907 * 3);
        assertThat(voltages.get(1)).startsWith("SourceBus,a,1.049"); // 1.05 pu behind the source impedance
        // Bus 1 (transformer LV side) phase a, 30 degrees behind the source (published: 1.0499 pu at minute 1).
        assertThat(voltages.get(4)).startsWith("1,a,1.04").contains(",-30.");
        List<String> branches = Files.readAllLines(out.resolve("branches.csv"));
        assertThat(branches.get(0)).isEqualTo("line,phase,current_a,loading_pct");
        assertThat(branches).hasSize(1 + 905 * 3);
        assertThat(branches.get(1)).startsWith("LINE1,a,").endsWith(",");
        List<String> transformer = Files.readAllLines(out.resolve("transformer.csv"));
        assertThat(transformer.get(0)).isEqualTo("phase,p_kw,q_kvar");
        String[] b = transformer.get(2).split(",");
        assertThat(b[0]).isEqualTo("b");
        // Table II of the IEEE document (OpenDSS): phase B 35.2927 kW, 11.5328 kvar at 09:26.
        assertThat(Double.parseDouble(b[1])).isCloseTo(35.2927, within(0.005 * 35.2927));
        assertThat(Double.parseDouble(b[2])).isCloseTo(11.5328, within(0.005 * 11.5328));
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("pf566");
        }
    }

    @Test
    void dailyWritesEveryMinute() throws IOException {
        Path out = tmp.resolve("day");
        int code = CliRun.of("powerflow", "--network", ieeeMaster().toString(), "--daily",
                "--out", out.toString()).code();
        assertThat(code).isZero();
        List<String> loads = Files.readAllLines(out.resolve("daily_loads.csv"));
        assertThat(loads.get(0)).isEqualTo("minute,load,phase,v_pu");
        assertThat(loads).hasSize(1 + 1440 * 55);
        assertThat(loads.get(1)).startsWith("1,LOAD1,a,1.04");
        assertThat(loads.get(loads.size() - 1)).startsWith("1440,LOAD55,");
        List<String> transformer = Files.readAllLines(out.resolve("daily_transformer.csv"));
        assertThat(transformer.get(0)).isEqualTo("minute,phase,p_kw,q_kvar");
        assertThat(transformer).hasSize(1 + 1440 * 3);
        assertThat(transformer.get(566 * 3 - 1)).startsWith("566,b,35.29");
    }

    /** A tiny OpenDSS model: source, Dyn transformer, one cable, one home on an inline four-minute shape. */
    private Path tiny(String extra, String loadKw, String lineCode) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("tiny"));
        Path master = dir.resolve("Master.dss");
        Files.writeString(master, String.join("\n",
                "Clear",
                "Set DefaultBaseFrequency=50",
                "New Circuit.Tiny BasekV=11 pu=1.0 ISC3=3000 ISC1=5",
                "New LineCode.c nphases=3 R1=0.3 X1=0.08 R0=1.0 X0=0.1 C1=0 C0=0 Units=km",
                "New Loadshape.S npts=4 minterval=1 mult=[0.5 1 1.5 2]",
                "New Transformer.TR1 Buses=[SourceBus 1] Conns=[Delta Wye] kVs=[11 0.416] kVAs=[400 400] XHL=4",
                "New Line.L1 Bus1=1 Bus2=2 phases=3 Linecode=" + lineCode + " Length=100 Units=m",
                "New Load.H1 Phases=1 Bus1=2.1 kV=0.23 kW=" + loadKw + " PF=0.95 Daily=S",
                extra, "Solve", ""));
        return master;
    }

    private void assertBadInput(Path master, String minute, String... expected) {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("powerflow", "--network", master.toString(), "--minute", minute, "--out",
                out.toString());
        String message = run.err().strip();
        assertThat(run.code()).isEqualTo(2);
        assertThat(message.lines().count()).as(message).isEqualTo(1);
        assertThat(message).startsWith("error: ").contains(expected);
        assertThat(out).doesNotExist();
    }

    @Test
    void aTinyNetworkSolves() throws IOException {
        Path out = tmp.resolve("ok");
        assertThat(CliRun.of("powerflow", "--network", tiny("", "4", "c").toString(),
                "--minute", "4", "--out", out.toString()).code()).isZero();
        // minute 4: multiplier 2 x 4 kW on phase a, plus about 70 W lost in the 100 m cable (Zs = 0.053 ohm, 36 A)
        String a = Files.readAllLines(out.resolve("transformer.csv")).get(1);
        assertThat(Double.parseDouble(a.split(",")[1])).isCloseTo(8.07, within(0.01));
    }

    @Test
    void anIslandIsNamed() throws IOException {
        assertBadInput(tiny("New Line.L7 Bus1=7 Bus2=8 phases=3 Linecode=c Length=10 Units=m", "4", "c"), "1",
                "bus 7");
    }

    @Test
    void aMissingLineCodeIsNamed() throws IOException {
        assertBadInput(tiny("", "4", "nosuchcode"), "1", "nosuchcode");
    }

    @Test
    void aLoadOnAnUnknownBusIsNamed() throws IOException {
        assertBadInput(tiny("New Load.H2 Phases=1 Bus1=99.2 kV=0.23 kW=1 PF=0.95", "4", "c"), "1", "99");
    }

    @Test
    void aCaseThatDoesNotConvergeIsNamed() throws IOException {
        assertBadInput(tiny("", "3000", "c"), "4", "minute 4", "did not converge");
    }

    @Test
    void aMinuteOutsideTheShapesIsRefused() throws IOException {
        assertBadInput(tiny("", "4", "c"), "5", "--minute", "1..4");
    }
}
