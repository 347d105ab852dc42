package org.openlfa.community;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;
import org.openlfa.model.asset.HomeAssets;
import org.openlfa.model.profile.ProfileKind;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;

/**
 * A home of the reference study as its meter sees it: the devices the study assigns to that load of ENWL network 22
 * under a scenario (same seed, so the same home), and its uncontrolled net power per PTU of each season's
 * representative day (household load + EV + heat pump - PV). What an energy box reports before it optimises.
 *
 * <pre>{@code
 * HomeProfile home = HomeProfile.of("F1_LOAD1", "2030Green-High", 15);
 * double kw = home.netInKw(Instant.parse("2030-01-15T18:00:00Z"));
 * }</pre>
 */
public final class HomeProfile {

    private final String homeId;
    private final TimeGrid grid;
    private final double[][] netBySeason;
    private final double[][] importPriceBySeason;

    private HomeProfile(String homeId, TimeGrid grid, double[][] net, double[][] price) {
        this.homeId = homeId;
        this.grid = grid;
        this.netBySeason = net;
        this.importPriceBySeason = price;
    }

    /** The home {@code homeId} (a load name such as {@code F1_LOAD1}) under the built-in scenario {@code scenario}. */
    public static HomeProfile of(String homeId, String scenarioName, int ptuMinutes) {
        Scenario scenario = ScenarioLoader.loadBuiltIn(scenarioName);
        return of(homeId, StudyHomes.assetsOf(homeId, scenario), scenario, ptuMinutes);
    }

    /**
     * Every home of the reference study under {@code scenario}, by load name (the DSO's view of its network), from
     * the households of network 22 the caller has loaded.
     */
    public static Map<String, HomeProfile> allStudyHomes(Scenario scenario, List<Household> homes, int ptuMinutes) {
        Map<String, HomeProfile> out = new LinkedHashMap<>();
        StudyHomes.all(scenario, homes).forEach((id, assets) -> out.put(id, of(id, assets, scenario, ptuMinutes)));
        return out;
    }

    private static HomeProfile of(String homeId, HomeAssets assets, Scenario scenario, int ptuMinutes) {
        ProfileLibrary profiles = ProfileLibrary.builtIn();
        TimeGrid grid = TimeGrid.ofMinutes(ptuMinutes);
        int n = grid.ptusPerDay();
        double[][] net = new double[Season.values().length][];
        double[][] price = new double[Season.values().length][];
        for (Season season : Season.values()) {
            double[] load = profiles.dayInKw(ProfileKind.HOUSEHOLD_LOAD, assets.loadProfileIndex(), season, grid);
            double[] total = new double[n];
            int shift = Math.floorMod(Math.round((float) assets.loadShiftInMinutes() / ptuMinutes), n);
            for (int t = 0; t < n; t++) {
                total[(t + shift) % n] += load[t];
            }
            assets.pv().ifPresent(pv -> add(total, profiles.dayInKw(ProfileKind.PV_PER_KWP, pv.profileIndex(),
                    season, grid), -pv.peakPowerInKwp()));
            assets.ev().ifPresent(ev -> add(total, profiles.dayInKw(ProfileKind.EV_CHARGING, ev.profileIndex(),
                    season, grid), 1));
            assets.heatPump().ifPresent(hp -> add(total, profiles.dayInKw(ProfileKind.HEAT_PUMP, hp.profileIndex(),
                    season, grid), 1));
            net[season.ordinal()] = total;
            price[season.ordinal()] = scenario.importTariff().pricesInEurPerKwh(season, grid);
        }
        return new HomeProfile(homeId, grid, net, price);
    }

    private static void add(double[] into, double[] what, double factor) {
        for (int t = 0; t < into.length; t++) {
            into[t] += factor * what[t];
        }
    }

    public String homeId() {
        return homeId;
    }

    /** The uncontrolled net power (kW, positive = import) of each PTU of a representative day of {@code season}. */
    public double[] dayNetInKw(Season season) {
        return netBySeason[season.ordinal()].clone();
    }

    /** Mean net power (kW, positive = import) in the PTU that contains {@code at} (UTC). */
    public double netInKw(Instant at) {
        return netBySeason[season(at).ordinal()][ptu(at)];
    }

    /** The PTU's cost at the scenario's import tariff (export valued at the same price: a simplification). */
    public double billInEur(Instant at) {
        return netInKw(at) * grid.hoursPerPtu() * importPriceBySeason[season(at).ordinal()][ptu(at)];
    }

    private int ptu(Instant at) {
        return grid.ptuOfMinute(at.atZone(ZoneOffset.UTC).getHour() * 60 + at.atZone(ZoneOffset.UTC).getMinute());
    }

    static Season season(Instant at) {
        return CommunitySettings.seasonOf(at.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
