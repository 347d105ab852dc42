package org.openlfa.platform.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.Agent;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.AggregatorAgent;
import org.openlfa.agents.MessageContent;
import org.openlfa.agents.Performative;
import org.openlfa.agents.Transport;
import org.openlfa.core.Season;
import org.openlfa.optim.CommunityDay;
import org.openlfa.optim.CoordinationResult;
import org.openlfa.optim.DantzigWolfeCoordinator;
import org.openlfa.protocol.uftp.RateLimiter;
import org.openlfa.protocol.uftp.ReplayGuard;
import org.openlfa.sim.StudyOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.community.CommunitySettings;
import org.openlfa.platform.broker.PlatformConnection;
import org.openlfa.platform.security.Authority;
import org.openlfa.platform.store.Store;
import org.openlfa.protocol.Envelope;
import org.openlfa.protocol.Presence;
import org.openlfa.protocol.RejectedMessage;
import org.openlfa.protocol.WireCodec;
import org.openlfa.protocol.mqtt.Topics;

/**
 * The platform's own agents on the network: the community's aggregator (the study's {@link AggregatorAgent}, whose
 * calls for proposals now travel over MQTT to the energy boxes) and the bookkeeping around it. One MQTT client of
 * the broker (so an external broker works the same way) that
 * <ul>
 *   <li>publishes the community's tariffs, retained, on {@code lfa/v1/prices/{community}}, and after each
 *       coordination the community's plan for the day on {@code …/forecast};</li>
 *   <li>follows every agent's presence ({@code online}, or {@code offline} from its last will);</li>
 *   <li>takes the energy boxes' day-ahead plans and, once every connected member has sent its plan for a day (or
 *       the plan window has passed), coordinates the day (UC2) with the members it has; a member that does not
 *       answer a call in time is left out and the day is coordinated again without it;</li>
 *   <li>stores every bid (plan and proposal) once, by message id; refuses messages it cannot use, with the
 *       reason, like the reading intake;</li>
 *   <li>carries the DSO-aggregator exchange (UC3) between the platform's {@link LiveDso} and
 *       {@link LiveFlexibility} as signed UFTP on their inboxes ({@link UftpLink}).</li>
 * </ul>
 */
