package org.openlfa.report.html;

import static org.openlfa.report.html.Svg.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openlfa.cba.BreakEven;
import org.openlfa.cba.BusinessCase;
import org.openlfa.cba.CaseResult;
import org.openlfa.cba.CbaResult;
import org.openlfa.cba.ProsumerOutcome;
import org.openlfa.cba.RevenueStream;
import org.openlfa.cba.ScenarioData;
import org.openlfa.cba.Scaling;
import org.openlfa.cba.Tornado;
import org.openlfa.cba.TornadoBar;
import org.openlfa.core.yaml.Figure;

/**
 * The cost-benefit analysis as one self-contained HTML page: the answer first (which business case pays in which
 * scenario, and why), then the charts as inline SVG (enrolment against payback, revenue by stream, NPV heat map,
 * tornados, scaling curve, feeder map), the result tables, and every input with its source. No script, no font, no
 * image from elsewhere: the page opens offline.
 *
 * <pre>{@code
 * String html = new CbaReport().render(cbaResult);
 * }</pre>
 */
public final class CbaReport {

    private static final String[] CASE_COLOURS = {"#1f77b4", "#e6550d", "#2ca02c", "#9467bd", "#8c564b"};
    private static final String[] STREAM_COLOURS = {"#4c78a8", "#9ecae9", "#f58518", "#54a24b", "#b279a2",
        "#e45756"};
    private static final String AXIS = "#555";
    private static final String GRID = "#ddd";

