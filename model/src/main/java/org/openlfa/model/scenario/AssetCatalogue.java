package org.openlfa.model.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openlfa.model.asset.Battery;
import org.openlfa.model.asset.WetApplianceType;
import org.openlfa.core.yaml.Sources;

/**
 * The technical figures of the assets a home may have, the same in every scenario (the scenario says how many homes
 * have them, the catalogue what they are).
 *
 * <pre>{@code
 * AssetCatalogue assets = ScenarioLoader.loadBuiltInCatalogue();
 * Battery battery = assets.battery();                 // 5 kWh, 2.5 kW, 90 % round trip
 * HeatPump hp = assets.heatPump().toHeatPump(profileIndex);
 * }</pre>
 *
 * @param pv                  range of rooftop PV sizes
 * @param battery             the home battery
 * @param evChargerPowerInKw  home EV charger power limit
 * @param heatPump            the heat pump and the thermal model of the home
 * @param wetAppliances       one entry per wet appliance type
 * @param sources             where each figure comes from, keyed by field path
 * @param sourceFile          the file (or class-path resource) the catalogue was read from
 */
public record AssetCatalogue(PvRange pv, Battery battery, double evChargerPowerInKw, HeatPumpSpec heatPump,
                             List<WetApplianceSpec> wetAppliances, Map<String, String> sources, String sourceFile) {
    public AssetCatalogue {
        Objects.requireNonNull(pv, "pv");
        Objects.requireNonNull(battery, "battery");
        Objects.requireNonNull(heatPump, "heatPump");
        wetAppliances = List.copyOf(wetAppliances);
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(sources, "sources")));
    }

    /** The catalogue entry of a wet appliance type, if it has one. */
    public Optional<WetApplianceSpec> wetAppliance(WetApplianceType type) {
        return wetAppliances.stream().filter(w -> w.type() == type).findFirst();
    }

    /** The source given for a field path, looking at its parents when it has none of its own. */
    public String sourceOf(String fieldPath) {
        return Sources.lookup(sources, fieldPath);
    }
}
