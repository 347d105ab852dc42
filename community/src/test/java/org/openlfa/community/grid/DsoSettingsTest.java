package org.openlfa.community.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.core.InputException;

class DsoSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void theShippedSettingsLoadWithTheirSources() {
        DsoSettings dso = DsoSettings.builtIn();
        assertThat(dso.transformerRatingInKva()).isEqualTo(500);
        assertThat(dso.policy().minVoltagePu()).isEqualTo(0.90);
        assertThat(dso.reinforcement().transformerSteps()).extracting(DsoSettings.TransformerStep::ratingInKva)
                .containsExactly(800.0, 1000.0);
        assertThat(dso.sources()).containsKey("reinforcement.discountRate");
    }

    @Test
    void annuityAndDeferralMatchHandComputedValues() {
        DsoSettings.Reinforcement r = DsoSettings.builtIn().reinforcement();
        // 35 000 EUR over 40 years at 3.5 %: 35000 * 0.035 / (1 - 1.035^-40) = 1638.95
        assertThat(r.annuityInEur(35_000, 40)).isCloseTo(1638.95, within(0.01));
        // one year's deferral of 35 000 EUR: 35000 * 0.035 / 1.035 = 1183.57
        assertThat(r.oneYearDeferralValueInEur(35_000)).isCloseTo(1183.57, within(0.01));
    }

    @Test
    void aMisspelledKeyOrAFigureWithoutSourceIsRejectedWithFileLineAndField() throws Exception {
        String good = new String(DsoSettings.class.getClassLoader()
                .getResourceAsStream("org/openlfa/community/grid/dso.yaml").readAllBytes());
        Path typo = tmp.resolve("typo.yaml");
        Files.writeString(typo, good.replace("maxFlexPriceInEurPerKwh: 0.50", "maxFlexPriceInEurPerKwhh: 0.50"));
        assertThatThrownBy(() -> DsoSettings.load(typo)).isInstanceOf(InputException.class)
                .hasMessageContaining("typo.yaml:").hasMessageContaining("maxFlexPriceInEurPerKwhh");
        Path noSource = tmp.resolve("nosource.yaml");
        Files.writeString(noSource, good.replace("  maxFlexPriceInEurPerKwh: >-", "  unrelated: >-"));
        assertThatThrownBy(() -> DsoSettings.load(noSource)).isInstanceOf(InputException.class)
                .hasMessageContaining("nosource.yaml:").hasMessageContaining("maxFlexPriceInEurPerKwh");
        Path negative = tmp.resolve("negative.yaml");
        Files.writeString(negative, good.replace("cableOverlayCostInEurPerMeter: 150",
                "cableOverlayCostInEurPerMeter: -150"));
        assertThatThrownBy(() -> DsoSettings.load(negative)).isInstanceOf(InputException.class)
                .hasMessageContaining("reinforcement.cableOverlayCostInEurPerMeter");
    }
}
