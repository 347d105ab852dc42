package org.openlfa.agents.usef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CongestionPointTest {

    @Test
    void theTextFormIsTheStudysAndReadsBack() {
        assertThat(CongestionPoint.transformer()).hasToString("TR1");
        assertThat(CongestionPoint.feeder(3)).hasToString("F3");
        assertThat(CongestionPoint.parse("TR1")).isEqualTo(CongestionPoint.transformer());
        assertThat(CongestionPoint.parse("F12")).isEqualTo(CongestionPoint.feeder(12));
        assertThat(CongestionPoint.parse("ean.871685900012345678"))
                .isEqualTo(CongestionPoint.address("ean.871685900012345678"))
                .hasToString("ean.871685900012345678");
        for (CongestionPoint p : new CongestionPoint[] {CongestionPoint.transformer(), CongestionPoint.feeder(1),
                CongestionPoint.address("ea1.2026-11.example:x.TR1")}) {
            assertThat(CongestionPoint.parse(p.toString())).isEqualTo(p);
        }
    }

    @Test
    void aHomeIsBehindTheTransformerAndItsOwnFeederOnly() {
        assertThat(CongestionPoint.transformer().contains(1)).isTrue();
        assertThat(CongestionPoint.transformer().contains(6)).isTrue();
        assertThat(CongestionPoint.feeder(3).contains(3)).isTrue();
        assertThat(CongestionPoint.feeder(3).contains(4)).isFalse();
        assertThat(CongestionPoint.address("ean.871685900012345678").contains(1)).isFalse();
    }

    @Test
    void kindsAndFeederNumbers() {
        assertThat(CongestionPoint.transformer().isTransformer()).isTrue();
        assertThat(CongestionPoint.feeder(2).isFeeder()).isTrue();
        assertThat(CongestionPoint.feeder(2).feeder()).isEqualTo(2);
        assertThat(CongestionPoint.address("ean.1").isAddress()).isTrue();
        assertThatThrownBy(() -> CongestionPoint.transformer().feeder()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CongestionPoint.feeder(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CongestionPoint.address(" ")).isInstanceOf(IllegalArgumentException.class);
        for (String bad : new String[] {"F0", "F", "TR2", "f3", "", "F-1"}) {
            assertThatThrownBy(() -> CongestionPoint.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