    /** Renders the page. */
    public String render(CbaResult cba) {
        StringBuilder h = new StringBuilder(200_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>OpenLFA cost-benefit analysis</title><style>").append(CSS).append("</style></head>")
                .append("<body><main>");
        h.append("<h1>Does local flexibility pay? Cost-benefit analysis of three business cases</h1>");
        h.append("<p class=\"meta\">Study: ").append(esc(cba.study().origin())).append(" &middot; ")
                .append(cba.study().scenarios().size()).append(" scenarios &middot; one LVG of ")
                .append(households(cba)).append(" homes &middot; money in EUR (GBP 1 = EUR 1) &middot; NPV over ")
                .append(cba.costs().financials().horizonInYears()).append(" years at ")
                .append(pct(100 * cba.costs().financials().discountRate())).append(" &middot; reference scenario ")
                .append(esc(cba.referenceScenario())).append("</p>");
        answer(h, cba);
        h.append("<h2>Enrolment against payback</h2><p>Homes each case may sign up (and that would gain), by the "
                + "discounted payback of their own equipment, in ").append(esc(cba.referenceScenario()))
                .append(". Only those left of the dashed limit are signed up.</p>");
        h.append(enrolmentChart(cba));
        h.append("<h2>LFA revenue by stream</h2><p>Year-1 revenue on one LVG, per scenario and business case.</p>");
        h.append(revenueChart(cba));
        h.append("<h2>NPV heat map</h2><p>NPV of the LFA on one LVG (per-LVG platform costs included, central "
                + "platform costs not: see the scaling).</p>");
        h.append(heatMap(cba));
        h.append("<h2>Sensitivity: what moves the NPV</h2><p>Each input moved by &plusmn;")
                .append(pct(100 * cba.cases().market().sensitivityVariation())).append(" with the others kept, in ")
                .append(esc(cba.referenceScenario())).append("; widest bar first.</p><div class=\"row\">");
        for (Tornado t : cba.tornados()) {
            h.append("<div>").append(tornadoChart(t, caseIndex(cba, t.businessCase()))).append("</div>");
        }
        h.append("</div>");
        breakEvenTable(h, cba);
        h.append("<h2>Scaling: N LVGs</h2><p>The reference LVG repeated N times; the central platform (present value "
                + "EUR ").append(money(centralPv(cba))).append(") is carried once.</p>");
        h.append(scalingChart(cba));
        poolTable(h, cba);
        h.append("<h2>Feeder map</h2>");
        feederMap(h, cba);
        h.append("<h2>All results</h2>");
        resultsTable(h, cba);
        h.append("<h2>Inputs and sources</h2>");
        inputs(h, cba);
        h.append("</main></body></html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------------------------------------ the answer

    private void answer(StringBuilder h, CbaResult cba) {
        h.append("<section id=\"answer\"><h2>The answer</h2>");
        List<String> anyPays = new ArrayList<>();
        for (BusinessCase bc : cba.cases().cases()) {
            List<CaseResult> rs = results(cba, bc.id());
            List<CaseResult> paying = rs.stream().filter(CaseResult::pays).toList();
            CaseResult best = rs.stream().max(Comparator.comparingDouble(CaseResult::npvInEur)).orElseThrow();
            h.append("<div class=\"verdict ").append(paying.isEmpty() ? "no" : "yes").append("\"><h3>")
                    .append(esc(bc.id())).append(" &mdash; ").append(esc(bc.name())).append("</h3><p>");
            if (paying.isEmpty()) {
                h.append("<b>Does not pay in any scenario.</b> ");
                h.append("Closest: ").append(esc(best.scenario())).append(", NPV EUR ").append(money(best.npvInEur()))
                        .append(". ").append(why(best, bc));
            } else {
                anyPays.add(bc.id());
                h.append("<b>Pays on one LVG in ").append(paying.size()).append(" of ").append(rs.size())
                        .append(" scenarios</b>: ").append(esc(String.join(", ", paying.stream()
                                .map(CaseResult::scenario).toList()))).append(". Best: ").append(esc(best.scenario()))
                        .append(", NPV EUR ").append(money(best.npvInEur())).append(", IRR ")
                        .append(pct(best.irrPct())).append(", discounted payback ").append(years(best.paybackInYears()))
                        .append(". ").append(why(best, bc));
                Optional<Scaling> sc = cba.scaling(bc.id(), best.scenario());
                sc.ifPresent(s -> h.append(" With the central platform it needs at least ")
                        .append(String.format(Locale.ROOT, "%,d", s.breakEvenLvgs())).append(" such LVGs (about ")
                        .append(String.format(Locale.ROOT, "%,d", s.breakEvenLvgs() * best.households()))
                        .append(" homes) to pay as a company."));
            }
            List<CaseResult> notPaying = rs.stream().filter(r -> !r.pays() && r.prosumersInvolved() == 0).toList();
            if (!notPaying.isEmpty()) {
                h.append(" In ").append(notPaying.size()).append(" scenario(s) no home repays its equipment within ")
                        .append(num(bc.paybackLimitInYears())).append(" years, so the LFA does not launch.");
            }
            tornadoSentence(h, cba, bc);
            h.append("</p></div>");
        }
        h.append("<p class=\"summary\">");
        if (anyPays.isEmpty()) {
            h.append("No business case pays on one LVG with the catalogue's figures; the break-even values below say "
                    + "what would have to change.");
        } else {
            List<String> where = cba.study().scenarios().stream().map(ScenarioData::scenario)
                    .filter(sc -> cba.results().stream().anyMatch(r -> r.scenario().equals(sc) && r.pays())).toList();
            h.append("In short: ").append(esc(String.join(" and ", anyPays))).append(" can pay on one LVG, in ")
                    .append(where.size()).append(" of ").append(cba.study().scenarios().size())
                    .append(" scenarios (").append(esc(String.join(", ", where))).append("): where homes have "
                            + "flexible assets and an energy box and the UC1 saving is large enough to repay it; "
                            + "as a company it pays only at the scale shown below.");
        }
        if (cba.study().gridFile().isEmpty()) {
            h.append(" <b>The DSO figures (grid.csv) were not in the study: the DSO stream (UC3) counts zero</b>, so "
                    + "BC3 is shown without the DSO buying flexibility.");
        }
        h.append("</p></section>");
    }

    private static String why(CaseResult r, BusinessCase bc) {
        if (r.prosumersInvolved() == 0) {
            return "No home repays its equipment within " + num(bc.paybackLimitInYears()) + " years.";
        }
        Map.Entry<RevenueStream, Double> top = r.lfaRevenueByStreamInEur().entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow();
        String streams = r.lfaRevenueInEur() > 0 ? ", " + pct(100 * top.getValue() / r.lfaRevenueInEur()) + " from "
                + top.getKey().label() : "";
        return r.prosumersInvolved() + " homes signed up (" + pct(r.shareInvolvedPct()) + " of the LVG) bring EUR "
                + money(r.lfaRevenueInEur()) + " a year" + streams + ", against CAPEX EUR " + money(r.capexInEur())
                + " and OPEX EUR " + money(r.opexInEurPerYear()) + " a year; the prosumers keep EUR "
                + money(r.prosumerNetBenefitInEurPerYear()) + " a year.";
    }

    private static void tornadoSentence(StringBuilder h, CbaResult cba, BusinessCase bc) {
        cba.tornados().stream().filter(t -> t.businessCase().equals(bc.id())).findFirst()
                .filter(t -> !t.bars().isEmpty()).ifPresent(t -> h.append(" Its NPV is most sensitive to the ")
                        .append(esc(t.bars().get(0).input())).append(" (EUR ").append(money(t.bars().get(0)
                                .swingInEur())).append(" swing in ").append(esc(t.scenario())).append(")."));
    }

    // ------------------------------------------------------------------------------------------------ charts

    private String enrolmentChart(CbaResult cba) {
        int w = 760;
        int hgt = 340;
        double left = 60;
        double right = w - 170;
        double top = 20;
        double bottom = hgt - 45;
        int horizon = cba.costs().financials().horizonInYears();
        int maxCount = 1;
        for (BusinessCase bc : cba.cases().cases()) {
            maxCount = Math.max(maxCount, (int) reference(cba, bc.id()).map(CaseResult::prosumersEligible).orElse(0));
        }
        Svg s = new Svg("chart-enrolment", "Enrolment against payback", w, hgt);
        axes(s, left, right, top, bottom, 0, horizon, 0, maxCount, "discounted payback of the home's equipment (years)",
                "homes", false);
        int i = 0;
        for (BusinessCase bc : cba.cases().cases()) {
            Optional<CaseResult> r = reference(cba, bc.id());
            if (r.isEmpty()) {
                continue;
            }
            List<Double> paybacks = r.get().prosumers().stream().filter(ProsumerOutcome::eligible)
                    .map(ProsumerOutcome::paybackInYears).filter(p -> !p.isNaN() && p <= horizon).sorted().toList();
            List<Double> xs = new ArrayList<>(List.of(left));
            List<Double> ys = new ArrayList<>(List.of(bottom));
            for (int k = 0; k < paybacks.size(); k++) {
                double x = left + (right - left) * paybacks.get(k) / horizon;
                xs.add(x);
                ys.add(bottom - (bottom - top) * k / maxCount);
                xs.add(x);
                ys.add(bottom - (bottom - top) * (k + 1) / maxCount);
            }
            xs.add(right);
            ys.add(ys.get(ys.size() - 1));
            String colour = CASE_COLOURS[i % CASE_COLOURS.length];
            s.polyline(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), colour, 2.2);
            double lx = left + (right - left) * Math.min(bc.paybackLimitInYears(), horizon) / horizon;
            s.line(lx, top, lx, bottom, colour, 1.2, true);
            s.rect(right + 15, top + 10 + 44 * i, 14, 14, colour, null);
            s.text(right + 34, top + 21 + 44 * i, bc.id() + ": " + r.get().prosumersInvolved() + " signed up", "start",
                    12, "#222");
            s.text(right + 34, top + 36 + 44 * i, "of " + r.get().prosumersEligible() + " eligible, limit "
                    + num(bc.paybackLimitInYears()) + " y", "start", 11, AXIS);
            i++;
        }
        return s.end();
    }

    private String revenueChart(CbaResult cba) {
        List<String> scenarios = cba.study().scenarios().stream().map(ScenarioData::scenario).toList();
        List<BusinessCase> cases = cba.cases().cases();
        int w = 1000;
        int hgt = 380;
        double left = 70;
        double right = w - 20;
        double top = 50;
        double bottom = hgt - 60;
        double max = 1;
        for (CaseResult r : cba.results()) {
            max = Math.max(max, r.lfaRevenueInEur());
        }
        max = niceCeil(max);
        Svg s = new Svg("chart-revenue", "LFA revenue by stream", w, hgt);
        axes(s, left, right, top, bottom, 0, 0, 0, max, null, "EUR / year", false);
        double group = (right - left) / Math.max(scenarios.size(), 1);
        double bar = Math.min(22, (group - 8) / Math.max(cases.size(), 1));
        for (int g = 0; g < scenarios.size(); g++) {
            String scenario = scenarios.get(g);
            double gx = left + g * group + (group - bar * cases.size()) / 2;
            for (int c = 0; c < cases.size(); c++) {
                Optional<CaseResult> r = cba.result(cases.get(c).id(), scenario);
                double y = bottom;
                for (RevenueStream stream : RevenueStream.values()) {
                    double v = r.map(x -> x.lfaRevenueByStreamInEur().getOrDefault(stream, 0.0)).orElse(0.0);
                    if (v <= 0) {
                        continue;
                    }
                    double hh = (bottom - top) * v / max;
                    s.rect(gx + c * bar, y - hh, bar - 2, hh, STREAM_COLOURS[stream.ordinal()],
                            cases.get(c).id() + " " + scenario + ": " + stream.label() + " EUR " + money(v));
                    y -= hh;
                }
                s.text(gx + c * bar + bar / 2 - 1, bottom + 12, cases.get(c).id().replace("BC", ""), "middle", 9, AXIS);
            }
            String[] parts = scenario.split("-", 2);
            s.text(left + g * group + group / 2, bottom + 27, parts[0], "middle", 10, "#222");
            if (parts.length > 1) {
                s.text(left + g * group + group / 2, bottom + 40, parts[1], "middle", 10, "#222");
            }
        }
        double lx = left;
        for (RevenueStream stream : RevenueStream.values()) {
            s.rect(lx, 14, 12, 12, STREAM_COLOURS[stream.ordinal()], null);
            s.text(lx + 16, 24, stream.label(), "start", 11, "#222");
            lx += 20 + 7 * stream.label().length();
        }
        s.text(left, bottom + 54, "bars per scenario: business case 1, 2, 3", "start", 10, AXIS);
        return s.end();
    }

    private String heatMap(CbaResult cba) {
        List<String> scenarios = cba.study().scenarios().stream().map(ScenarioData::scenario).toList();
        List<BusinessCase> cases = cba.cases().cases();
        double cellW = 150;
        double cellH = 26;
        double left = 140;
        double top = 40;
        int w = (int) (left + cellW * cases.size() + 20);
        int hgt = (int) (top + cellH * scenarios.size() + 30);
        double max = 1;
        for (CaseResult r : cba.results()) {
            max = Math.max(max, Math.abs(r.npvInEur()));
        }
        Svg s = new Svg("chart-npv-heatmap", "NPV heat map, scenarios x business cases", w, hgt);
        for (int c = 0; c < cases.size(); c++) {
            s.bold(left + c * cellW + cellW / 2, top - 12, cases.get(c).id(), "middle", 13);
        }
        for (int i = 0; i < scenarios.size(); i++) {
            s.text(left - 8, top + i * cellH + cellH / 2 + 4, scenarios.get(i), "end", 12, "#222");
            for (int c = 0; c < cases.size(); c++) {
                Optional<CaseResult> r = cba.result(cases.get(c).id(), scenarios.get(i));
                double npv = r.map(CaseResult::npvInEur).orElse(0.0);
                boolean launched = r.map(x -> x.prosumersInvolved() > 0).orElse(false);
                String fill = launched ? diverging(npv / max) : "#eeeeee";
                s.rect(left + c * cellW + 1, top + i * cellH + 1, cellW - 2, cellH - 2, fill, cases.get(c).id() + " "
                        + scenarios.get(i) + ": NPV EUR " + money(npv));
                s.text(left + c * cellW + cellW / 2, top + i * cellH + cellH / 2 + 4, launched ? money(npv)
                        : "not launched", "middle", 11, Math.abs(npv / max) > 0.6 ? "#fff" : "#111");
            }
        }
        s.text(left, hgt - 8, "green: pays (NPV > 0), red: loses; grey: nobody repays within the limit", "start", 11,
                AXIS);
        return s.end();
    }

    private String tornadoChart(Tornado t, int caseIndex) {
        int w = 560;
        double rowH = 24;
        double left = 260;
        double right = w - 20;
        double top = 40;
        int hgt = (int) (top + rowH * Math.max(t.bars().size(), 1) + 58);
        double lo = t.baseNpvInEur();
        double hi = t.baseNpvInEur();
        for (TornadoBar b : t.bars()) {
            lo = Math.min(lo, Math.min(b.npvLowInEur(), b.npvHighInEur()));
            hi = Math.max(hi, Math.max(b.npvLowInEur(), b.npvHighInEur()));
        }
        double pad = Math.max((hi - lo) * 0.08, 1);
        lo -= pad;
        hi += pad;
        Svg s = new Svg("chart-tornado-" + t.businessCase(), "NPV tornado " + t.businessCase(), w, hgt);
        s.bold(10, 18, t.businessCase() + " — NPV EUR " + money(t.baseNpvInEur()) + " (" + t.scenario() + ")",
                "start", 13);
        double fLo = lo;
        double fHi = hi;
        java.util.function.DoubleUnaryOperator x = v -> left + (right - left) * (v - fLo) / (fHi - fLo);
        if (lo < 0 && hi > 0) {
            s.line(x.applyAsDouble(0), top - 6, x.applyAsDouble(0), top + rowH * t.bars().size(), "#999", 1, true);
        }
        double base = x.applyAsDouble(t.baseNpvInEur());
        for (int i = 0; i < t.bars().size(); i++) {
            TornadoBar b = t.bars().get(i);
            double y = top + i * rowH;
            double xl = x.applyAsDouble(b.npvLowInEur());
            double xh = x.applyAsDouble(b.npvHighInEur());
            s.rect(Math.min(base, xl), y + 3, Math.abs(xl - base), rowH - 6, "#6baed6",
                    b.input() + " " + num(b.lowValue()) + ": NPV EUR " + money(b.npvLowInEur()));
            s.rect(Math.min(base, xh), y + 3, Math.abs(xh - base), rowH - 6, "#fd8d3c",
                    b.input() + " " + num(b.highValue()) + ": NPV EUR " + money(b.npvHighInEur()));
            s.text(left - 6, y + rowH / 2 + 4, b.input(), "end", 11, "#222");
        }
        s.line(base, top - 6, base, top + rowH * t.bars().size(), CASE_COLOURS[caseIndex % CASE_COLOURS.length], 2,
                false);
        double yb = top + rowH * t.bars().size() + 18;
        s.text(left, yb, "EUR " + money(lo), "start", 10, AXIS);
        s.text(right, yb, "EUR " + money(hi), "end", 10, AXIS);
        s.rect(left, yb + 9, 10, 10, "#6baed6", null).text(left + 14, yb + 18, "input -" + pct(100 * t.variation()),
                "start", 10, AXIS);
        s.rect(left + 100, yb + 9, 10, 10, "#fd8d3c", null).text(left + 114, yb + 18, "input +"
                + pct(100 * t.variation()), "start", 10, AXIS);
        return s.end();
    }

    private String scalingChart(CbaResult cba) {
        int w = 760;
        int hgt = 370;
        double left = 80;
        double right = w - 170;
        double top = 30;
        double bottom = hgt - 50;
        List<Scaling> curves = cba.cases().cases().stream()
                .map(bc -> cba.scaling(bc.id(), cba.referenceScenario())).flatMap(Optional::stream).toList();
        // The y range follows the cases that pay at some scale (a case that never pays falls steeply and would
        // flatten the others); a curve outside the range runs along the chart's edge.
        boolean anyPays = curves.stream().anyMatch(sc -> sc.breakEvenLvgs() > 0);
        double lo = 0;
        double hi = 0;
        long maxN = 1;
        for (Scaling sc : curves) {
            for (Scaling.Point p : sc.points()) {
                maxN = Math.max(maxN, p.lvgs());
                if (!anyPays || sc.breakEvenLvgs() > 0) {
                    lo = Math.min(lo, p.npvInEur());
                    hi = Math.max(hi, p.npvInEur());
                }
            }
        }
        double span = Math.max(hi - lo, 1);
        lo -= span * 0.05;
        hi += span * 0.05;
        Svg s = new Svg("chart-scaling", "Scaling curve: NPV against the number of LVGs", w, hgt);
        double logMax = Math.log10(maxN);
        double fLo = lo;
        double fHi = hi;
        java.util.function.DoubleUnaryOperator y = v -> bottom - (bottom - top)
                * (Math.max(fLo, Math.min(fHi, v)) - fLo) / (fHi - fLo);
        java.util.function.LongToDoubleFunction x = n -> left + (right - left) * Math.log10(n) / logMax;
        s.line(left, top, left, bottom, AXIS, 1, false).line(left, bottom, right, bottom, AXIS, 1, false);
        for (long n : new long[]{1, 10, 100, 1000}) {
            if (n <= maxN) {
                s.line(x.applyAsDouble(n), top, x.applyAsDouble(n), bottom, GRID, 1, false);
                s.text(x.applyAsDouble(n), bottom + 16, String.format(Locale.ROOT, "%,d", n), "middle", 11, AXIS);
            }
        }
        s.text(x.applyAsDouble(maxN), bottom + 16, String.format(Locale.ROOT, "%,d", maxN), "middle", 11, AXIS);
        s.text((left + right) / 2, bottom + 36, "LVGs (log scale; " + String.format(Locale.ROOT, "%,d", maxN)
                + " LVGs of " + households(cba) + " homes is about a million homes)", "middle", 11, AXIS);
        for (int k = 0; k <= 4; k++) {
            double v = lo + (hi - lo) * k / 4;
            s.line(left, y.applyAsDouble(v), right, y.applyAsDouble(v), GRID, 1, false);
            s.text(left - 6, y.applyAsDouble(v) + 4, millions(v), "end", 11, AXIS);
        }
        if (lo < 0 && hi > 0) {
            s.line(left, y.applyAsDouble(0), right, y.applyAsDouble(0), "#333", 1.2, true);
        }
        s.text(8, top - 8, "NPV (EUR)", "start", 11, AXIS);
        for (int i = 0; i < curves.size(); i++) {
            Scaling sc = curves.get(i);
            String colour = CASE_COLOURS[caseIndex(cba, sc.businessCase()) % CASE_COLOURS.length];
            double[] xs = sc.points().stream().mapToDouble(p -> x.applyAsDouble(p.lvgs())).toArray();
            double[] ys = sc.points().stream().mapToDouble(p -> y.applyAsDouble(p.npvInEur())).toArray();
            s.polyline(xs, ys, colour, 2.2);
            for (int k = 0; k < xs.length; k++) {
                Scaling.Point p = sc.points().get(k);
                s.circle(xs[k], ys[k], 3, colour, sc.businessCase() + " at " + p.lvgs() + " LVGs: NPV EUR "
                        + money(p.npvInEur()) + ", " + p.prosumersInvolved() + " homes");
            }
            s.rect(right + 15, top + 10 + 44 * i, 14, 14, colour, null);
            s.text(right + 34, top + 21 + 44 * i, sc.businessCase(), "start", 12, "#222");
            s.text(right + 34, top + 36 + 44 * i, sc.breakEvenLvgs() > 0 ? "pays from " + String.format(Locale.ROOT,
                    "%,d", sc.breakEvenLvgs()) + " LVGs" : "never pays", "start", 11, AXIS);
        }
        return s.end();
    }

    private static void axes(Svg s, double left, double right, double top, double bottom, double x0, double x1,
                             double y0, double y1, String xLabel, String yLabel, boolean ignored) {
        s.line(left, top, left, bottom, AXIS, 1, false).line(left, bottom, right, bottom, AXIS, 1, false);
        for (int k = 0; k <= 4; k++) {
            double v = y0 + (y1 - y0) * k / 4;
            double yy = bottom - (bottom - top) * k / 4;
            s.line(left, yy, right, yy, GRID, 1, false);
            s.text(left - 6, yy + 4, y1 - y0 >= 20 ? money(v) : num(v), "end", 11, AXIS);
        }
        if (x1 > x0) {
            for (int k = (int) x0; k <= (int) x1; k++) {
                double xx = left + (right - left) * (k - x0) / (x1 - x0);
                s.text(xx, bottom + 16, Integer.toString(k), "middle", 11, AXIS);
            }
        }
        if (xLabel != null) {
            s.text((left + right) / 2, bottom + 36, xLabel, "middle", 11, AXIS);
        }
        s.text(8, top - 6 < 10 ? 12 : top - 6, yLabel, "start", 11, AXIS);
    }

    // ------------------------------------------------------------------------------------------------ tables

    private void breakEvenTable(StringBuilder h, CbaResult cba) {
        h.append("<h3>Break-even values</h3><p>The highest energy-box price (EUR) at which the case still pays, and the "
                + "lowest share of the UC1 saving the LFA must keep for it to pay (catalogue: energy box EUR ")
                .append(money(cba.costs().prosumerCapex().energyBoxInEur()))
                .append("). &ldquo;none&rdquo;: no value makes it pay.</p><table class=\"num\"><tr><th>scenario</th>");
        for (BusinessCase bc : cba.cases().cases()) {
            h.append("<th>").append(esc(bc.id())).append(" box price</th>");
            if (bc.runs(RevenueStream.UC1_SAVING_SHARE)) {
                h.append("<th>").append(esc(bc.id())).append(" saving share</th>");
            }
        }
        h.append("</tr>");
        for (ScenarioData sd : cba.study().scenarios()) {
            h.append("<tr><td>").append(esc(sd.scenario())).append("</td>");
            for (BusinessCase bc : cba.cases().cases()) {
                Optional<BreakEven> b = cba.breakEven(bc.id(), sd.scenario());
                double p = b.map(BreakEven::energyBoxPriceInEur).orElse(Double.NaN);
                h.append("<td>").append(Double.isNaN(p) ? "none" : Double.isInfinite(p) ? "any &le; "
                        + money(BreakEven.SEARCH_LIMIT_IN_EUR) : money(p)).append("</td>");
                if (bc.runs(RevenueStream.UC1_SAVING_SHARE)) {
                    double share = b.map(BreakEven::uc1SavingShare).orElse(Double.NaN);
                    h.append("<td>").append(Double.isNaN(share) ? "none" : pct(100 * share)).append("</td>");
                }
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private void poolTable(StringBuilder h, CbaResult cba) {
        h.append("<h3>Pool of participants for a turnover target</h3><p>A turnover of EUR ")
                .append(money(cba.cases().market().turnoverTargetInEurPerYear()))
                .append(" a year needs this many LVGs like the reference one, i.e. this pool of potential "
                        + "participants.</p><table class=\"num\"><tr><th>scenario</th>");
        for (BusinessCase bc : cba.cases().cases()) {
            h.append("<th>").append(esc(bc.id())).append(" LVGs</th><th>").append(esc(bc.id()))
                    .append(" pool (homes)</th><th>").append(esc(bc.id())).append(" signed up</th>");
        }
        h.append("</tr>");
        for (ScenarioData sd : cba.study().scenarios()) {
            h.append("<tr><td>").append(esc(sd.scenario())).append("</td>");
            for (BusinessCase bc : cba.cases().cases()) {
                Optional<Scaling> sc = cba.scaling(bc.id(), sd.scenario());
                if (sc.isEmpty() || sc.get().lvgsForTarget() == 0) {
                    h.append("<td>&ndash;</td><td>no revenue</td><td>&ndash;</td>");
                } else {
                    h.append("<td>").append(String.format(Locale.ROOT, "%,d", sc.get().lvgsForTarget()))
                            .append("</td><td>").append(String.format(Locale.ROOT, "%,d", sc.get().poolForTarget()))
                            .append("</td><td>").append(String.format(Locale.ROOT, "%,d",
                                    sc.get().enrolledForTarget())).append("</td>");
                }
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private void feederMap(StringBuilder h, CbaResult cba) {
        h.append("<div id=\"feeder-map\">");
        Optional<String> svg = cba.study().feederMapSvg().map(CbaReport::cleanSvg).filter(x -> x.contains("<svg"));
        if (svg.isPresent()) {
            h.append(svg.get());
        } else {
            h.append("<p class=\"placeholder\">The feeder map appears here when the grid study has written "
                    + "<code>feeder_map.svg</code> into the study folder.</p>");
        }
        h.append("</div>");
    }

    /** The grid study's SVG without XML prolog, doctype or scripts, so it can sit inline in the page. */
    static String cleanSvg(String svg) {
        String out = svg.replaceAll("(?s)<\\?xml.*?\\?>", "").replaceAll("(?s)<!DOCTYPE[^>]*>", "")
                .replaceAll("(?is)<script.*?</script\\s*>", "").replaceAll("(?i)\\son\\w+\\s*=\\s*\"[^\"]*\"", "");
        int start = out.indexOf("<svg");
        return start < 0 ? "" : out.substring(start).strip();
    }

    private void resultsTable(StringBuilder h, CbaResult cba) {
        h.append("<table class=\"num\"><tr><th>case</th><th>scenario</th><th>eligible</th><th>signed up</th>"
                + "<th>share</th><th>value exchanged</th><th>LFA revenue</th><th>prosumers keep</th>"
                + "<th>DSO net benefit</th><th>CAPEX</th><th>OPEX / year</th><th>NPV</th><th>IRR</th>"
                + "<th>payback</th></tr>");
        for (CaseResult r : cba.results()) {
            h.append("<tr").append(r.pays() ? " class=\"pays\"" : "").append("><td>").append(esc(r.businessCase()))
                    .append("</td><td>").append(esc(r.scenario())).append("</td><td>").append(r.prosumersEligible())
                    .append("</td><td>").append(r.prosumersInvolved()).append("</td><td>")
                    .append(pct(r.shareInvolvedPct())).append("</td><td>").append(money(r.valueExchangedInEur()))
                    .append("</td><td>").append(money(r.lfaRevenueInEur())).append("</td><td>")
                    .append(money(r.prosumerNetBenefitInEurPerYear())).append("</td><td>")
                    .append(r.dsoFiguresFound() ? money(r.dsoNetBenefitInEurPerYear()) : "no grid.csv")
                    .append("</td><td>").append(money(r.capexInEur())).append("</td><td>")
                    .append(money(r.opexInEurPerYear())).append("</td><td>").append(money(r.npvInEur()))
                    .append("</td><td>").append(pct(r.irrPct())).append("</td><td>").append(years(r.paybackInYears()))
                    .append("</td></tr>");
        }
        h.append("</table><p class=\"meta\">Annual figures are year 1 on one LVG; money in EUR. The per-home table is "
                + "<code>cba_prosumers.csv</code>.</p>");
    }

    private void inputs(StringBuilder h, CbaResult cba) {
        h.append("<h3>Cost catalogue</h3><p class=\"meta\">").append(esc(cba.costs().sourceFile())).append("</p>");
        figures(h, cba.costs().figures());
        h.append("<h3>Business cases</h3><p class=\"meta\">").append(esc(cba.cases().sourceFile())).append("</p>");
        h.append("<table><tr><th>case</th><th>LFA</th><th>signs up</th><th>streams</th><th>payback limit</th></tr>");
        for (BusinessCase bc : cba.cases().cases()) {
            h.append("<tr><td>").append(esc(bc.id())).append("</td><td>").append(esc(bc.lfa())).append("</td><td>")
                    .append(esc(bc.participants().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                    .append("</td><td>").append(esc(String.join(", ", java.util.Arrays.stream(RevenueStream.values())
                            .filter(bc::runs).map(RevenueStream::label).toList()))).append("</td><td>")
                    .append(num(bc.paybackLimitInYears())).append(" years</td></tr>");
        }
        h.append("</table>");
        figures(h, cba.cases().figures());
        h.append("<h3>Study</h3><p>Bills, local trades and flexible load come from the study (")
                .append(esc(cba.study().origin())).append("); its own inputs and their sources are in the scenario "
                        + "files and in <code>run.json</code>. DSO figures: ")
                .append(cba.study().gridFile().map(f -> esc(f)).orElse("<b>no grid.csv: the DSO stream counts zero</b>"))
                .append(". Wholesale spread per scenario (EUR/MWh, dearest minus cheapest ")
                .append(cba.cases().market().shiftHoursPerDay()).append(" hours): ");
        List<String> spreads = new ArrayList<>();
        for (ScenarioData sd : cba.study().scenarios()) {
            cba.results().stream().filter(r -> r.scenario().equals(sd.scenario())).findFirst()
                    .ifPresent(r -> spreads.add(esc(sd.scenario()) + " " + num(r.wholesaleSpreadInEurPerMwh())
                            + (sd.dynamicWholesaleInEurPerMwh().isPresent() ? " (its dynamic tariff)" : "")));
        }
        h.append(String.join("; ", spreads)).append(".</p>");
    }

    private static void figures(StringBuilder h, List<Figure> figures) {
        h.append("<table class=\"inputs\"><tr><th>field</th><th>value</th><th>unit</th><th>source</th></tr>");
        for (Figure f : figures) {
            h.append("<tr><td><code>").append(esc(f.field())).append("</code></td><td class=\"n\">")
                    .append(num(f.value())).append("</td><td>").append(esc(f.unit())).append("</td><td")
                    .append(f.isAssumption() ? " class=\"assumption\"" : "").append(">").append(esc(f.source()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<CaseResult> results(CbaResult cba, String id) {
        return cba.results().stream().filter(r -> r.businessCase().equals(id)).toList();
    }

    private static Optional<CaseResult> reference(CbaResult cba, String id) {
        return cba.result(id, cba.referenceScenario());
    }

    private static int caseIndex(CbaResult cba, String id) {
        for (int i = 0; i < cba.cases().cases().size(); i++) {
            if (cba.cases().cases().get(i).id().equals(id)) {
                return i;
            }
        }
        return 0;
    }

    private static int households(CbaResult cba) {
        return cba.study().scenarios().isEmpty() ? 0 : cba.study().scenarios().get(0).prosumers().size();
    }

    private static double centralPv(CbaResult cba) {
        return cba.scaling().isEmpty() ? 0 : cba.scaling().get(0).centralCostsPvInEur();
    }

    /** Red for losses, green for gains, white at zero; {@code f} in [-1, 1]. */
    static String diverging(double f) {
        double a = Math.min(1, Math.abs(f));
        int[] end = f >= 0 ? new int[]{26, 152, 80} : new int[]{215, 48, 39};
        double t = 0.15 + 0.85 * a;
        int r = (int) Math.round(255 + (end[0] - 255) * t);
        int g = (int) Math.round(255 + (end[1] - 255) * t);
        int b = (int) Math.round(255 + (end[2] - 255) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String money(double v) {
        return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String millions(double v) {
        return String.format(Locale.ROOT, "%.1f M", v / 1e6);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%.1f %%", v);
    }

    private static String years(double v) {
        return Double.isNaN(v) ? "beyond horizon" : String.format(Locale.ROOT, "%.1f years", v);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "&ndash;";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.3f" : "%,.2f", v);
    }

    private static final String CSS = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,"
            + "sans-serif;color:#222;margin:0;background:#fafafa}main{max-width:1060px;margin:0 auto;padding:20px 28px;"
            + "background:#fff}h1{font-size:26px;margin:8px 0}h2{font-size:20px;margin-top:34px;border-bottom:1px "
            + "solid #ddd;padding-bottom:4px}h3{font-size:16px;margin:16px 0 6px}.meta{color:#666;font-size:13px}"
            + ".verdict{border-left:5px solid #bbb;padding:4px 14px;margin:10px 0;background:#f7f7f7}.verdict.yes{"
            + "border-color:#1a9850}.verdict.no{border-color:#d73027}.verdict h3{margin:6px 0}.verdict p{margin:4px 0 8px;"
            + "line-height:1.45}.summary{font-size:15px;line-height:1.5}table{border-collapse:collapse;font-size:12px;"
            + "margin:8px 0}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}"
            + "th{background:#f0f0f0}table.num td{text-align:right;white-space:nowrap}"
            + "table.num td:first-child,table.num td:nth-child(2)"
            + "{text-align:left}tr.pays td{background:#eef8ee}td.n{text-align:right;white-space:nowrap}"
            + "td.assumption{color:#555;font-style:italic}.row{display:flex;flex-wrap:wrap;gap:8px}svg.chart{"
            + "max-width:100%;height:auto;display:block;margin:6px 0}svg text{font-family:inherit}"
            + ".placeholder{padding:30px;border:2px dashed #ccc;color:#777;text-align:center}#feeder-map svg{"
            + "max-width:100%;height:auto}code{font-size:11px}";
}
