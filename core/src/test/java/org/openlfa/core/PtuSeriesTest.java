package org.openlfa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PtuSeriesTest {

    @Test
    void copiesOnTheWayInAndOut() {
        double[] in = {1.0, 2.0, 3.0};
        PtuSeries s = PtuSeries.of(in);
        in[0] = 99;
        assertThat(s.get(0)).isEqualTo(1.0);
        double[] out = s.toArray();
        out[1] = 99;
        assertThat(s.get(1)).isEqualTo(2.0);
        assertThat(s.toArray()).containsExactly(1.0, 2.0, 3.0);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.stream().sum()).isEqualTo(6.0);
    }

    @Test
    void equalsByValueNanIncluded() {
        assertThat(PtuSeries.of(1, Double.NaN)).isEqualTo(PtuSeries.of(1, Double.NaN))
                .hasSameHashCodeAs(PtuSeries.of(1, Double.NaN));
        assertThat(PtuSeries.of(1, 2)).isNotEqualTo(PtuSeries.of(1, 2, 0)).isNotEqualTo(PtuSeries.of(2, 1));
        assertThat(PtuSeries.zeros(3)).isEqualTo(PtuSeries.of(0, 0, 0));
        assertThat(PtuSeries.zeros(0)).isEqualTo(PtuSeries.of()).matches(PtuSeries::isEmpty);
        assertThat(PtuSeries.of(0.5, -1, Double.NaN)).hasToString("[0.5, -1.0, NaN]");
    }

    @Test
    void indexesAndSizesAreChecked() {
        assertThatThrownBy(() -> PtuSeries.of(1).get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PtuSeries.zeros(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PtuSeries.of((double[]) null)).isInstanceOf(NullPointerException.class);
    }
}
