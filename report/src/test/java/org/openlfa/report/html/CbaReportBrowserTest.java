package org.openlfa.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openlfa.cba.CbaResult;

/**
 * The report in a real headless browser (Debian's chromium): it loads without console errors or network requests,
 * and the charts' SVG elements are in the rendered DOM. Also keeps a screenshot in
 * {@code target/cba-report/report.png} for a human to look at. Skipped when chromium is not installed (CI installs
 * it, see .ci/run).
 */
class CbaReportBrowserTest {

    private static final Path DIR = Path.of("target", "cba-report");
    private static Optional<String> chromium;

    @BeforeAll
    static void findChromium() {
        chromium = Optional.empty();
        for (String name : new String[]{"chromium", "chromium-browser", "google-chrome"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    chromium = Optional.of(Path.of(dir, name).toString());
                    return;
                }
            }
        }
    }

    @Test
    void theReportRendersWithItsChartsAndNoConsoleError() throws Exception {
        assumeTrue(chromium.isPresent(), "chromium is not installed");
        CbaResult cba = ReportFixtures.analysis(12, 60, true);
        Files.createDirectories(DIR);
        Path page = DIR.resolve("report.html").toAbsolutePath();
        Files.writeString(page, new CbaReport().render(cba), StandardCharsets.UTF_8);

        Run dom = chromium(page, "--dump-dom");
        assertThat(consoleMessages(dom.stderr)).as("console output of the page").isEmpty();
        assertThat(dom.stderr).doesNotContain("Failed to load resource");
        assertThat(dom.stdout).contains("<svg id=\"chart-enrolment\"", "<svg id=\"chart-revenue\"",
                "<svg id=\"chart-npv-heatmap\"", "<svg id=\"chart-tornado-BC1\"", "<svg id=\"chart-tornado-BC2\"",
                "<svg id=\"chart-tornado-BC3\"", "<svg id=\"chart-scaling\"", "id=\"feeder-map-svg\"");
        String heatMap = section(dom.stdout, "chart-npv-heatmap");
        assertThat(count(heatMap, "<rect")).isEqualTo(12 * 3);
        assertThat(count(section(dom.stdout, "chart-enrolment"), "<polyline")).isEqualTo(3);
        assertThat(count(section(dom.stdout, "chart-scaling"), "<circle")).isGreaterThanOrEqualTo(3 * 10);
        assertThat(count(section(dom.stdout, "chart-revenue"), "<rect")).isGreaterThan(12);

        Path png = DIR.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium(page, "--screenshot=" + png, "--window-size=1280,2000", "--hide-scrollbars");
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(50_000); // a blank page is a few kB
    }

    @Test
    void theConsoleCheckSeesAnError() throws Exception {
        assumeTrue(chromium.isPresent(), "chromium is not installed");
        Files.createDirectories(DIR);
        Path page = DIR.resolve("console-probe.html").toAbsolutePath();
        Files.writeString(page, "<!DOCTYPE html><html><body><script>console.error('probe-error')</script></body>"
                + "</html>");
        assertThat(consoleMessages(chromium(page, "--dump-dom").stderr)).anyMatch(m -> m.contains("probe-error"));
    }

    private record Run(String stdout, String stderr) {
    }

    private static Run chromium(Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 90 s");
            }
            return new Run(Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Chromium logs each console message of the page as a line with CONSOLE in it. */
    private static List<String> consoleMessages(String stderr) {
        return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("CONSOLE(")).toList();
    }

    private static String section(String dom, String id) {
        int start = dom.indexOf("<svg id=\"" + id + "\"");
        return start < 0 ? "" : dom.substring(start, dom.indexOf("</svg>", start));
    }

    private static int count(String text, String token) {
        Matcher m = Pattern.compile(Pattern.quote(token)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
