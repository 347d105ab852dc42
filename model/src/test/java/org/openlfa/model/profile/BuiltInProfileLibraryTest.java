package org.openlfa.model.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class BuiltInProfileLibraryTest {

    private static final Logger LOG = LoggerFactory.getLogger(BuiltInProfileLibraryTest.class);
    private static final TimeGrid FIVE_MIN = TimeGrid.ofMinutes(5);
    private static final TimeGrid HOUR = TimeGrid.ofMinutes(60);

    private final SeasonalProfileLibrary library = ProfileLibraries.builtIn();

    @Test
    void everyPoolHasOneHundredProfiles() {
        for (ProfileKind kind : ProfileKind.values()) {
            assertThat(library.poolSize(kind)).as(kind.name()).isEqualTo(100);
        }
    }

    @Test
    void builtInIsParsedOnceAndSharedAndTheInterfaceFactoryGivesIt() {
        assertThat(ProfileLibraries.builtIn()).isSameAs(library);
        assertThat(ProfileLibrary.builtIn()).isSameAs(library);
    }

    @Test
    void everyDayHasOneValuePerPtuForEveryGrid() {
        for (int minutes : new int[] {5, 10, 15, 30, 60, 120, 1440}) {
            TimeGrid grid = TimeGrid.ofMinutes(minutes);
            for (ProfileKind kind : ProfileKind.values()) {
                for (Season season : Season.values()) {
                    for (int i = 0; i < library.poolSize(kind); i++) {
                        double[] day = library.dayInKw(kind, i, season, grid);
                        assertThat(day).hasSize(grid.ptusPerDay());
                        assertThat(Arrays.stream(day).allMatch(p -> p >= 0 && Double.isFinite(p))).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void resamplingKeepsTheEnergy() {
        for (ProfileKind kind : ProfileKind.values()) {
            for (Season season : Season.values()) {
                for (int i = 0; i < library.poolSize(kind); i++) {
                    double e5 = ProfileResampling.energyInKwh(library.dayInKw(kind, i, season, FIVE_MIN), FIVE_MIN);
                    double e15 = ProfileResampling.energyInKwh(
                            library.dayInKw(kind, i, season, TimeGrid.QUARTER_HOUR), TimeGrid.QUARTER_HOUR);
                    double e60 = ProfileResampling.energyInKwh(library.dayInKw(kind, i, season, HOUR), HOUR);
                    assertThat(e15).isCloseTo(e5, within(1e-9));
                    assertThat(e60).isCloseTo(e5, within(1e-9));
                }
            }
        }
    }

    @Test
    void quarterHourIsTheMeanOfItsThreeFiveMinuteSteps() {
        double[] five = library.dayInKw(ProfileKind.HOUSEHOLD_LOAD, 7, Season.WINTER, FIVE_MIN);
        double[] quarter = library.dayInKw(ProfileKind.HOUSEHOLD_LOAD, 7, Season.WINTER, TimeGrid.QUARTER_HOUR);
        for (int q = 0; q < quarter.length; q++) {
            assertThat(quarter[q]).isCloseTo((five[3 * q] + five[3 * q + 1] + five[3 * q + 2]) / 3, within(1e-12));
        }
    }

    @Test
    void dayInKwReturnsAFreshCopy() {
        double[] first = library.dayInKw(ProfileKind.EV_CHARGING, 3, Season.WINTER, FIVE_MIN);
        double[] expected = first.clone();
        Arrays.fill(first, 99);
        assertThat(library.dayInKw(ProfileKind.EV_CHARGING, 3, Season.WINTER, FIVE_MIN)).containsExactly(expected);
    }

    @Test
    void winterAndSummerLoadAreTheEnwlDaysUnchanged() throws Exception {
        double[][] winter;
        try (InputStream in = ProfileLibraries.class.getResourceAsStream("Winter_Load_Profiles.csv")) {
            winter = ProfileCsv.read(in, "winter");
        }
        assertThat(library.dayInKw(ProfileKind.HOUSEHOLD_LOAD, 42, Season.WINTER, FIVE_MIN))
                .containsExactly(winter[42]);
    }

    @Test
    void rejectsAnIndexOutsideThePool() {
        assertThatThrownBy(() -> library.dayInKw(ProfileKind.PV_PER_KWP, 100, Season.SUMMER, HOUR))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("0..99");
    }

    @Test
    void pvIsZeroAtNightAndPeaksAroundSolarNoonOnTheLocalClock() {
        for (Season season : Season.values()) {
            double[] day = library.dayInKw(ProfileKind.PV_PER_KWP, 0, season, HOUR);
            for (int h : new int[] {0, 1, 2, 22, 23}) {
                assertThat(day[h]).as("%s hour %d", season, h).isZero();
            }
        }
        // Winter days are short: nothing before 07:00 GMT or after 17:00 GMT at 53.5 degrees north.
        double[] winter = library.dayInKw(ProfileKind.PV_PER_KWP, 0, Season.WINTER, HOUR);
        assertThat(Arrays.copyOfRange(winter, 0, 7)).containsOnly(0.0);
        assertThat(Arrays.copyOfRange(winter, 17, 24)).containsOnly(0.0);
    }

    @Test
    void pvYieldsArePlausibleForTheUk() {
        double summer = library.meanDailyEnergyInKwh(ProfileKind.PV_PER_KWP, Season.SUMMER);
        double winter = library.meanDailyEnergyInKwh(ProfileKind.PV_PER_KWP, Season.WINTER);
        double annual = library.meanAnnualEnergyInKwh(ProfileKind.PV_PER_KWP);
        LOG.info("PV kWh/kWp/day: winter {} spring {} summer {} autumn {}; annual {} kWh/kWp", fmt(winter),
                fmt(library.meanDailyEnergyInKwh(ProfileKind.PV_PER_KWP, Season.SPRING)), fmt(summer),
                fmt(library.meanDailyEnergyInKwh(ProfileKind.PV_PER_KWP, Season.AUTUMN)), fmt(annual));
        assertThat(summer).isBetween(3.0, 4.5);
        assertThat(winter).isLessThan(summer / 2);
        assertThat(annual).isBetween(800.0, 1000.0);
        // every profile of the pool is one kWp of the same array: the same yield
        for (int i = 0; i < 100; i++) {
            assertThat(ProfileResampling.energyInKwh(library.dayInKw(ProfileKind.PV_PER_KWP, i, Season.SUMMER, HOUR),
                    HOUR)).isCloseTo(summer, within(1e-9));
        }
    }

    @Test
    void theMeasuredEnwlPvDayIsASunnyDayNotAMeanDay() throws Exception {
        double[][] measured;
        try (InputStream in = ProfileLibraries.class.getResourceAsStream("Summer_PV_Profiles.csv")) {
            measured = ProfileCsv.read(in, "pv");
        }
        // The 100 profiles are one irradiance day at six system sizes: 11/7 (~1.57), 2, 2.5, 3, 3.5 and 4 kWp,
        // each peaking at 0.9993 kW per kWp. Per kWp the day yields 6.66 kWh, about twice a mean UK summer day,
        // which is why the library rescales it (docs/profiles.md).
        double[] sizes = {11.0 / 7, 2, 2.5, 3, 3.5, 4};
        for (double[] profile : measured) {
            double peak = Arrays.stream(profile).max().orElseThrow();
            double kwp = Arrays.stream(sizes).filter(s -> Math.abs(peak / s - 0.9993) < 0.001).findFirst()
                    .orElseThrow(() -> new AssertionError("unexpected PV peak " + peak));
            assertThat(Arrays.stream(profile).sum() / 12 / kwp).isCloseTo(6.66, within(0.01));
        }
    }

    @Test
    void householdEnergyIsPlausibleAndSeasonal() {
        double annual = library.meanAnnualEnergyInKwh(ProfileKind.HOUSEHOLD_LOAD);
        LOG.info("household kWh/day: winter {} spring {} summer {} autumn {}; annual {} kWh; winter weights spring {}"
                        + " autumn {}", fmt(library.meanDailyEnergyInKwh(ProfileKind.HOUSEHOLD_LOAD, Season.WINTER)),
                fmt(library.meanDailyEnergyInKwh(ProfileKind.HOUSEHOLD_LOAD, Season.SPRING)),
                fmt(library.meanDailyEnergyInKwh(ProfileKind.HOUSEHOLD_LOAD, Season.SUMMER)),
                fmt(library.meanDailyEnergyInKwh(ProfileKind.HOUSEHOLD_LOAD, Season.AUTUMN)), fmt(annual),
                fmt(library.householdWinterWeight(Season.SPRING)), fmt(library.householdWinterWeight(Season.AUTUMN)));
        assertThat(annual).isBetween(2700.0, 3600.0);
        double winter = library.meanDailyEnergyInKwh(ProfileKind.HOUSEHOLD_LOAD, Season.WINTER);
        double summer = library.meanDailyEnergyInKwh(ProfileKind.HOUSEHOLD_LOAD, Season.SUMMER);
        for (Season s : new Season[] {Season.SPRING, Season.AUTUMN}) {
            assertThat(library.meanDailyEnergyInKwh(ProfileKind.HOUSEHOLD_LOAD, s)).isBetween(summer, winter);
        }
        // spring lies where SimBench H0 puts it between summer and winter
        SimBenchDigest digest = SimBenchDigest.builtIn();
        double h = relative(digest, Season.SPRING);
        assertThat((library.meanDailyEnergyInKwh(ProfileKind.HOUSEHOLD_LOAD, Season.SPRING) - summer)
                / (winter - summer)).isCloseTo(h, within(1e-9));
    }

    @Test
    void evIsTheSameEverySeasonAndHeatPumpFollowsDegreeDays() {
        double ev = library.meanDailyEnergyInKwh(ProfileKind.EV_CHARGING, Season.WINTER);
        for (Season s : Season.values()) {
            assertThat(library.meanDailyEnergyInKwh(ProfileKind.EV_CHARGING, s)).isCloseTo(ev, within(1e-12));
        }
        double hpWinter = library.meanDailyEnergyInKwh(ProfileKind.HEAT_PUMP, Season.WINTER);
        double hpSpring = library.meanDailyEnergyInKwh(ProfileKind.HEAT_PUMP, Season.SPRING);
        double hpAutumn = library.meanDailyEnergyInKwh(ProfileKind.HEAT_PUMP, Season.AUTUMN);
        double hpSummer = library.meanDailyEnergyInKwh(ProfileKind.HEAT_PUMP, Season.SUMMER);
        LOG.info("EV {} kWh/day, {} kWh/yr; heat pump kWh/day winter {} spring {} summer {} autumn {}; {} kWh/yr",
                fmt(ev), fmt(library.meanAnnualEnergyInKwh(ProfileKind.EV_CHARGING)), fmt(hpWinter), fmt(hpSpring),
                fmt(hpSummer), fmt(hpAutumn), fmt(library.meanAnnualEnergyInKwh(ProfileKind.HEAT_PUMP)));
        assertThat(hpWinter).isGreaterThan(hpSpring);
        assertThat(hpSpring).isGreaterThan(hpAutumn); // UK spring is colder than autumn: 681 vs 535 degree days
        assertThat(hpAutumn).isGreaterThan(hpSummer);
        assertThat(hpSummer).isCloseTo(0.15 * hpWinter, within(1e-9));
    }

    @Test
    void repeatedCallsAreCheap() {
        long start = System.nanoTime();
        double sum = 0;
        for (int n = 0; n < 20_000; n++) {
            sum += ProfileLibrary.builtIn().dayInKw(ProfileKind.HOUSEHOLD_LOAD, n % 100, Season.SPRING,
                    TimeGrid.QUARTER_HOUR)[40];
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("20,000 dayInKw calls in {} ms", millis);
        assertThat(sum).isPositive();
        assertThat(millis).isLessThan(2_000);
    }

    private static double relative(SimBenchDigest digest, Season season) {
        double w = digest.seasons().get(Season.WINTER).householdDailyEnergyInKwhPerKw();
        double s = digest.seasons().get(Season.SUMMER).householdDailyEnergyInKwhPerKw();
        return (digest.seasons().get(season).householdDailyEnergyInKwhPerKw() - s) / (w - s);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
