package org.openlfa.cems;

import org.openlfa.community.CommunitySettings;
import org.openlfa.community.NetworkSettings;
import org.openlfa.community.StudyHomes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.CemsAgent;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;
import org.openlfa.model.asset.HomeAssets;
import org.openlfa.model.profile.ProfileLibrary;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.optim.HomeDayProblem;
import org.openlfa.optim.HomeOptimizer;
import org.openlfa.optim.HomeSchedule;
import org.openlfa.community.DayProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live energy box's home: its devices, and each day the study's {@link CemsAgent} that plans the day (UC1) on the
 * prices the platform publishes, answers the aggregator's calls (UC2), and runs what it was awarded. The meter then
 * reads the running schedule PTU by PTU.
 *
 * <pre>{@code
 * LiveHome home = LiveHome.ofStudyHome("F1_LOAD1", "2030Green-High", 15);
 * home.usePrices(pricesJson);                       // the platform's retained tariff publication
 * CemsAgent agent = home.planDay(LocalDate.parse("2030-01-15"));
 * LiveHome.Metered m = home.meter(40);              // PTU 40 of that day, as the running schedule has it
 * }</pre>
 */
public final class LiveHome {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHome.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One PTU at the meter.
     *
     * @param netInKw   mean net power (positive = import)
     * @param loadInKw  the home's consumption (household, EV, heat pump, wet appliances; not the battery)
     * @param pvInKw    PV generation
     * @param billInEur the PTU's cost at the home's tariff
     */
    public record Metered(double netInKw, double loadInKw, double pvInKw, double billInEur) {
    }

    private final String homeId;
    private final HomeAssets assets;
    private final Scenario scenario;
    private final TimeGrid grid;
    private final DayProblems days;
    private final HomeOptimizer optimizer = HomeOptimizer.create();
    private volatile JsonNode publishedTariffs;
    private CemsAgent agent;
    private HomeDayProblem problem;

    /** A home with the given devices, on the scenario's tariffs until the platform publishes its own. */
    public LiveHome(String homeId, HomeAssets assets, Scenario scenario, int ptuMinutes) {
        this.homeId = Objects.requireNonNull(homeId, "homeId");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.grid = TimeGrid.ofMinutes(ptuMinutes);
        this.days = new DayProblems(ProfileLibrary.builtIn(), grid);
    }

    /**
     * The home {@code homeId} of the reference study (a load of ENWL network 22, e.g. {@code F1_LOAD1}) with the
     * devices the study gives it under {@code scenarioName} (same seed: the same home as in {@code lfa study}).
     */
    public static LiveHome ofStudyHome(String homeId, String scenarioName, int ptuMinutes) {
        return ofStudyHome(homeId, scenarioName, ptuMinutes, NetworkSettings.reference());
    }

    /**
     * The home {@code homeId} (a load name, e.g. {@code F2_LOAD3}) of the study on {@code network} with the devices
     * that study gives it under {@code scenarioName}.
     */
    public static LiveHome ofStudyHome(String homeId, String scenarioName, int ptuMinutes, NetworkSettings network) {
        Scenario scenario = ScenarioLoader.loadBuiltIn(scenarioName);
        return new LiveHome(homeId, StudyHomes.assetsOf(homeId, scenario, network), scenario, ptuMinutes);
    }

    public HomeAssets assets() {
        return assets;
    }

    public int ptuMinutes() {
        return grid.ptuInMinutes();
    }

    /**
     * Takes the platform's tariff publication (retained on {@code lfa/v1/prices/{community}}); the next day planned
     * uses it. A publication that cannot be read, or is for another PTU length, is ignored with a warning: the home
     * then keeps the scenario's tariffs.
     */
    public void usePrices(byte[] publication) {
        try {
            JsonNode n = JSON.readTree(publication);
            if (n == null || !n.has("seasons")) {
                return; // a forecast, not a tariff
            }
            if (n.path("ptuMinutes").asInt() != grid.ptuInMinutes()) {
                LOG.warn("{}: tariffs for {}-min PTUs ignored (this home runs {} min)", homeId,
                        n.path("ptuMinutes").asInt(), grid.ptuInMinutes());
                return;
            }
            publishedTariffs = n.get("seasons");
        } catch (IOException e) {
            LOG.warn("{}: unreadable tariff publication ignored: {}", homeId, e.getMessage());
        }
    }

    /** Waits until the platform's tariffs arrived; false after {@code timeoutMs} (the scenario's then apply). */
    public boolean awaitPublishedTariffs(long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (publishedTariffs == null && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        return publishedTariffs != null;
    }

    /** Plans {@code day} (UC1) with a new agent, which then negotiates that day; returns it. */
    public synchronized CemsAgent planDay(LocalDate day) {
        Season season = CommunitySettings.seasonOf(day);
        problem = days.build(homeId, assets, season, price(season, "importPriceInEurPerKwh"),
                price(season, "exportPriceInEurPerKwh"));
        agent = new CemsAgent(new AgentId(homeId), problem, optimizer);
        return agent;
    }

    private double[] price(Season season, String field) {
        JsonNode tariffs = publishedTariffs;
        int n = grid.ptusPerDay();
        JsonNode a = tariffs == null ? null : tariffs.path(season.name()).get(field);
        if (a != null && a.isArray() && a.size() == n) {
            double[] out = new double[n];
            for (int t = 0; t < n; t++) {
                out[t] = a.get(t).asDouble();
            }
            return out;
        }
        return field.startsWith("import") ? scenario.importTariff().pricesInEurPerKwh(season, grid)
                : scenario.exportTariff().pricesInEurPerKwh(season, grid);
    }

    /** The schedule the home runs today: the aggregator's award once it came, else its own plan. */
    public synchronized HomeSchedule runningSchedule() {
        synchronized (agent) {
            return agent.finalSchedule();
        }
    }

    /** PTU {@code ptu} of the planned day as the home runs it now (the award, once it came; else its own plan). */
    public Metered meter(int ptu) {
        HomeSchedule s;
        HomeDayProblem p;
        synchronized (this) {
            p = problem;
            // the agent's messages are handled under its own lock (see CemsClient): read its schedule likewise
            s = runningSchedule();
        }
        double net = s.netInKw()[ptu];
        double pv = p.pvInKw()[ptu];
        double load = Math.max(0, net + pv - s.batteryChargeInKw()[ptu] + s.batteryDischargeInKw()[ptu]);
        return new Metered(net, load, pv, p.ptuCostInEur(ptu, net));
    }

    /** PV metered apart only where the home has PV. */
    public OptionalDouble pvOf(Metered m) {
        return assets.pv().isPresent() ? OptionalDouble.of(m.pvInKw()) : OptionalDouble.empty();
    }
}
