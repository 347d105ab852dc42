package org.openlfa.cba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.core.InputException;

/** The shipped catalogues load, and bad ones fail with the file, line and field. */
class CbaInputsTest {

    @TempDir
    Path tmp;

    @Test
    void theShippedCataloguesLoadWithASourceForEveryFigure() {
        CostCatalogue costs = CbaInputs.loadBuiltInCosts();
        assertThat(costs.prosumerCapex().energyBoxInEur()).isEqualTo(150);
        assertThat(costs.financials().horizonInYears()).isEqualTo(10);
        assertThat(costs.figures()).hasSizeGreaterThanOrEqualTo(15).allSatisfy(f -> assertThat(f.source())
                .isNotBlank());
        BusinessCases cases = CbaInputs.loadBuiltInBusinessCases();
        assertThat(cases.cases()).extracting(BusinessCase::id).containsExactly("BC1", "BC2", "BC3");
        assertThat(cases.byId("BC3").streams()).containsExactlyInAnyOrder(RevenueStream.values());
        assertThat(cases.cases()).allSatisfy(bc -> assertThat(bc.paybackLimitInYears()).isEqualTo(3));
        assertThat(cases.market().wholesaleByYear()).containsKeys(2020, 2030);
    }

    @Test
    void aMissingRequiredCostNamesTheField() throws IOException {
        Path file = costsWith("  energyBoxInEur: 150              # the CEMS gateway in the home\n", "");
        assertThatThrownBy(() -> CbaInputs.loadCosts(file)).isInstanceOf(InputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("prosumerCapex.energyBoxInEur")
                .hasMessageContaining("required");
    }

    @Test
    void aNegativePriceNamesTheFileLineAndField() throws IOException {
        Path file = costsWith("installationInEur: 120", "installationInEur: -120");
        InputException e = catchInput(() -> CbaInputs.loadCosts(file));
        assertThat(e.field()).isEqualTo("prosumerCapex.installationInEur");
        assertThat(e.line()).isEqualTo(lineOf(file, "installationInEur: -120"));
        assertThat(e.getMessage()).contains(file.toString() + ":" + e.line()).contains("0 or more");
    }

    @Test
    void aFigureWithoutASourceIsRejected() throws IOException {
        Path file = costsWith("  financial.horizonInYears: \"assumption: 10 years of operation counted\"\n", "");
        InputException e = catchInput(() -> CbaInputs.loadCosts(file));
        assertThat(e.field()).isEqualTo("financial.horizonInYears");
        assertThat(e.getMessage()).contains("a source for this figure");
    }

    @Test
    void anUnknownKeyIsRejected() throws IOException {
        Path file = costsWith("  meterIntegrationInEur: 60", "  meterIntegrationInEur: 60\n  energyBoxPrice: 99");
        InputException e = catchInput(() -> CbaInputs.loadCosts(file));
        assertThat(e.field()).isEqualTo("prosumerCapex.energyBoxPrice");
        assertThat(e.getMessage()).contains("unknown");
    }

    @Test
    void aSourceForAFieldThatDoesNotExistIsRejected() throws IOException {
        Path file = costsWith("sources:\n", "sources:\n  prosumerCapex.energyBoxPrice: \"typo\"\n");
        assertThat(catchInput(() -> CbaInputs.loadCosts(file)).field())
                .isEqualTo("sources.prosumerCapex.energyBoxPrice");
    }

    @Test
    void anUnknownRevenueStreamIsRejected() throws IOException {
        Path file = casesWith("streams: [LOCAL_TRADING, WHOLESALE]", "streams: [LOCAL_TRADING, CAPACITY_MARKET]");
        InputException e = catchInput(() -> CbaInputs.loadBusinessCases(file));
        assertThat(e.field()).isEqualTo("businessCases.BC2.streams[1]");
        assertThat(e.getMessage()).contains("CAPACITY_MARKET").contains("WHOLESALE");
    }

    @Test
    void aStreamFigureWithoutItsStreamIsRejected() throws IOException {
        Path file = casesWith("    localTradingFeeShare: 0.05\n    wholesaleLfaShare: 0.5\n  BC3:",
                "    localTradingFeeShare: 0.05\n    wholesaleLfaShare: 0.5\n    uc1SavingShare: 0.5\n  BC3:");
        assertThat(catchInput(() -> CbaInputs.loadBusinessCases(file)).field())
                .isEqualTo("businessCases.BC2.uc1SavingShare");
    }

    @Test
    void aShareAboveOneIsRejected() throws IOException {
        Path file = casesWith("captureFactor: 0.5", "captureFactor: 1.5");
        assertThat(catchInput(() -> CbaInputs.loadBusinessCases(file)).field()).isEqualTo("wholesale.captureFactor");
    }

    @Test
    void anUnknownBusinessCaseIsRejected() {
        BusinessCases cases = CbaInputs.loadBuiltInBusinessCases();
        assertThatThrownBy(() -> cases.only(List.of("BC1", "BC4"))).isInstanceOf(InputException.class)
                .hasMessageContaining("unknown business case 'BC4'").hasMessageContaining("BC1, BC2, BC3");
        assertThat(cases.only(List.of("bc2")).cases()).extracting(BusinessCase::id).containsExactly("BC2");
    }

    @Test
    void aMissingFileAndBrokenYamlAreBadInput() throws IOException {
        assertThat(catchInput(() -> CbaInputs.loadCosts(tmp.resolve("nope.yaml"))).getMessage()).contains("nope.yaml");
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "prosumerCapex: [1, 2\n");
        assertThat(catchInput(() -> CbaInputs.loadCosts(broken)).getMessage()).contains("broken.yaml");
    }

    private Path costsWith(String from, String to) throws IOException {
        return edited(CbaInputs.BUILT_IN_COSTS, "costs.yaml", from, to);
    }

    private Path casesWith(String from, String to) throws IOException {
        return edited(CbaInputs.BUILT_IN_CASES, "cases.yaml", from, to);
    }

    private Path edited(String resource, String name, String from, String to) throws IOException {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).contains(from);
        Path file = tmp.resolve(name);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        return file;
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static InputException catchInput(Runnable r) {
        try {
            r.run();
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("expected an InputException");
    }
}
