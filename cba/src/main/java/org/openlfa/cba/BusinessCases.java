package org.openlfa.cba;

import java.util.List;
import java.util.Objects;
import org.openlfa.core.InputException;
import org.openlfa.core.yaml.Figure;

/**
 * The business-case definitions file: the cases and the market figures they share.
 *
 * <pre>{@code
 * BusinessCases cases = CbaInputs.loadBuiltInBusinessCases();
 * for (BusinessCase bc : cases.cases()) { ... }
 * }</pre>
 *
 * @param cases      the business cases, in file order
 * @param market     shared market figures
 * @param figures    every figure with its source
 * @param sourceFile the file or class-path resource it was read from
 */
public record BusinessCases(List<BusinessCase> cases, MarketParameters market, List<Figure> figures,
                            String sourceFile) {
    public BusinessCases {
        cases = List.copyOf(cases);
        Objects.requireNonNull(market, "market");
        figures = List.copyOf(figures);
    }

    /** The case with this id; an {@link InputException} naming the known ids when there is none. */
    public BusinessCase byId(String id) {
        return cases.stream().filter(c -> c.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> InputException.in(sourceFile, "businessCases", "unknown business case '" + id
                        + "', the file defines " + String.join(", ", cases.stream().map(BusinessCase::id).toList())));
    }

    /** Only the cases with these ids (in file order); unknown ids are an {@link InputException}. */
    public BusinessCases only(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return this;
        }
        ids.forEach(this::byId);
        return new BusinessCases(cases.stream().filter(c -> ids.stream().anyMatch(i -> i.equalsIgnoreCase(c.id())))
                .toList(), market, figures, sourceFile);
    }

    /** A copy with other market figures (for sensitivities). */
    public BusinessCases withMarket(MarketParameters m) {
        return new BusinessCases(cases, m, figures, sourceFile);
    }
}
