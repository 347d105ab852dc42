package org.openlfa.report.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openlfa.core.testing.SharedData;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.grid.Line;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;
import org.openlfa.grid.OpenDssReader;

class FeederMapTest {

    @Test
    void network22IsDrawnAsATreeWithEveryCableAndCustomer() throws Exception {
        LvNetwork network = EnwlNetwork.builtInNetwork22();
        FeederMap map = FeederMap.of(network);
        assertThat(map.fromCoordinates()).isFalse();
        Map<String, Double> lines = new HashMap<>();
        for (Line line : network.lines()) {
            lines.put(line.name(), (double) (line.feeder() * 15));
        }
        Map<String, Double> buses = new HashMap<>();
        for (Load load : network.loads()) {
            buses.put(load.bus(), 0.95 + 0.01 * load.phase());
        }
        ColourScale scale = new ColourScale(0, 100, "loading (%)");
        String svg = map.svg(lines, buses, scale, "ENWL network 22");
        assertThat(svg.split("<polyline ", -1)).hasSize(network.lines().size() + 1);
        assertThat(svg).contains("<circle").contains("loading (%)");
        Path dir = Files.createDirectories(Path.of("target", "maps"));
        map.writePng(dir.resolve("network22.png"), lines, buses, scale, "ENWL network 22, coloured by feeder");
        assertThat(ImageIO.read(dir.resolve("network22.png").toFile()).getWidth()).isEqualTo(1200);
    }

    @Test
    void theIeeeFeederFollowsItsCoordinates() throws Exception {
        Path master = SharedData.file("ieee-european-lv-test-feeder/opendss/Master.dss");
        LvNetwork network = OpenDssReader.read(master);
        FeederMap map = FeederMap.of(network);
        assertThat(map.fromCoordinates()).isTrue();
        Map<String, Double> buses = new HashMap<>();
        for (Load load : network.loads()) {
            buses.put(load.bus(), 1.0);
        }
        Path dir = Files.createDirectories(Path.of("target", "maps"));
        map.writePng(dir.resolve("ieee.png"), Map.of(), buses, new ColourScale(0.9, 1.1, "voltage (pu)"), "IEEE EU LV");
        assertThat(dir.resolve("ieee.png")).exists();
    }
}
