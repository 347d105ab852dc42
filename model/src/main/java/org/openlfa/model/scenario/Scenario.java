package org.openlfa.model.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.openlfa.core.yaml.Sources;

/**
 * One study scenario: a horizon year, a pathway and a smart-asset level, with the figures they imply.
 *
 * <pre>{@code
 * Scenario s = ScenarioLoader.loadBuiltIn("2030Green-High");
 * double pv = s.penetration().pvShare();                       // 0.30
 * double[] buy = s.importTariff().pricesInEurPerKwh(Season.WINTER, TimeGrid.QUARTER_HOUR);
 * }</pre>
 *
 * @param name             the scenario's name, e.g. {@code 2030Green-High}
 * @param horizonYear      the year the scenario describes
 * @param pathway          BAU or GREEN
 * @param smartLevel       LOW, MEDIUM or HIGH smart-asset penetration
 * @param penetration      the shares of homes with each asset and with an energy box
 * @param importTariff     what a home pays for energy it takes from the grid
 * @param exportTariff     what a home is paid for energy it puts on the grid
 * @param localMarketRule  how the community's local market prices local trades
 * @param sources          where each figure comes from, keyed by field path (e.g. {@code penetration.pvShare}); a key
 *                         covers the figures below it (e.g. {@code importTariff})
 * @param sourceFile       the file (or class-path resource) the scenario was read from
 */
public record Scenario(String name, int horizonYear, Pathway pathway, SmartLevel smartLevel,
                       AssetPenetration penetration, Tariff importTariff, Tariff exportTariff,
                       LocalMarketRule localMarketRule, Map<String, String> sources, String sourceFile) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pathway, "pathway");
        Objects.requireNonNull(smartLevel, "smartLevel");
        Objects.requireNonNull(penetration, "penetration");
        Objects.requireNonNull(importTariff, "importTariff");
        Objects.requireNonNull(exportTariff, "exportTariff");
        Objects.requireNonNull(localMarketRule, "localMarketRule");
        // Keep the file's order: reports print the sources in the order the author wrote them.
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(sources, "sources")));
    }

    /** The source given for a field path, looking at its parents when it has none of its own. */
    public String sourceOf(String fieldPath) {
        return Sources.lookup(sources, fieldPath);
    }
}