public final class PlatformAgents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformAgents.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The aggregator's name on the network: where energy boxes address their plans and proposals. */
    static final AgentId AGGREGATOR = new AgentId(WireCodec.AGGREGATOR);
    private static final int MAX_COORDINATION_ATTEMPTS = 3;

    private final Store store;
    private final CommunitySettings settings;
    private final Presence presence;
    private final Predicate<String> isCems;
    private final PlatformConnection connection;
    private final MqttAsyncClient client;
    private final UftpLink uftp;
    private final LiveFlexibility flexibility;
    private final LiveDso dso;
    private final ExecutorService coordinationThread = Executors.newSingleThreadExecutor(
            r -> daemon(r, "lfa-aggregator"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "lfa-plan-window"));
    /** Day-ahead plans received, by day and member; removed when the day is coordinated. */
    private final Map<LocalDate, Map<String, double[]>> plans = new ConcurrentHashMap<>();
    private final Set<LocalDate> coordinated = ConcurrentHashMap.newKeySet();
    private final Map<LocalDate, CoordinationResult> results = new ConcurrentHashMap<>();
    /** Bids carry no resend: a replayed or stale one is refused (freshness window and message ids). */
    private final ReplayGuard replay = new ReplayGuard();
    /** Per agent, 50 bids/s with bursts of 500: a negotiation round is one message per member. */
    private final RateLimiter limiter = new RateLimiter(50, 500);
    private volatile AggregatorAgent aggregator;

    public PlatformAgents(Store store, CommunitySettings settings, Presence presence, Predicate<String> isCems,
                   String brokerUrl, SSLContext tls, String password, Path keyDir) throws MqttException, IOException {
        this.store = store;
        this.settings = settings;
        this.presence = presence;
        this.isCems = isCems;
        this.connection = new PlatformConnection(brokerUrl, Authority.PLATFORM + "-agents", tls, password,
                "the platform's agents");
        this.client = connection.client();
        this.uftp = new UftpLink(client, store, keyDir, settings.network().id());
        this.flexibility = new LiveFlexibility(settings, uftp, PlatformTransport::new);
        this.dso = new LiveDso(store, settings, uftp, flexibility::portfolio);
        connection.connect(new String[] {Topics.ALL_OUTBOXES, Topics.ALL_STATUS,
            Topics.inbox(UftpLink.AGGREGATOR.agentId()), Topics.inbox(UftpLink.DSO.agentId())}, this::route);
        publishTariffs();
    }

    /** The study's coordination, with the study's tolerance and round limit. */
    public static DantzigWolfeCoordinator coordinator() {
        StudyOptions study = StudyOptions.defaults();
        return new DantzigWolfeCoordinator(study.coordinationTolerance(), study.maxCoordinationRounds());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The tariff of every season, retained: an energy box that connects later still gets it at once. */
    private void publishTariffs() throws MqttException {
        ObjectNode root = JSON.createObjectNode();
        root.put("community", settings.communityId());
        root.put("scenario", settings.scenario().name());
        root.put("ptuMinutes", settings.grid().ptuInMinutes());
        root.put("localMarketRule", settings.scenario().localMarketRule().name());
        ObjectNode seasons = root.putObject("seasons");
        for (Season season : Season.values()) {
            ObjectNode s = seasons.putObject(season.name());
            array(s, "importPriceInEurPerKwh", settings.scenario().importTariff().pricesInEurPerKwh(season,
                    settings.grid()));
            array(s, "exportPriceInEurPerKwh", settings.scenario().exportTariff().pricesInEurPerKwh(season,
                    settings.grid()));
        }
        client.publish(Topics.prices(settings.communityId()), root.toString().getBytes(StandardCharsets.UTF_8), 1,
                true);
    }

    private static void array(ObjectNode into, String field, double[] values) {
        ArrayNode a = into.putArray(field);
        for (double v : values) {
            a.add(v);
        }
    }

    private void route(String topic, byte[] payload) {
        if (topic.equals(Topics.inbox(UftpLink.AGGREGATOR.agentId()))) {
            uftp.receive(payload, UftpLink.AGGREGATOR).ifPresent(flexibility::onMessage);
            return;
        }
        if (topic.equals(Topics.inbox(UftpLink.DSO.agentId()))) {
            uftp.receive(payload, UftpLink.DSO).ifPresent(dso::onMessage);
            return;
        }
        String statusOf = Topics.agentOfStatus(topic);
        if (statusOf != null) {
            boolean online = Presence.ONLINE.equals(new String(payload, StandardCharsets.UTF_8));
            presence.set(statusOf, online);
            try {
                store.setPresence(statusOf, online);
            } catch (SQLException e) {
                LOG.warn("presence of {} not stored: {}", statusOf, e.getMessage());
            }
            return;
        }
        String sender = Topics.agentOfOutbox(topic);
        if (sender == null) {
            return;
        }
        if (payload.length > 0 && payload[0] == '<') {
            // signed UFTP from a DSO outside the platform, registered under its domain with its public key
            if (limiter.tryAcquire(sender, System.nanoTime())) {
                uftp.receive(payload, UftpLink.AGGREGATOR, sender).ifPresent(flexibility::onMessage);
            }
            return;
        }
        Envelope e;
        try {
            limiter.require(sender, System.nanoTime());
            e = WireCodec.decode(payload, sender);
            replay.require(sender, e.messageId().toString(), e.sentAtEpochMs(), System.currentTimeMillis());
            accept(e);
        } catch (RejectedMessage r) {
            refuse(sender, topic, payload, r.getMessage());
        } catch (SQLException ex) {
            // not stored: the negotiation goes on without this bid's record; the log says which one
            LOG.error("bid from {} not stored: {}", sender, ex.getMessage());
        }
    }

    private void accept(Envelope e) throws RejectedMessage, SQLException {
        AclMessage m = e.acl();
        String sender = m.sender().value();
        if (!isCems.test(sender)) {
            throw new RejectedMessage("only a community member (a CEMS agent) may bid: " + sender);
        }
        if (!m.receivers().equals(List.of(AGGREGATOR))) {
            throw new RejectedMessage("unknown receiver: the platform's agent is '" + AGGREGATOR.value() + "'");
        }
        LocalDate day = CommunitySettings.dayOf(e.ptuStartEpochMs());
        int n = settings.grid().ptusPerDay();
        if (m.performative() == Performative.INFORM && m.content() instanceof MessageContent.PlanReport plan) {
            if (plan.netInKw().size() != n) {
                throw new RejectedMessage("a day-ahead plan holds " + n + " PTUs, not " + plan.netInKw().size());
            }
            store.insertBid(e.messageId(), sender, m.conversationId(), 0, day, plan.netInKw().toArray());
            onPlan(sender, day, plan.netInKw().toArray());
        } else if (m.performative() == Performative.PROPOSE
                && m.content() instanceof MessageContent.NetScheduleProposal proposal) {
            if (proposal.netInKw().size() != n) {
                throw new RejectedMessage("a proposal holds " + n + " PTUs, not " + proposal.netInKw().size());
            }
            store.insertBid(e.messageId(), sender, m.conversationId(), proposal.round(), day,
                    proposal.netInKw().toArray());
            AggregatorAgent a = aggregator;
            if (a != null) {
                a.receive(m, new PlatformTransport(day));
            }
        } else if (m.performative() == Performative.PROPOSE
                && m.content() instanceof MessageContent.FlexibilityProposal proposal) {
            if (proposal.netInKw().size() != n) {
                throw new RejectedMessage("a flexibility proposal holds " + n + " PTUs, not "
                        + proposal.netInKw().size());
            }
            store.insertBid(e.messageId(), sender, m.conversationId(), -1, day, proposal.netInKw().toArray());
            flexibility.onProposal(day, m);
        } else {
            throw new RejectedMessage("the aggregator takes a day-ahead plan (INFORM PlanReport) or a proposal "
                    + "(PROPOSE NetScheduleProposal or FlexibilityProposal), not " + m.performative() + " "
                    + m.content().getClass().getSimpleName());
        }
    }

    private void refuse(String sender, String topic, byte[] payload, String reason) {
        LOG.info("refused a message from {}: {}", sender, reason);
        String head = new String(payload, 0, Math.min(200, payload.length), StandardCharsets.UTF_8);
        try {
            store.insertRejection(sender, topic, reason, head);
        } catch (SQLException e) {
            LOG.warn("could not record a rejection: {}", e.getMessage());
        }
    }

    private void onPlan(String member, LocalDate day, double[] netInKw) {
        if (coordinated.contains(day)) {
            LOG.info("{}'s plan for {} came after the day was coordinated: it runs its own plan", member, day);
            return;
        }
        Map<String, double[]> ofDay = plans.computeIfAbsent(day, d -> {
            timer.schedule(() -> coordinateOnce(d), settings.planWindow().toMillis(), TimeUnit.MILLISECONDS);
            return new ConcurrentHashMap<>();
        });
        ofDay.put(member, netInKw.clone());
        Set<String> expected = expectedMembers();
        if (ofDay.keySet().containsAll(expected)) {
            coordinateOnce(day);
        }
    }

    private Set<String> expectedMembers() {
        Set<String> expected = new java.util.TreeSet<>(presence.online());
        expected.removeIf(isCems.negate());
        return expected;
    }

    private void coordinateOnce(LocalDate day) {
        if (coordinated.add(day)) {
            coordinationThread.execute(() -> coordinate(day));
        }
    }

    /** Coordinates one day with the members that planned it and are still connected, leaving out silent ones. */
    private void coordinate(LocalDate day) {
        Map<String, double[]> ofDay = plans.remove(day);
        if (ofDay == null) {
            return;
        }
        List<String> members = new ArrayList<>(new java.util.TreeSet<>(ofDay.keySet()));
        members.removeIf(m -> !presence.isOnline(m));
        for (int attempt = 1; attempt <= MAX_COORDINATION_ATTEMPTS && !members.isEmpty(); attempt++) {
            AggregatorAgent agent = new AggregatorAgent(AGGREGATOR, settings.communityId(),
                    coordinator(), settings.replyTimeout());
            aggregator = agent;
            List<AgentId> ids = new ArrayList<>();
            List<double[]> initial = new ArrayList<>();
            for (String m : members) {
                ids.add(new AgentId(m));
                initial.add(ofDay.get(m));
            }
            int n = settings.grid().ptusPerDay();
            CommunityDay communityDay = new CommunityDay(settings.grid(), settings.importPriceInEurPerKwh(day),
                    settings.exportPriceInEurPerKwh(day), new double[n]);
            try {
                CoordinationResult r = agent.coordinate(day.toString() + "-" + attempt, communityDay, ids, initial,
                        new PlatformTransport(day));
                results.put(day, r);
                publishForecast(day, members, r);
                flexibility.afterCoordination(day, members, r.memberNetInKw());
                return;
            } catch (AggregatorAgent.SilentMemberException silent) {
                LOG.warn("coordination of {} (attempt {}): {}; again without it", day, attempt,
                        silent.getMessage());
                members.remove(silent.member().value());
            } catch (RuntimeException ex) {
                LOG.error("coordination of {} failed; members run their own plans", day, ex);
                return;
            } finally {
                aggregator = null;
            }
        }
    }

    private void publishForecast(LocalDate day, List<String> members, CoordinationResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("community", settings.communityId());
        root.put("day", day.toString());
        root.put("members", members.size());
        root.put("rounds", r.iterations());
        root.put("costInEur", r.costInEur());
        root.put("provenGapPct", r.provenGapPct());
        array(root, "communityNetInKw", r.communityNetInKw());
        try {
            client.publish(Topics.prices(settings.communityId()) + "/forecast",
                    root.toString().getBytes(StandardCharsets.UTF_8), 1, true);
        } catch (MqttException e) {
            LOG.warn("forecast of {} not published: {}", day, e.getMessage());
        }
    }

    /** The coordination of a day, once it ran. */
    public CoordinationResult result(LocalDate day) {
        return results.get(day);
    }

    /** Sends the platform agents' messages to the receivers' inboxes, as envelopes about a day. */
    private final class PlatformTransport implements Transport {
        private final long dayStartEpochMs;

        PlatformTransport(LocalDate day) {
            this.dayStartEpochMs = day.toEpochDay() * 86_400_000L;
        }

        @Override
        public void register(AgentId id, Agent agent) {
            throw new UnsupportedOperationException("remote agents register with the platform's API");
        }

        @Override
        public void send(AclMessage message) {
            byte[] payload = WireCodec.encode(new Envelope(UUID.randomUUID(), System.currentTimeMillis(),
                    dayStartEpochMs, settings.grid().ptuInMinutes(), message));
            for (AgentId receiver : message.receivers()) {
                try {
                    client.publish(Topics.inbox(receiver.value()), payload, 1, false);
                } catch (MqttException e) {
                    LOG.warn("{} to {} not sent: {}", message.performative(), receiver, e.getMessage());
                }
            }
        }

        @Override
        public void deliverAll() {
            // answers arrive on the MQTT callback thread
        }
    }

    /** The DSO-aggregator channel (for tests). */
    public UftpLink uftp() {
        return uftp;
    }

    @Override
    public void close() {
        dso.close();
        flexibility.close();
        coordinationThread.shutdownNow();
        timer.shutdownNow();
        connection.close();
    }
}
