package org.openlfa.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.openlfa.community.Communities;
import org.openlfa.community.Household;
import org.openlfa.community.Households;
import org.openlfa.community.grid.DsoSettings;
import org.openlfa.core.progress.Progress;
import org.openlfa.grid.EnwlNetwork;
import org.openlfa.grid.Load;
import org.openlfa.grid.LvNetwork;
import org.openlfa.model.profile.ProfileFile;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.powerflow.PowerFlowModel;
import org.openlfa.sim.grid.PowerFlowGridObserver;
import org.openlfa.sim.grid.WorstPtu;

/**
 * A study, assembled once: the network, its communities and households, the runner and (with UC3) the grid
 * observer. The one entry point of {@code lfa study}, {@code lfa cba}, {@code lfa bench}, the region engine and the
 * live platform's DSO. Every input has a default, which together make the reference study: the built-in ENWL network
 * 22 at the DSO's transformer rating, {@link Communities#network22Default()} (for another network, one community per
 * feeder), the built-in asset catalogue and profiles, {@link StudyOptions#defaults()}, the shipped DSO settings and
 * UC3 on.
 *
 * <pre>{@code
 * // the reference study
 * StudyResults reference = Study.builder().build().run(scenarios, new ProgressBar(System.err));
 *
 * // a user's network, without the grid (UC1 and UC2 only), 4 threads
 * LvNetwork network = EnwlNetwork.load(Path.of("Network_8"), 400);
 * Study study = Study.builder()
 *         .network(network, "Network_8")
 *         .communities(Communities.onePerFeeder(Set.of(1, 2, 3)))
 *         .options(StudyOptions.defaults().withThreads(4))
 *         .withGrid(false)
 *         .build();
 * StudyResults results = study.run(List.of(ScenarioLoader.loadBuiltIn("2030Green-High")), Progress.NONE);
 * }</pre>
 */
public final class Study {

    /** How run.json names the built-in network. */
    public static final String BUILT_IN_NETWORK = "classpath:org/openlfa/grid/enwl/network_22 (ENWL LVNS network 22)";

    private final LvNetwork network;
    private final String networkName;
    private final Communities communities;
    private final List<Household> households;
    private AssetCatalogue catalogue;
    private final ProfileLibrary profiles;
    private final List<String> profileSources;
    private final StudyOptions options;
    private final DsoSettings dso;
    private final PowerFlowGridObserver observer;
    private StudyRunner runner;

    private Study(Builder b) {
        this.dso = b.dso != null ? b.dso : DsoSettings.builtIn();
        this.network = b.network != null ? b.network
                : EnwlNetwork.loadBuiltIn("network_22", dso.transformerRatingInKva());
        this.networkName = b.network != null ? b.networkName : BUILT_IN_NETWORK;
        this.communities = b.communities != null ? b.communities : b.network == null ? Communities.network22Default()
                : Communities.onePerFeeder(new TreeSet<>(network.loads().stream().map(Load::feeder).toList()));
        this.catalogue = b.catalogue;
        this.profiles = b.profiles;
        this.profileSources = b.profileSources;
        this.options = b.options != null ? b.options : StudyOptions.defaults();
        this.households = Households.of(network, communities);
        if (b.withGrid) {
            network.checkRadialConnected();
            this.observer = new PowerFlowGridObserver(PowerFlowModel.of(network), households);
        } else {
            this.observer = null;
        }
    }

    /** A builder with every input at its default (the reference study). */
    public static Builder builder() {
        return new Builder();
    }

    /** The network studied. */
    public LvNetwork network() {
        return network;
    }

    /** The communities. */
    public Communities communities() {
        return communities;
    }

    /** The households, one per load of the network, in network order. */
    public List<Household> households() {
        return households;
    }

    /** The DSO's settings. */
    public DsoSettings dso() {
        return dso;
    }

    /** How the study runs. */
    public StudyOptions options() {
        return options;
    }

    /** The grid observer over the network's power flow; empty without UC3. */
    public Optional<PowerFlowGridObserver> gridObserver() {
        return Optional.ofNullable(observer);
    }

    /** The work units {@link #run} reports per scenario. */
    public int unitsPerScenario() {
        return runner().unitsPerScenario();
    }

