package org.openlfa.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openlfa.cba.CbaInputs;
import org.openlfa.cba.CbaResult;
import org.openlfa.cba.CostBenefitAnalysis;
import org.openlfa.cba.GridFigures;
import org.openlfa.cba.ProsumerData;
import org.openlfa.cba.ScenarioData;
import org.openlfa.cba.StudyData;

/** A small made-up study and its analysis, for the report tests. */
final class ReportFixtures {

    static final String FEEDER_MAP = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "id=\"feeder-map-svg\" viewBox=\"0 0 100 50\" width=\"400\" height=\"200\"><line x1=\"5\" y1=\"25\" "
            + "x2=\"95\" y2=\"25\" stroke=\"black\"/><script>alert('x')</script></svg>";

    private ReportFixtures() {
    }

    static CbaResult analysis(int scenarios, int homes, boolean gridStudy) {
        List<ScenarioData> list = new ArrayList<>();
        for (int s = 0; s < scenarios; s++) {
            List<ProsumerData> rows = new ArrayList<>();
            for (int i = 0; i < homes; i++) {
                boolean smart = i % 2 == 0;
                boolean coordinated = i % 4 == 0;
                double optimised = smart ? 1000 - (10 + 4 * s) * i : 1000;
                rows.add(new ProsumerData("H" + i, i < homes / 2 ? "C1" : "C2", i % 3 == 0, coordinated, coordinated,
                        false, smart, coordinated, 1000, optimised, optimised - (smart ? 5 : i), 50, i % 3 == 0 ? 80 : 0,
                        2.02 + (coordinated ? 2 : 0)));
            }
            String name = (s < scenarios / 2 ? "2020" : "2030") + "Case-" + s;
            Optional<GridFigures> grid = gridStudy ? Optional.of(new GridFigures(name, 500, 300 * s, 4000, 800 * s))
                    : Optional.empty();
            list.add(new ScenarioData(name, s < scenarios / 2 ? 2020 : 2030, rows, 0.11, Map.of(), Optional.empty(),
                    grid));
        }
        StudyData study = new StudyData(list, gridStudy ? Optional.of("grid.csv") : Optional.empty(),
                gridStudy ? Optional.of(FEEDER_MAP) : Optional.empty(), "test study");
        return CostBenefitAnalysis.run(study, CbaInputs.loadBuiltInCosts(), CbaInputs.loadBuiltInBusinessCases(),
                null);
    }
}
