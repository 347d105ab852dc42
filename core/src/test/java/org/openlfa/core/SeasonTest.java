package org.openlfa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeasonTest {

    @Test
    void theFourSeasonsAddUpToAYear() {
        assertThat(Arrays.stream(Season.values()).mapToInt(Season::daysPerYear).sum()).isEqualTo(365);
    }

    @Test
    void eachMonthHasItsMeteorologicalSeasonAndTheDaysMatchTheMonths() {
        int[] daysInMonth = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int[] days = new int[Season.values().length];
        for (int month = 1; month <= 12; month++) {
            days[Season.ofMonth(month).ordinal()] += daysInMonth[month - 1];
        }
        for (Season s : Season.values()) {
            assertThat(days[s.ordinal()]).as(s.name()).isEqualTo(s.daysPerYear());
        }
        assertThat(Season.ofMonth(12)).isEqualTo(Season.WINTER);
        assertThat(Season.ofMonth(6)).isEqualTo(Season.SUMMER);
    }

    @Test
    void rejectsMonthsOutsideTheYear() {
        assertThatThrownBy(() -> Season.ofMonth(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> Season.ofMonth(13)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 13");
    }
}
