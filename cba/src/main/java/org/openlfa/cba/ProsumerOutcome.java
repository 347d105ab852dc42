package org.openlfa.cba;

import java.util.Map;

/**
 * One home under one business case and scenario: a row of {@code cba_prosumers.csv}.
 *
 * @param businessCase                  business case id
 * @param scenario                      scenario name
 * @param household                     household id
 * @param community                     its community
 * @param energyBox                     signed up with the full kit (energy box), not only the meter integration
 * @param eligible                      the case may sign it up and the prosumer would gain: its participants rule
 *                                      holds and its own benefit is positive
 * @param enrolled                      eligible and its discounted payback is within the case's limit
 * @param capexInEur                    CAPEX of signing it up
 * @param annualValueInEur              value it creates a year (its bill saving plus what the streams earn from it)
 * @param annualOpexInEur               running costs a year
 * @param paybackInYears                discounted payback of its CAPEX from its value net of OPEX (NaN: never)
 * @param lfaRevenueByStreamInEur       what the LFA earns from it a year, by stream
 * @param prosumerBenefitInEurPerYear   what the prosumer keeps a year
 * @param valueExchangedInEurPerYear    money it moves through the platform a year
 * @param flexibleEnergyInKwhPerYear    flexible energy offered to the wholesale market and the DSO
 */
public record ProsumerOutcome(String businessCase, String scenario, String household, String community,
                              boolean energyBox, boolean eligible, boolean enrolled, double capexInEur,
                              double annualValueInEur, double annualOpexInEur, double paybackInYears,
                              Map<RevenueStream, Double> lfaRevenueByStreamInEur, double prosumerBenefitInEurPerYear,
                              double valueExchangedInEurPerYear, double flexibleEnergyInKwhPerYear) {
    public ProsumerOutcome {
        lfaRevenueByStreamInEur = Map.copyOf(lfaRevenueByStreamInEur);
    }

    /** What the LFA earns from this home a year, all streams. */
    public double lfaRevenueInEurPerYear() {
        return lfaRevenueByStreamInEur.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
