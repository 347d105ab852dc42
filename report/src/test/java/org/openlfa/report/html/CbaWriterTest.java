package org.openlfa.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.cba.CbaResult;

/** The three output files: columns, rows, a self-contained page. */
class CbaWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheCsvFilesAndTheReport() throws IOException {
        CbaResult cba = ReportFixtures.analysis(4, 40, false);
        Path out = tmp.resolve("cba");
        new CbaWriter().write(out, cba);
        List<String> cases = Files.readAllLines(out.resolve("cba.csv"));
        assertThat(cases.get(0)).isEqualTo("business_case,scenario,prosumers_involved,share_involved_pct,"
                + "value_exchanged_eur,lfa_revenue_eur,capex_eur,opex_eur_per_year,npv_eur,irr_pct,payback_years");
        assertThat(cases).hasSize(1 + 3 * 4);
        assertThat(cases.get(1)).startsWith("BC1,2020Case-0,");
        List<String> homes = Files.readAllLines(out.resolve("cba_prosumers.csv"));
        assertThat(homes.get(0)).isEqualTo("business_case,scenario,household,eligible,enrolled,capex_eur,"
                + "annual_value_eur,annual_opex_eur,payback_years");
        assertThat(homes).hasSize(1 + 3 * 4 * 40);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"chart-enrolment\"", "id=\"chart-revenue\"", "id=\"chart-npv-heatmap\"",
                "id=\"chart-tornado-BC1\"", "id=\"chart-scaling\"", "feeder_map.svg", "counts zero");
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("cba");
        }
    }

    @Test
    void thePageLoadsNothingFromElsewhereAndEmbedsTheFeederMapWithoutItsScript() {
        String html = new CbaReport().render(ReportFixtures.analysis(2, 20, true));
        Matcher urls = Pattern.compile("(https?:)?//[^\"' <)]+").matcher(html);
        while (urls.find()) {
            assertThat(urls.group()).as("only the SVG namespace may look like a URL")
                    .isEqualTo("http://www.w3.org/2000/svg");
        }
        assertThat(html).doesNotContain("<script", "<link", "<img", "@import").contains("id=\"feeder-map-svg\"")
                .doesNotContain("counts zero");
    }

    @Test
    void cleanSvgDropsPrologAndHandlers() {
        assertThat(CbaReport.cleanSvg("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg onload=\"x()\"><g/></svg>"))
                .isEqualTo("<svg><g/></svg>");
        assertThat(CbaReport.cleanSvg("not svg")).isEmpty();
    }
}
