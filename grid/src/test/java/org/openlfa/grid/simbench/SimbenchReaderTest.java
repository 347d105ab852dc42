package org.openlfa.grid.simbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.core.InputException;
import org.openlfa.core.testing.SharedData;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.Transformer;

class SimbenchReaderTest {

    @TempDir
    Path tmp;

    private static Path rural1() {
        return SharedData.directory("simbench-1-LV-rural1--0-no_sw");
    }

    @Test
    void readsRural1AsOneRadialLvNetworkBehindItsTransformer() {
        LvNetwork n = SimbenchReader.read(rural1());
        n.checkRadialConnected();
        assertThat(n.lines()).hasSize(13);
        assertThat(n.loads()).hasSize(13 + 4);
        assertThat(n.sourceBus()).isEqualTo("MV1.101 Bus 4");
        assertThat(n.source().voltageInPerUnit()).isEqualTo(1.025);
        assertThat(n.source().baseVoltageInKv()).isEqualTo(20);
        Transformer t = n.transformers().get(0);
        assertThat(t.ratingInKva()).isEqualTo(160);
        assertThat(t.primary().resistanceInPercent() + t.secondary().resistanceInPercent())
                .isCloseTo(2.35 / 160 * 100, within(1e-12));
        assertThat(t.xhlInPercent()).isCloseTo(Math.sqrt(16 - Math.pow(2.35 / 160 * 100, 2)), within(1e-12));
        assertThat(n.lineCode("NAYY 4x150SE 0.6/1kV").orElseThrow().normalRatingInAmps().getAsDouble())
                .isEqualTo(270);
        // PV is a negative load
        assertThat(n.loads().stream().filter(l -> l.name().equals("LV1.101 SGen 2")).findFirst().orElseThrow()
                .nominalPowerInKw()).isCloseTo(-78.381, within(1e-9));
        assertThat(n.coordinates()).hasSize(15);
    }

    @Test
    void anUnknownNodeIsNamedWithFileLineAndColumn() throws IOException {
        Path copy = tmp.resolve("grid");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(rural1())) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path load = copy.resolve("Load.csv");
        Files.writeString(load, Files.readString(load).replace("LV1.101 Load 3;LV1.101 Bus 14",
                "LV1.101 Load 3;LV1.101 Bus 99"));
        assertThatThrownBy(() -> SimbenchReader.read(copy)).isInstanceOf(InputException.class)
                .hasMessageContaining("Load.csv:4").hasMessageContaining("node").hasMessageContaining("Bus 99");
    }
}
