package org.openlfa.cba;

import java.util.List;
import java.util.Optional;

/**
 * Everything the cost-benefit analysis produced: one result per business case and scenario, the tornados of the
 * reference scenario, the energy-box break-even prices, and the scaling.
 *
 * @param study              the study it was run on
 * @param costs              the cost catalogue
 * @param cases              the business cases
 * @param referenceScenario  the scenario of the tornados and the scaling chart
 * @param results            business case x scenario, cases in file order then scenarios in study order
 * @param tornados           one per business case, on the reference scenario
 * @param breakEvens         business case x scenario
 * @param scaling            business case x scenario
 */
public record CbaResult(StudyData study, CostCatalogue costs, BusinessCases cases, String referenceScenario,
                        List<CaseResult> results, List<Tornado> tornados, List<BreakEven> breakEvens,
                        List<Scaling> scaling) {
    public CbaResult {
        results = List.copyOf(results);
        tornados = List.copyOf(tornados);
        breakEvens = List.copyOf(breakEvens);
        scaling = List.copyOf(scaling);
    }

    /** The result of a business case on a scenario. */
    public Optional<CaseResult> result(String businessCase, String scenario) {
        return results.stream().filter(r -> r.businessCase().equals(businessCase) && r.scenario().equals(scenario))
                .findFirst();
    }

    /** The scaling of a business case on a scenario. */
    public Optional<Scaling> scaling(String businessCase, String scenario) {
        return scaling.stream().filter(s -> s.businessCase().equals(businessCase) && s.scenario().equals(scenario))
                .findFirst();
    }

    /** The break-even of a business case on a scenario. */
    public Optional<BreakEven> breakEven(String businessCase, String scenario) {
        return breakEvens.stream().filter(s -> s.businessCase().equals(businessCase)
                && s.scenario().equals(scenario)).findFirst();
    }
}
