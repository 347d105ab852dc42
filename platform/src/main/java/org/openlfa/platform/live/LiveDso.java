package org.openlfa.platform.live;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.Agent;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.DsoAgent;
import org.openlfa.agents.GridState;
import org.openlfa.agents.MessageContent;
import org.openlfa.agents.Performative;
import org.openlfa.agents.Transport;
import org.openlfa.agents.usef.CongestionPoint;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.GridRegime;
import org.openlfa.protocol.uftp.Prognosis;
import org.openlfa.community.Household;
import org.openlfa.sim.Study;
import org.openlfa.sim.grid.PowerFlowGridObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.community.CommunitySettings;
import org.openlfa.platform.store.Store;
import org.openlfa.community.HomeProfile;

/**
 * The platform's DSO agent: the study's {@link DsoAgent} on the platform's network ({@link
 * CommunitySettings#network()}, by default the reference ENWL network 22), fed by the aggregator's signed
 * D-Prognoses and talking UFTP back over the {@link UftpLink}.
 *
 * <p>For each day: the day-ahead D-Prognoses (one per feeder where the aggregator has homes) arrive; the DSO places
 * each feeder's prognosis on the aggregator's homes of that feeder in equal shares (USEF gives the DSO the
 * portfolio's connections, not their split), the other homes at their uncontrolled profiles, runs the power flow of
 * every PTU, stores the traffic lights, and sends a FlexRequest per congested point. It orders the offers priced
 * within its cap. The revised D-Prognoses after dispatch give the final traffic lights and the settlement.
 */
