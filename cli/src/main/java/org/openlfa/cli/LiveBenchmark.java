package org.openlfa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.AggregatorAgent;
import org.openlfa.agents.CemsAgent;
import org.openlfa.agents.InProcessTransport;
import org.openlfa.model.asset.HomeAssets;
import org.openlfa.optim.CommunityDay;
import org.openlfa.optim.CoordinationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.community.CommunitySettings;
import org.openlfa.community.StudyHomes;
import org.openlfa.cems.ApiClient;
import org.openlfa.cems.CemsClient;
import org.openlfa.cems.LiveCems;
import org.openlfa.cems.LiveHome;
import org.openlfa.platform.Platform;
import org.openlfa.platform.live.PlatformAgents;
import org.openlfa.protocol.WireCodec;

/**
 * How much the network costs the community's coordination: the same day of the same homes coordinated by the
 * aggregator over MQTT/TLS through a running platform (every call a round trip through the broker), and in this
 * process over the study's transport. Both run the same Dantzig-Wolfe rounds, so their bills agree.
 *
 * <pre>{@code
 * LiveBenchmark.Result r = LiveBenchmark.run(Files.createTempDirectory("lfa-bench"), 44);
 * }</pre>
 */
public final class LiveBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(LiveBenchmark.class);
    private static final LocalDate DAY = LocalDate.parse("2030-01-15");

    /**
     * One measurement.
     *
     * @param homes             members coordinated
     * @param networkMs         over the network: from the last plan sent to the coordination's result
     * @param inProcessMs       the same coordination in this process
     * @param networkRounds     price rounds over the network
     * @param inProcessRounds   price rounds in process
     * @param networkBillInEur  the community's bill, coordinated over the network
     * @param inProcessBillInEur the same, in process
     */
    public record Result(int homes, long networkMs, long inProcessMs, int networkRounds, int inProcessRounds,
                         double networkBillInEur, double inProcessBillInEur) {
    }

    private LiveBenchmark() {
    }

    /** Coordinates {@code homes} homes of the reference study's first community (feeders 1 and 2) both ways. */
    public static Result run(Path dir, int homes) throws Exception {
        CommunitySettings settings = CommunitySettings.defaults()
                .withTimes(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2));
        List<Map.Entry<String, HomeAssets>> chosen = new ArrayList<>();
        for (Map.Entry<String, HomeAssets> e : StudyHomes.all(settings.scenario()).entrySet()) {
            if ((e.getKey().startsWith("F1_") || e.getKey().startsWith("F2_")) && chosen.size() < homes) {
                chosen.add(e);
            }
        }
        Instant midnight = DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        long networkMs;
        CoordinationResult network;
        try (Platform p = Platform.start(new Platform.Config(dir.resolve("data"), "127.0.0.1", 0, 0), settings)) {
            Path ca = dir.resolve("data/tls/server.crt");
            ApiClient api = new ApiClient(p.apiUrl(), ca);
            String operator = Files.readString(dir.resolve("data/operator.token")).trim();
            List<CemsClient> clients = new ArrayList<>();
            List<LiveCems> cems = new ArrayList<>();
            for (Map.Entry<String, HomeAssets> e : chosen) {
                CemsClient c = CemsClient.connect(p.apiUrl(), e.getKey(),
                        api.registerAgent(operator, e.getKey(), "cems"), ca, null);
                clients.add(c);
                LiveCems home = new LiveCems(c, new LiveHome(e.getKey(), e.getValue(), settings.scenario(), 15));
                home.awaitTariffs(10_000);
                cems.add(home);
            }
            cems.forEach(h -> h.startPtu(midnight));
            long t0 = System.nanoTime();
            while ((network = p.coordination(DAY)) == null) {
                Thread.sleep(5);
            }
            networkMs = (System.nanoTime() - t0) / 1_000_000;
            for (CemsClient c : clients) {
                c.close();
            }
        }
        // the peer: the same homes, the same day, the study's in-process transport
        InProcessTransport transport = new InProcessTransport();
        AggregatorAgent aggregator = new AggregatorAgent(new AgentId(WireCodec.AGGREGATOR), settings.communityId(),
                PlatformAgents.coordinator());
        transport.register(aggregator.id(), aggregator);
        List<AgentId> ids = new ArrayList<>();
        List<double[]> initial = new ArrayList<>();
        for (Map.Entry<String, HomeAssets> e : chosen) {
            CemsAgent agent = new LiveHome(e.getKey(), e.getValue(), settings.scenario(), 15).planDay(DAY);
            transport.register(agent.id(), agent);
            ids.add(agent.id());
            initial.add(agent.uc1Schedule().netInKw());
        }
        CommunityDay day = new CommunityDay(settings.grid(), settings.importPriceInEurPerKwh(DAY),
                settings.exportPriceInEurPerKwh(DAY), new double[settings.grid().ptusPerDay()]);
        long t1 = System.nanoTime();
        CoordinationResult local = aggregator.coordinate(DAY + "-1", day, ids, initial, transport);
        long inProcessMs = (System.nanoTime() - t1) / 1_000_000;
        Result r = new Result(chosen.size(), networkMs, inProcessMs, network.iterations(), local.iterations(),
                network.costInEur(), local.costInEur());
        LOG.info("live coordination of {} homes: network {} ms, in process {} ms", chosen.size(), networkMs,
                inProcessMs);
        return r;
    }
}
