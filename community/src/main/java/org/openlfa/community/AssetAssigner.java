package org.openlfa.community;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.openlfa.model.asset.ElectricVehicle;
import org.openlfa.model.asset.HomeAssets;
import org.openlfa.model.asset.PvSystem;
import org.openlfa.model.asset.WetAppliance;
import org.openlfa.model.profile.ProfileKind;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.AssetPenetration;
import org.openlfa.model.scenario.WetApplianceSpec;

/**
 * Gives every household its assets and profiles, reproducibly from a seed.
 *
 * <p>Each household draws, once, a random rank for each asset kind and its profile indices and sizes. A scenario
 * with share {@code s} gives the asset to the {@code round(s * N)} households of lowest rank. So scenarios are nested:
 * a home with PV in 2020BAU keeps it in 2030Green, and only the shares differ between scenarios, not the luck of the
 * draw.
 */
public final class AssetAssigner {

    /** The reference study's seed of the asset and profile draw (the study's and the live platform's default). */
    public static final long REFERENCE_SEED = 42L;

    /**
     * Households draw their load from a pool of 100 measured days, so in a grid of 184 homes many share a profile.
     * Each home lives its profile shifted by up to this many minutes either way (5-min steps, seeded), so that the
     * shared profiles do not peak in the same minute, which would overstate the coincident peak. An assumption.
     */
    public static final int MAX_LOAD_SHIFT_IN_MINUTES = 30;

    private final List<Household> households;
    private final AssetCatalogue catalogue;
    private final int[] pvRank;
    private final int[] batteryRank;
    private final int[] evRank;
    private final int[] heatPumpRank;
    private final int[] smartRank;
    private final List<int[]> wetRanks = new ArrayList<>();
    private final int[] loadProfile;
    private final int[] loadShiftInMinutes;
    private final int[] pvProfile;
    private final int[] evProfile;
    private final int[] heatPumpProfile;
    private final double[] pvSizeFraction;
    private final List<int[]> wetStartMinute = new ArrayList<>();

    /**
     * @param households the households, in a fixed order
     * @param catalogue  what the assets are
     * @param profiles   the profile pools (their sizes bound the indices)
     * @param seed       the seed of every draw
     */
    public AssetAssigner(List<Household> households, AssetCatalogue catalogue, ProfileLibrary profiles, long seed) {
        this.households = List.copyOf(households);
        this.catalogue = catalogue;
        Random random = new Random(seed);
        int n = households.size();
        pvRank = ranks(n, random);
        batteryRank = ranks(n, random);
        evRank = ranks(n, random);
        heatPumpRank = ranks(n, random);
        smartRank = ranks(n, random);
        loadProfile = indices(n, profiles.poolSize(ProfileKind.HOUSEHOLD_LOAD), random);
        pvProfile = indices(n, profiles.poolSize(ProfileKind.PV_PER_KWP), random);
        evProfile = indices(n, profiles.poolSize(ProfileKind.EV_CHARGING), random);
        heatPumpProfile = indices(n, profiles.poolSize(ProfileKind.HEAT_PUMP), random);
        loadShiftInMinutes = new int[n];
        for (int i = 0; i < n; i++) {
            loadShiftInMinutes[i] = 5 * (random.nextInt(2 * MAX_LOAD_SHIFT_IN_MINUTES / 5 + 1)
                    - MAX_LOAD_SHIFT_IN_MINUTES / 5);
        }
        pvSizeFraction = new double[n];
        for (int i = 0; i < n; i++) {
            pvSizeFraction[i] = random.nextDouble();
        }
        for (WetApplianceSpec spec : catalogue.wetAppliances()) {
            wetRanks.add(ranks(n, random));
            int[] starts = new int[n];
            int slots = (spec.preferredStartLatestMinute() - spec.preferredStartEarliestMinute()) / 5 + 1;
            for (int i = 0; i < n; i++) {
                starts[i] = spec.preferredStartEarliestMinute() + 5 * random.nextInt(Math.max(1, slots));
            }
            wetStartMinute.add(starts);
        }
    }

    private static int[] ranks(int n, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order.get(r)] = r;
        }
        return rank;
    }

    private static int[] indices(int n, int poolSize, Random random) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextInt(poolSize);
        }
        return out;
    }

    /** The assets of the i-th household under a scenario's penetration. */
    public HomeAssets assetsOf(int i, AssetPenetration penetration) {
        int n = households.size();
        Optional<PvSystem> pv = has(pvRank[i], penetration.pvShare(), n)
                ? Optional.of(new PvSystem(catalogue.pv().peakPowerAtInKwp(pvSizeFraction[i]), pvProfile[i]))
                : Optional.empty();
        List<WetAppliance> wet = new ArrayList<>();
        for (int j = 0; j < catalogue.wetAppliances().size(); j++) {
            WetApplianceSpec spec = catalogue.wetAppliances().get(j);
            if (has(wetRanks.get(j)[i], spec.ownershipShare(), n)) {
                wet.add(spec.toWetAppliance(wetStartMinute.get(j)[i]));
            }
        }
        return new HomeAssets(loadProfile[i], loadShiftInMinutes[i], pv,
                has(batteryRank[i], penetration.batteryShare(), n) ? Optional.of(catalogue.battery()) : Optional.empty(),
                has(evRank[i], penetration.evShare(), n)
                        ? Optional.of(new ElectricVehicle(evProfile[i], catalogue.evChargerPowerInKw()))
                        : Optional.empty(),
                has(heatPumpRank[i], penetration.heatPumpShare(), n)
                        ? Optional.of(catalogue.heatPump().toHeatPump(heatPumpProfile[i]))
                        : Optional.empty(),
                wet, has(smartRank[i], penetration.smartShare(), n));
    }

    private static boolean has(int rank, double share, int n) {
        return rank < Math.round(share * n);
    }
}
