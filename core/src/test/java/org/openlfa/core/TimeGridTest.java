package org.openlfa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeGridTest {

    @Test
    void quarterHourGridHas96PtusOfAQuarterOfAnHour() {
        TimeGrid grid = TimeGrid.ofMinutes(15);
        assertThat(grid).isEqualTo(TimeGrid.QUARTER_HOUR);
        assertThat(grid.ptusPerDay()).isEqualTo(96);
        assertThat(grid.hoursPerPtu()).isEqualTo(0.25);
        // 2 kW for one PTU is 0.5 kWh.
        assertThat(2 * grid.hoursPerPtu()).isEqualTo(0.5);
    }

    @Test
    void minutesFallIntoThePtuThatContainsThem() {
        TimeGrid grid = TimeGrid.QUARTER_HOUR;
        assertThat(grid.ptuOfMinute(0)).isZero();
        assertThat(grid.ptuOfMinute(14)).isZero();
        assertThat(grid.ptuOfMinute(15)).isEqualTo(1);
        assertThat(grid.ptuOfMinute(16 * 60)).isEqualTo(64);
        assertThat(grid.ptuOfMinute(1439)).isEqualTo(95);
        // Minutes outside the day wrap around it.
        assertThat(grid.ptuOfMinute(1440)).isZero();
        assertThat(grid.ptuOfMinute(-1)).isEqualTo(95);
    }

    @Test
    void startMinuteIsTheInverseOfPtuOfMinute() {
        for (int minutes : new int[] {5, 10, 15, 30, 60, 120, 1440}) {
            TimeGrid grid = TimeGrid.ofMinutes(minutes);
            assertThat(grid.startMinute(0)).isZero();
            assertThat(grid.startMinute(grid.ptusPerDay())).isEqualTo(TimeGrid.MINUTES_PER_DAY);
            for (int ptu = 0; ptu < grid.ptusPerDay(); ptu++) {
                assertThat(grid.ptuOfMinute(grid.startMinute(ptu))).isEqualTo(ptu);
                assertThat(grid.ptuOfMinute(grid.startMinute(ptu) + minutes - 1)).isEqualTo(ptu);
            }
            assertThat(grid.ptusPerDay() * grid.hoursPerPtu()).isEqualTo(24.0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -15, 7, 14, 25, 35, 1445, 2880})
    void rejectsPtusThatAreNotMultiplesOfFiveDividingTheDay(int minutes) {
        assertThatThrownBy(() -> TimeGrid.ofMinutes(minutes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got " + minutes);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440})
    void acceptsEveryMultipleOfFiveThatDividesTheDay(int minutes) {
        assertThat(TimeGrid.ofMinutes(minutes).ptusPerDay() * minutes).isEqualTo(1440);
    }
}
