package org.openlfa.model.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openlfa.core.Season;
import org.openlfa.core.testing.SharedData;

class SimBenchDigestTest {

    @Test
    void shippedDigestIsWhatTheGeneratorMakesFromTheSharedData() throws IOException {
        SharedData.file("simbench-1-LV-rural1--0-no_sw/LoadProfile.csv");
        Path simbench = SharedData.directory("simbench-1-LV-rural1--0-no_sw");

        String shipped;
        try (InputStream in = SimBenchDigest.class.getResourceAsStream(SimBenchDigest.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(SimBenchDigest.generate(simbench).toCsv()).isEqualTo(shipped);
    }

    @Test
    void builtInDigestHasAYearAndFourSeasons() {
        SimBenchDigest digest = SimBenchDigest.builtIn();
        assertThat(digest.months()).hasSize(12);
        int days = digest.months().values().stream().mapToInt(SimBenchDigest.PeriodEnergy::days).sum();
        assertThat(days).isEqualTo(366); // 2016 is a leap year
        SimBenchDigest.PeriodEnergy winter = digest.seasons().get(Season.WINTER);
        SimBenchDigest.PeriodEnergy summer = digest.seasons().get(Season.SUMMER);
        assertThat(winter.householdDailyEnergyInKwhPerKw()).isGreaterThan(summer.householdDailyEnergyInKwhPerKw());
        assertThat(winter.pvDailyEnergyInKwhPerKwp()).isLessThan(summer.pvDailyEnergyInKwhPerKwp());
    }
}