    /**
     * Runs the scenarios one after the other, then (with UC3) the power flow of the worst PTU over all of them.
     *
     * @param scenarios the scenarios, in run order
     * @param progress  told the total, each scenario's name, each unit done (from worker threads) and the end
     */
    public StudyResults run(List<Scenario> scenarios, Progress progress) {
        StudyRunner r = runner();
        progress.start(r.unitsPerScenario() * scenarios.size());
        List<ScenarioResult> results = new ArrayList<>();
        Map<String, Double> durations = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            progress.label(scenario.name());
            ScenarioResult result = r.run(scenario, progress::step);
            results.add(result);
            durations.put(scenario.name(), result.summary().durationInSeconds());
        }
        progress.finish();
        Optional<WorstPtu> worst = observer == null ? Optional.empty() : WorstPtu.of(observer, results);
        List<String> inputs = new ArrayList<>();
        scenarios.forEach(s -> inputs.add(s.sourceFile()));
        inputs.add(catalogue().sourceFile());
        inputs.addAll(profileSources);
        if (observer != null) {
            inputs.add(dso.sourceFile());
        }
        return new StudyResults(scenarios, results, worst, networkName, options, inputs, durations);
    }

    /** The runner, made on first use (the live platform's DSO only needs the households and the observer). */
    private synchronized StudyRunner runner() {
        if (runner == null) {
            StudyRunner plain = new StudyRunner(households, communities, catalogue(),
                    profiles != null ? profiles : ProfileLibrary.builtIn(), options);
            runner = observer == null ? plain : plain.withGrid(observer, dso);
        }
        return runner;
    }

    private synchronized AssetCatalogue catalogue() {
        if (catalogue == null) {
            catalogue = ScenarioLoader.loadBuiltInCatalogue();
        }
        return catalogue;
    }

    /** The shipped profile pools, as run.json names them. */
    static List<String> builtInProfileSources() {
        List<String> out = new ArrayList<>();
        for (ProfileFile file : ProfileFile.values()) {
            out.add("classpath:org/openlfa/model/profile/" + file.fileName());
        }
        return out;
    }

    /** Builds a {@link Study}; every setter is optional. */
    public static final class Builder {
        private LvNetwork network;
        private String networkName;
        private Communities communities;
        private AssetCatalogue catalogue;
        private ProfileLibrary profiles;
        private List<String> profileSources = builtInProfileSources();
        private StudyOptions options;
        private DsoSettings dso;
        private boolean withGrid = true;

        private Builder() {
        }

        /** The network, named by its {@link LvNetwork#name()} (default: the built-in ENWL network 22). */
        public Builder network(LvNetwork lvNetwork) {
            return network(lvNetwork, lvNetwork.name());
        }

        /** The network and how run.json names it (default: the built-in ENWL network 22). */
        public Builder network(LvNetwork lvNetwork, String name) {
            this.network = Objects.requireNonNull(lvNetwork, "network");
            this.networkName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The communities (default: network 22's C1-C3, or one per feeder for another network). */
        public Builder communities(Communities c) {
            this.communities = Objects.requireNonNull(c, "communities");
            return this;
        }

        /** The asset catalogue (default: the built-in one). */
        public Builder catalogue(AssetCatalogue assets) {
            this.catalogue = Objects.requireNonNull(assets, "catalogue");
            return this;
        }

        /**
         * The profile pools (default: the shipped ones). Run.json lists the shipped pools' files as the profile
         * inputs either way, as {@code lfa study} always has.
         */
        public Builder profiles(ProfileLibrary library) {
            this.profiles = Objects.requireNonNull(library, "profiles");
            return this;
        }

        /** How the study runs (default: {@link StudyOptions#defaults()}). */
        public Builder options(StudyOptions studyOptions) {
            this.options = Objects.requireNonNull(studyOptions, "options");
            return this;
        }

        /** The DSO's settings, whose transformer rating also rates the default network (default: the shipped). */
        public Builder dso(DsoSettings settings) {
            this.dso = Objects.requireNonNull(settings, "dso");
            return this;
        }

        /** Whether UC3 runs: the power flow and the DSO's flexibility purchase (default: true). */
        public Builder withGrid(boolean grid) {
            this.withGrid = grid;
            return this;
        }

        /**
         * The study, with the households placed and (with UC3) the power-flow model built.
         *
         * @throws org.openlfa.core.InputException for a network that is not radial and connected, with UC3
         */
        public Study build() {
            return new Study(this);
        }
    }
}