final class LiveDso implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDso.class);

    /** What the DSO keeps of a day between messages. */
    private static final class Day {
        final DsoAgent agent;
        final Map<Long, Map<CongestionPoint, double[]>> prognosesByRevision = new TreeMap<>();
        DsoAgent.Assessment assessment;
        int requests;
        int offers;

        Day(DsoAgent agent) {
            this.agent = agent;
        }
    }

    private final Store store;
    private final CommunitySettings settings;
    private final UftpLink link;
    private final Function<LocalDate, Map<String, Integer>> portfolio;
    private final List<Household> households;
    private final PowerFlowGridObserver observer;
    private final Map<String, HomeProfile> background;
    private final Map<LocalDate, Day> days = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lfa-dso");
        t.setDaemon(true);
        return t;
    });
    private final Transport transport = new Transport() {
        @Override
        public void register(AgentId id, Agent agent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void send(AclMessage message) {
            if (message.content() instanceof MessageContent.Usef usef) {
                if (message.performative() == Performative.REJECT_PROPOSAL) {
                    // UFTP answers an offer it does not take with silence until the offer expires; the aggregator
                    // treats every offer not ordered by then as rejected
                    return;
                }
                link.send(UftpLink.DSO, (Record) usef.message(), UftpLink.AGGREGATOR);
            }
        }

        @Override
        public void deliverAll() {
            // sent as published
        }
    };

    /**
     * @param portfolio per day, the aggregator's homes that were coordinated (study load names) and their feeders
     */
    LiveDso(Store store, CommunitySettings settings, UftpLink link, Function<LocalDate, Map<String, Integer>> portfolio) {
        this.store = store;
        this.settings = settings;
        this.link = link;
        this.portfolio = portfolio;
        Study study = Study.builder().network(settings.loadNetwork(), settings.network().id())
                .communities(settings.network().communities()).dso(settings.dso()).build();
        this.households = study.households();
        this.observer = study.gridObserver().orElseThrow();
        this.background = HomeProfile.allStudyHomes(settings.scenario(), households, settings.grid().ptuInMinutes());
    }

    /** A verified message from the aggregator; handled in order on the DSO's own thread. */
    void onMessage(Record message) {
        worker.execute(() -> {
            try {
                handle(message);
            } catch (RuntimeException | SQLException e) {
                LOG.error("the DSO could not handle a {}", message.getClass().getSimpleName(), e);
            }
        });
    }

    private void handle(Record message) throws SQLException {
        if (message instanceof Prognosis p) {
            LocalDate day = LocalDate.parse(p.period());
            Day d = days.computeIfAbsent(day, x -> new Day(new DsoAgent(new AgentId(UftpLink.DSO.agentId()),
                    UftpLink.DSO.domain(), observer, settings.dso().policy(), settings.dso().transformerRatingInKva(),
                    settings.grid())));
            double[] perIsp = new double[settings.grid().ptusPerDay()];
            for (Prognosis.PrognosisIsp isp : p.isps()) {
                for (int k = 0; k < isp.duration(); k++) {
                    perIsp[isp.start() - 1 + k] = isp.powerInKw();
                }
            }
            Map<CongestionPoint, double[]> ofRevision = d.prognosesByRevision.computeIfAbsent(p.revision(),
                    r -> new java.util.HashMap<>());
            ofRevision.put(p.congestionPoint(), perIsp);
            Map<String, Integer> homes = portfolio.apply(day);
            long feeders = homes.values().stream().distinct().count();
            if (ofRevision.size() < feeders) {
                return; // the other feeders' prognoses are on their way
            }
            double[][] net = netByPtu(day, homes, ofRevision);
            if (p.revision() == 1) {
                assess(day, d, net);
            } else {
                confirm(day, d, net);
            }
        } else if (message instanceof FlexOffer offer) {
            Day d = days.get(LocalDate.parse(offer.period()));
            if (d == null || d.assessment == null) {
                LOG.warn("an offer for {} that the DSO did not ask for", offer.period());
                return;
            }
            d.agent.receive(new AclMessage(Performative.PROPOSE, new AgentId(UftpLink.AGGREGATOR.agentId()),
                    List.of(new AgentId(UftpLink.DSO.agentId())), offer.header().conversationId(),
                    new MessageContent.Usef(offer)), transport);
            if (++d.offers == d.requests) {
                int ordered = d.agent.orderOffers(new AgentId(UftpLink.AGGREGATOR.agentId()), transport).size();
                LOG.info("DSO {}: {} offer(s), {} ordered", offer.period(), d.offers, ordered);
            }
        } else {
            LOG.warn("the DSO ignores a {}", message.getClass().getSimpleName());
        }
    }

    private double[][] netByPtu(LocalDate day, Map<String, Integer> homes,
                                Map<CongestionPoint, double[]> prognoses) {
        int n = settings.grid().ptusPerDay();
        Map<Integer, Long> homesOnFeeder = new TreeMap<>();
        homes.values().forEach(f -> homesOnFeeder.merge(f, 1L, Long::sum));
        double[][] net = new double[n][households.size()];
        for (int i = 0; i < households.size(); i++) {
            String id = households.get(i).id();
            Integer feeder = homes.get(id);
            double[] series = feeder == null
                    ? background.get(id).dayNetInKw(CommunitySettings.seasonOf(day))
                    : share(prognoses.get(CongestionPoint.feeder(feeder)), homesOnFeeder.get(feeder), n);
            for (int t = 0; t < n; t++) {
                net[t][i] = series[t];
            }
        }
        return net;
    }

    private static double[] share(double[] feederPrognosis, long homes, int n) {
        double[] out = new double[n];
        if (feederPrognosis != null) {
            for (int t = 0; t < n; t++) {
                out[t] = feederPrognosis[t] / homes;
            }
        }
        return out;
    }

    private void assess(LocalDate day, Day d, double[][] net) throws SQLException {
        d.assessment = d.agent.assess(day.toString(), net);
        storeStates(day, d.assessment.states(), d.assessment.regimes());
        List<FlexRequest> sent = d.agent.requestFlexibility(d.assessment, new AgentId(UftpLink.AGGREGATOR.agentId()),
                UftpLink.AGGREGATOR.domain(), transport);
        d.requests = sent.size();
        LOG.info("DSO {}: {} congested PTU(s), {} red; {} FlexRequest(s)", day, d.assessment.congestedPtus(),
                d.assessment.redPtus(), sent.size());
    }

    private void confirm(LocalDate day, Day d, double[][] net) throws SQLException {
        if (d.assessment == null) {
            return;
        }
        DsoAgent.Confirmation c = d.agent.confirm(d.assessment, net, new AgentId(UftpLink.AGGREGATOR.agentId()),
                UftpLink.AGGREGATOR.domain(), transport);
        storeStates(day, c.states(), c.regimes());
        LOG.info("DSO {}: ordered {} kWh, delivered {} kWh, settled {} EUR", day, c.orderedInKwh(),
                c.deliveredInKwh(), c.costInEur());
    }

    private void storeStates(LocalDate day, GridState[] states, GridRegime[] regimes) throws SQLException {
        long dayStart = day.toEpochDay() * 86_400_000L;
        long ptuMs = settings.grid().ptuInMinutes() * 60_000L;
        for (int t = 0; t < states.length; t++) {
            GridState s = states[t];
            String regime = s.converged() ? regimes[t].name() : "RED";
            store.upsertGridState(dayStart + t * ptuMs, regime, s.converged() ? s.transformerLoadingPct() : Double.NaN,
                    s.converged() ? s.minVoltagePu() : Double.NaN, s.feederPowerInKw());
        }
    }

    /** The homes of the DSO's network (every load, in the network's order), for tests. */
    List<Household> households() {
        return households;
    }

    /** The DSO's power flow of its network, for tests. */
    PowerFlowGridObserver observer() {
        return observer;
    }

    /** The state of a day's assessment, for tests: requests sent and offers received. */
    int[] requestsAndOffers(LocalDate day) {
        Day d = days.get(day);
        return d == null ? new int[] {0, 0} : new int[] {d.requests, d.offers};
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
