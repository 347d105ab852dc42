package org.openlfa.cba;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small hand-made studies for the tests. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * A scenario of {@code n} homes: even homes are smart with UC1 savings of 15 x i EUR; every fourth home is also
     * coordinated with a battery and an EV; odd homes are flex buyers with a UC2 saving of i EUR.
     */
    static ScenarioData scenario(String name, int n, Optional<GridFigures> grid) {
        List<ProsumerData> homes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean smart = i % 2 == 0;
            boolean coordinated = i % 4 == 0;
            double baseline = 1000;
            double optimised = smart ? baseline - 15.0 * i : baseline;
            double community = optimised - (smart ? 5 : i);
            homes.add(new ProsumerData("H" + i, i < n / 2 ? "C1" : "C2", i % 3 == 0, coordinated, coordinated, false,
                    smart, coordinated, baseline, optimised, community, 100 + i, i % 3 == 0 ? 200 : 0,
                    StudyData.controllableAppliances(coordinated, coordinated, false, 2.02)));
        }
        return new ScenarioData(name, 2030, homes, 0.12, Map.of("C1", 1e9, "C2", 1e9), Optional.empty(), grid);
    }

    static StudyData study(int scenarios, int homes) {
        List<ScenarioData> list = new ArrayList<>();
        for (int s = 0; s < scenarios; s++) {
            list.add(scenario("S" + s, homes + 4 * s, Optional.empty()));
        }
        return new StudyData(list, Optional.empty(), Optional.empty(), "test study");
    }
}
