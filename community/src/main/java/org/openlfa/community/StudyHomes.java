package org.openlfa.community;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlfa.community.grid.DsoSettings;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.grid.LvNetwork;
import org.openlfa.model.asset.HomeAssets;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;

/**
 * A study's homes with the devices the study draws for them: what a live energy box of a study home runs, and what
 * the live DSO assumes of the homes outside the platform. The homes are the loads of a network
 * ({@link NetworkSettings}), by default the reference study's (ENWL network 22).
 *
 * <pre>{@code
 * HomeAssets assets = StudyHomes.assetsOf("F1_LOAD1", ScenarioLoader.loadBuiltIn("2030Green-High"));
 * HomeAssets onN5 = StudyHomes.assetsOf("F2_LOAD3", scenario, NetworkSettings.of(Path.of("network_5"), null));
 * }</pre>
 */
public final class StudyHomes {

    private StudyHomes() {
    }

    /** The devices the reference study gives load {@code homeId} of ENWL network 22 under {@code scenario}. */
    public static HomeAssets assetsOf(String homeId, Scenario scenario) {
        return assetsOf(homeId, scenario, NetworkSettings.reference());
    }

    /** The devices the study on {@code network} gives its load {@code homeId} under {@code scenario}. */
    public static HomeAssets assetsOf(String homeId, Scenario scenario, NetworkSettings network) {
        HomeAssets assets = all(scenario, network).get(homeId);
        if (assets == null) {
            throw new IllegalArgumentException("no home " + homeId + " in " + network.description()
                    + " (e.g. F1_LOAD1)");
        }
        return assets;
    }

    /** Every home of the reference study (ENWL network 22) with its devices under {@code scenario}, by load name. */
    public static Map<String, HomeAssets> all(Scenario scenario) {
        return all(scenario, NetworkSettings.reference());
    }

    /** Every home of the study on {@code network} with its devices under {@code scenario}, by load name. */
    public static Map<String, HomeAssets> all(Scenario scenario, NetworkSettings network) {
        if (network.isBuiltIn()) {
            LvNetwork grid = EnwlNetwork.loadBuiltIn(NetworkSettings.REFERENCE_ID,
                    DsoSettings.builtIn().transformerRatingInKva());
            return all(scenario, Households.of(grid, network.communities()));
        }
        return all(scenario, network.households());
    }

    /** The same for the households already loaded (the assignment depends only on them and the seed). */
    public static Map<String, HomeAssets> all(Scenario scenario, List<Household> homes) {
        AssetAssigner assigner = new AssetAssigner(homes, ScenarioLoader.loadBuiltInCatalogue(),
                ProfileLibrary.builtIn(), AssetAssigner.REFERENCE_SEED);
        Map<String, HomeAssets> out = new LinkedHashMap<>();
        for (int i = 0; i < homes.size(); i++) {
            out.put(homes.get(i).id(), assigner.assetsOf(i, scenario.penetration()));
        }
        return out;
    }
}
