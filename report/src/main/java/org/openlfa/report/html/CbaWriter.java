package org.openlfa.report.html;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Locale;
import org.openlfa.cba.CaseResult;
import org.openlfa.cba.CbaResult;
import org.openlfa.cba.ProsumerOutcome;
import org.openlfa.core.AtomicFiles;

/**
 * Writes a cost-benefit analysis: {@code cba.csv} (one row per business case and scenario),
 * {@code cba_prosumers.csv} (one row per business case, scenario and household) and {@code report.html}. Everything
 * is staged beside the output folder and moved into place at the end, so a failure leaves the previous output.
 *
 * <pre>{@code
 * new CbaWriter().write(Path.of("cba"), CostBenefitAnalysis.run(study, costs, cases, null));
 * }</pre>
 */
public final class CbaWriter {

    /** Columns of {@code cba.csv}. */
    public static final String CBA_HEADER = "business_case,scenario,prosumers_involved,share_involved_pct,"
            + "value_exchanged_eur,lfa_revenue_eur,capex_eur,opex_eur_per_year,npv_eur,irr_pct,payback_years";

    /** Columns of {@code cba_prosumers.csv}. */
    public static final String PROSUMER_HEADER = "business_case,scenario,household,eligible,enrolled,capex_eur,"
            + "annual_value_eur,annual_opex_eur,payback_years";

    /** Writes the three files into {@code outDir}, replacing it as a whole. */
    public void write(Path outDir, CbaResult cba) {
        write(outDir, cba, Optional.empty());
    }

    /**
     * Writes the three files into {@code outDir}, replacing it as a whole, with the study the analysis ran on moved
     * in as {@code study/} (when the CBA ran its own study).
     */
    public void write(Path outDir, CbaResult cba, Optional<Path> studyFolder) {
        Path staging = AtomicFiles.stagingFolderFor(outDir);
        try {
            if (studyFolder.isPresent()) {
                Files.move(studyFolder.get(), staging.resolve("study"));
            }
            writeCases(staging.resolve("cba.csv"), cba);
            writeProsumers(staging.resolve("cba_prosumers.csv"), cba);
            Files.writeString(staging.resolve("report.html"), new CbaReport().render(cba), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.discard(staging);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot write the CBA results", io);
            }
            throw (RuntimeException) e;
        }
        AtomicFiles.commit(staging, outDir);
    }

    private static void writeCases(Path file, CbaResult cba) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(CBA_HEADER);
            w.newLine();
            for (CaseResult r : cba.results()) {
                w.write(String.join(",", r.businessCase(), r.scenario(), Integer.toString(r.prosumersInvolved()),
                        fixed(r.shareInvolvedPct(), 1), fixed(r.valueExchangedInEur(), 2),
                        fixed(r.lfaRevenueInEur(), 2), fixed(r.capexInEur(), 2), fixed(r.opexInEurPerYear(), 2),
                        fixed(r.npvInEur(), 2), fixed(r.irrPct(), 2), fixed(r.paybackInYears(), 2)));
                w.newLine();
            }
        }
    }

    private static void writeProsumers(Path file, CbaResult cba) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(PROSUMER_HEADER);
            w.newLine();
            for (CaseResult r : cba.results()) {
                for (ProsumerOutcome p : r.prosumers()) {
                    w.write(String.join(",", p.businessCase(), p.scenario(), p.household(), p.eligible() ? "1" : "0",
                            p.enrolled() ? "1" : "0", fixed(p.capexInEur(), 2), fixed(p.annualValueInEur(), 2),
                            fixed(p.annualOpexInEur(), 2), fixed(p.paybackInYears(), 2)));
                    w.newLine();
                }
            }
        }
    }

    /** A number with fixed decimals; empty for NaN (no IRR, no payback within the horizon). */
    private static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "";
    }
}
