package org.openlfa.cba;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openlfa.core.Season;

/**
 * One scenario of a study as the CBA sees it.
 *
 * @param scenario                        scenario name
 * @param horizonYear                     the scenario's year (0 when unknown), to pick a documented wholesale shape
 * @param prosumers                       one row per household
 * @param localPriceInEurPerKwh           mean price of the local market (value exchanged / energy traded)
 * @param flexibleEnergyInKwhPerYear      per community, the yearly energy of the controllable devices in the study
 *                                        (sum of the positive flexible load); empty when the series are unknown
 * @param dynamicWholesaleInEurPerMwh     the hourly wholesale shape per season of the scenario's dynamic import
 *                                        tariff, if it has one
 * @param grid                            the DSO's figures, if the grid study wrote them
 */
public record ScenarioData(String scenario, int horizonYear, List<ProsumerData> prosumers,
                           double localPriceInEurPerKwh, Map<String, Double> flexibleEnergyInKwhPerYear,
                           Optional<Map<Season, double[]>> dynamicWholesaleInEurPerMwh, Optional<GridFigures> grid) {
    public ScenarioData {
        prosumers = List.copyOf(prosumers);
        flexibleEnergyInKwhPerYear = new TreeMap<>(flexibleEnergyInKwhPerYear);
        dynamicWholesaleInEurPerMwh = dynamicWholesaleInEurPerMwh.map(EnumMap::new);
    }

    /** A copy with the DSO figures set (or cleared). */
    public ScenarioData withGrid(Optional<GridFigures> figures) {
        return new ScenarioData(scenario, horizonYear, prosumers, localPriceInEurPerKwh, flexibleEnergyInKwhPerYear,
                dynamicWholesaleInEurPerMwh, figures);
    }
}
