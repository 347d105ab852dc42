package org.openlfa.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcesTest {

    private static final Map<String, String> SOURCES = Map.of(
            "penetration.pvShare", "FES 2021",
            "importTariff", "Ofgem cap Q1",
            "bands.price", "assumption: flat");

    @Test
    void aFieldFindsItsOwnKey() {
        assertThat(Sources.lookup(SOURCES, "penetration.pvShare")).isEqualTo("FES 2021");
    }

    @Test
    void aParentKeyCoversEveryFieldBelowIt() {
        assertThat(Sources.lookup(SOURCES, "importTariff.bands[2].priceInEurPerKwh")).isEqualTo("Ofgem cap Q1");
        assertThat(Sources.lookup(SOURCES, "importTariff")).isEqualTo("Ofgem cap Q1");
    }

    @Test
    void listIndicesAreOptionalInTheSourcesKey() {
        assertThat(Sources.lookup(SOURCES, "bands[3].price")).isEqualTo("assumption: flat");
    }

    @Test
    void aFigureWithoutASourceHasNone() {
        assertThat(Sources.lookup(SOURCES, "penetration.evShare")).isNull();
        assertThat(Sources.lookup(SOURCES, "other")).isNull();
        assertThat(Sources.lookup(Map.of(), "penetration.pvShare")).isNull();
    }

    @Test
    void aKeyCoversOnlyWholePathSegments() {
        // "penetration.pvShareMax" is not below "penetration.pvShare".
        assertThat(Sources.lookup(SOURCES, "penetration.pvShareMax")).isNull();
        assertThat(Sources.lookup(SOURCES, "importTariffExtra")).isNull();
    }
}
