package org.openlfa.cba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.core.InputException;
import org.openlfa.model.scenario.ScenarioLoader;

/** Reading a study folder, with and without the grid study's files, and its errors. */
class StudyFolderReaderTest {

    @TempDir
    Path dir;

    static void writeStudy(Path dir) throws IOException {
        Files.writeString(dir.resolve("summary.csv"), "scenario,households,local_traded_kwh,value_exchanged_eur\n"
                + "2030Green-High,2,100.0,12.0\n2020BAU-Low,2,0,0\n");
        Files.writeString(dir.resolve("households.csv"), "scenario,household,community,has_pv,has_battery,has_ev,"
                + "has_heat_pump,smart,coordinated,baseline_bill_eur,optimised_bill_eur,community_bill_eur,"
                + "local_bought_kwh,local_sold_kwh,extra\n"
                + "2030Green-High,A,C1,1,1,0,0,1,1,1000,800,780,10,50,x\n"
                + "2030Green-High,B,C1,0,0,0,0,0,0,900,900,890,40,0,x\n"
                + "2020BAU-Low,A,C1,0,0,0,0,0,0,700,700,700,0,0,x\n"
                + "2020BAU-Low,B,C1,0,0,0,0,0,0,600,600,600,0,0,x\n");
        Path ts = Files.createDirectories(dir.resolve("timeseries/2030Green-High"));
        StringBuilder sb = new StringBuilder("season,ptu,start_minute,import_kw,export_kw,local_trade_kw,"
                + "flexible_load_kw\n");
        for (String season : new String[]{"WINTER", "SPRING", "SUMMER", "AUTUMN"}) {
            for (int t = 0; t < 24; t++) {
                sb.append(season).append(',').append(t).append(',').append(60 * t).append(",1,0,0,")
                        .append(t == 3 ? "-1.0" : "0.5").append('\n');
            }
        }
        Files.writeString(ts.resolve("C1.csv"), sb.toString());
    }

    @Test
    void readsTheStudyAndTakesZeroForTheDsoWithoutGridCsv() throws IOException {
        writeStudy(dir);
        StudyData study = StudyFolderReader.read(dir, ScenarioLoader.loadBuiltInCatalogue());
        assertThat(study.scenarios()).extracting(ScenarioData::scenario).containsExactly("2030Green-High",
                "2020BAU-Low");
        ScenarioData s = study.scenarios().get(0);
        assertThat(s.horizonYear()).isEqualTo(2030);
        assertThat(s.dynamicWholesaleInEurPerMwh()).isPresent(); // 2030Green has a dynamic tariff
        assertThat(s.localPriceInEurPerKwh()).isCloseTo(0.12, within(1e-12));
        assertThat(s.prosumers().get(0).uc1SavingInEur()).isEqualTo(200);
        assertThat(s.prosumers().get(0).controllableAppliances()).isCloseTo(1 + 2.02, within(1e-9));
        // 23 PTUs of 0.5 kW for an hour each (the negative one does not count) x 365 days
        assertThat(s.flexibleEnergyInKwhPerYear().get("C1")).isCloseTo(23 * 0.5 * 365, within(1e-6));
        assertThat(study.scenarios().get(1).dynamicWholesaleInEurPerMwh()).isEmpty();
        assertThat(study.gridFile()).isEmpty();
        assertThat(s.grid()).isEmpty();
        assertThat(study.feederMapSvg()).isEmpty();
    }

    @Test
    void readsGridCsvAndTheFeederMapWhenPresent() throws IOException {
        writeStudy(dir);
        Files.writeString(dir.resolve("grid.csv"), "scenario,congested_ptus,flex_delivered_kwh,dso_flex_cost_eur,"
                + "reinforcement_annuity_eur,deferral_value_eur\n2030Green-High,12,800,400,5000,3000\n");
        Files.writeString(dir.resolve("feeder_map.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
        StudyData study = StudyFolderReader.read(dir, ScenarioLoader.loadBuiltInCatalogue());
        assertThat(study.scenarios().get(0).grid()).contains(new GridFigures("2030Green-High", 800, 400, 5000, 3000));
        assertThat(study.scenarios().get(1).grid()).isEmpty();
        assertThat(study.feederMapSvg()).isPresent();
    }

    @Test
    void aBadNumberNamesTheFileLineAndColumn() throws IOException {
        writeStudy(dir);
        String text = Files.readString(dir.resolve("households.csv")).replace("1000,800,780", "1000,eight,780");
        Files.writeString(dir.resolve("households.csv"), text);
        assertThatThrownBy(() -> StudyFolderReader.read(dir, ScenarioLoader.loadBuiltInCatalogue()))
                .isInstanceOf(InputException.class).hasMessageContaining("households.csv:2")
                .hasMessageContaining("optimised_bill_eur").hasMessageContaining("'eight'");
    }

    @Test
    void aMissingFileOrColumnIsBadInput() throws IOException {
        assertThatThrownBy(() -> StudyFolderReader.read(dir.resolve("none"), ScenarioLoader.loadBuiltInCatalogue()))
                .isInstanceOf(InputException.class).hasMessageContaining("--study");
        writeStudy(dir);
        Files.writeString(dir.resolve("grid.csv"), "scenario,dso_flex_cost_eur\n2030Green-High,-5\n");
        assertThatThrownBy(() -> StudyFolderReader.read(dir, ScenarioLoader.loadBuiltInCatalogue()))
                .isInstanceOf(InputException.class).hasMessageContaining("grid.csv:2")
                .hasMessageContaining("dso_flex_cost_eur");
        Files.delete(dir.resolve("grid.csv"));
        Files.delete(dir.resolve("summary.csv"));
        assertThatThrownBy(() -> StudyFolderReader.read(dir, ScenarioLoader.loadBuiltInCatalogue()))
                .isInstanceOf(InputException.class).hasMessageContaining("summary.csv");
    }

    @Test
    void aQuotedReinforcementPlanWithCommasAndQuotesIsOneCell() throws IOException {
        Path grid = dir.resolve("grid.csv");
        Files.writeString(grid, "scenario,reinforcement_plan,flex_delivered_kwh,dso_flex_cost_eur,"
                + "reinforcement_annuity_eur,deferral_value_eur\n"
                + "2030Green-High,\"transformer 500 -> 800 kVA, overlay \"\"feeder 3\"\"\",12.5,30.25,0,7\n");
        Map<String, GridFigures> figures = StudyFolderReader.readGrid(grid);
        assertThat(figures.get("2030Green-High")).isEqualTo(new GridFigures("2030Green-High", 12.5, 30.25, 0, 7));
    }
}
