package org.openlfa.cba;

import java.util.List;
import java.util.Map;

/**
 * A business case on one scenario, for one LVG: a row of {@code cba.csv} plus its per-prosumer table.
 *
 * @param businessCase                   business case id
 * @param scenario                       scenario name
 * @param households                     homes on the LVG
 * @param prosumersEligible              homes the case may sign up and that would gain
 * @param prosumersInvolved              homes signed up
 * @param shareInvolvedPct               signed-up homes in percent of all homes
 * @param valueExchangedInEur            money moving through the platform a year: prosumers' payments to the LFA,
 *                                       local trades, wholesale sales and DSO payments
 * @param lfaRevenueByStreamInEur        LFA revenue a year by stream (year 1)
 * @param lfaRevenueInEur                LFA revenue a year, all streams (year 1)
 * @param prosumerNetBenefitInEurPerYear what the signed-up prosumers keep a year, together
 * @param dsoNetBenefitInEurPerYear      deferral value to the DSO minus what it pays for flexibility
 * @param capexInEur                     CAPEX: signed-up homes plus the LVG's platform share
 * @param opexInEurPerYear               OPEX a year (year 1): signed-up homes plus the LVG's platform share
 * @param npvInEur                       NPV of the LFA's cash flows
 * @param irrPct                         IRR in percent (NaN: none)
 * @param paybackInYears                 discounted payback (NaN: not within the horizon)
 * @param cashFlowsInEur                 the LFA's yearly cash flows, year 0 first
 * @param wholesaleSpreadInEurPerMwh     the day-ahead spread the flexibility is priced on
 * @param dsoFiguresFound                whether the grid study's DSO figures were there for this scenario
 * @param prosumers                      one row per home
 */
public record CaseResult(String businessCase, String scenario, int households, int prosumersEligible,
                         int prosumersInvolved, double shareInvolvedPct, double valueExchangedInEur,
                         Map<RevenueStream, Double> lfaRevenueByStreamInEur, double lfaRevenueInEur,
                         double prosumerNetBenefitInEurPerYear, double dsoNetBenefitInEurPerYear, double capexInEur,
                         double opexInEurPerYear, double npvInEur, double irrPct, double paybackInYears,
                         List<Double> cashFlowsInEur, double wholesaleSpreadInEurPerMwh, boolean dsoFiguresFound,
                         List<ProsumerOutcome> prosumers) {
    public CaseResult {
        lfaRevenueByStreamInEur = Map.copyOf(lfaRevenueByStreamInEur);
        cashFlowsInEur = List.copyOf(cashFlowsInEur);
        prosumers = List.copyOf(prosumers);
    }

    /** Whether the case pays on this scenario: a positive NPV. */
    public boolean pays() {
        return npvInEur > 0;
    }
}
