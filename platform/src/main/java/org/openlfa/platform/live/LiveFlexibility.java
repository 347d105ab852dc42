package org.openlfa.platform.live;

import org.openlfa.community.CommunitySettings;
import org.openlfa.community.NetworkSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.Agent;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.FlexibilityAggregatorAgent;
import org.openlfa.agents.MessageContent;
import org.openlfa.agents.Performative;
import org.openlfa.agents.Transport;
import org.openlfa.agents.usef.CongestionPoint;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexOrder;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.FlexSettlement;
import org.openlfa.agents.usef.UftpHeader;
import org.openlfa.protocol.uftp.Prognosis;
import org.openlfa.protocol.uftp.UftpXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's side of grid flexibility (UC3) on the network: after a day is coordinated it sends the DSO a
 * signed D-Prognosis per feeder; it answers each FlexRequest with the study's {@link FlexibilityAggregatorAgent},
 * whose calls for flexibility go over MQTT to the energy boxes of that point; it dispatches what the DSO orders, and
 * once the DSO's ordering is over (no order within twice the reply timeout) it sends the revised D-Prognoses, which
 * the DSO settles against.
 */
final class LiveFlexibility implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFlexibility.class);
    private static final AgentId SELF = new AgentId(UftpLink.AGGREGATOR.agentId());

    /** One day's flexibility desk. */
    private final class Desk {
        final LocalDate day;
        final FlexibilityAggregatorAgent agent;
        final Map<String, Integer> feederOf;
        final Map<String, FlexOffer> offersSent = new ConcurrentHashMap<>();
        final Set<String> ordered = ConcurrentHashMap.newKeySet();
        final Transport transport;
        ScheduledFuture<?> closing;

        Desk(LocalDate day, Map<String, Integer> feederOf) {
            this.day = day;
            this.feederOf = feederOf;
            this.agent = new FlexibilityAggregatorAgent(SELF, UftpLink.AGGREGATOR.domain(),
                    settings.dso().aggregatorMarginFraction());
            Transport toHomes = homes.apply(day);
            this.transport = new Transport() {
                @Override
                public void register(AgentId id, Agent a) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void send(AclMessage message) {
                    if (message.content() instanceof MessageContent.Usef usef) {
                        if (usef.message() instanceof FlexOffer offer) {
                            offersSent.put(offer.header().messageId(), offer);
                            LOG.info("offer {} at {}: {}", offer.header().messageId(), offer.congestionPoint(),
                                    offer.options().isEmpty() ? "nothing to offer"
                                            : offer.options().get(0).isps().size() + " ISPs for "
                                            + offer.options().get(0).priceInEur() + " EUR");
                        }
                        Record m = (Record) usef.message();
                        link.send(UftpLink.AGGREGATOR, m,
                                UftpLink.dsoOf(UftpXml.header(m).recipientDomain()));
                    } else {
                        toHomes.send(message);
                    }
                }

                @Override
                public void deliverAll() {
                    // answers arrive on the MQTT callback thread
                }
            };
        }
    }

    private final CommunitySettings settings;
    /** The feeder of every home (load) of the platform's network, by load name. */
    private final Map<String, Integer> feederOfHome;
    private final UftpLink link;
    private final Function<LocalDate, Transport> homes;
    private final Map<LocalDate, Desk> desks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lfa-flex-desk");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param homes per day, the transport to the energy boxes (their inboxes, envelopes about that day)
     */
    LiveFlexibility(CommunitySettings settings, UftpLink link, Function<LocalDate, Transport> homes) {
        this.settings = settings;
        this.feederOfHome = NetworkSettings.feederOfLoads(settings.loadNetwork());
        this.link = link;
        this.homes = homes;
    }

    /** The feeder of a home of the platform's network (a load name), or null for a home outside it. */
    Integer feederOf(String agentId) {
        return feederOfHome.get(agentId);
    }

    /** The coordinated homes of a day on the platform's network, with their feeders (the DSO's portfolio view). */
    Map<String, Integer> portfolio(LocalDate day) {
        Desk d = desks.get(day);
        return d == null ? Map.of() : d.feederOf;
    }

    /** After the day's coordination: registers the homes' schedules and sends the day-ahead D-Prognoses. */
    void afterCoordination(LocalDate day, List<String> members, List<double[]> memberNetInKw) {
        Map<String, Integer> feeders = new TreeMap<>();
        for (String m : members) {
            Integer f = feederOf(m);
            if (f != null) {
                feeders.put(m, f);
            }
        }
        if (feeders.isEmpty()) {
            return; // no home on the DSO's network
        }
        Desk desk = new Desk(day, Map.copyOf(feeders));
        for (int i = 0; i < members.size(); i++) {
            Integer f = feeders.get(members.get(i));
            if (f != null) {
                desk.agent.register(new AgentId(members.get(i)), f, memberNetInKw.get(i));
            }
        }
        desks.put(day, desk);
        worker.execute(() -> sendPrognoses(desk, 1));
    }

    private void sendPrognoses(Desk desk, long revision) {
        int n = settings.grid().ptusPerDay();
        Map<Integer, double[]> byFeeder = new TreeMap<>();
        desk.agent.dispatchedNetInKw().forEach((home, net) -> {
            double[] sum = byFeeder.computeIfAbsent(desk.feederOf.get(home.value()), f -> new double[n]);
            for (int t = 0; t < n; t++) {
                sum[t] += net[t];
            }
        });
        String period = desk.day.toString();
        for (Map.Entry<Integer, double[]> e : byFeeder.entrySet()) {
            List<Prognosis.PrognosisIsp> isps = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                isps.add(new Prognosis.PrognosisIsp(e.getValue()[t], t + 1, 1));
            }
            CongestionPoint point = CongestionPoint.feeder(e.getKey());
            link.send(UftpLink.AGGREGATOR, new Prognosis(new UftpHeader(UftpHeader.UFTP_VERSION,
                    UftpLink.AGGREGATOR.domain(), UftpLink.DSO.domain(), period,
                    "D-Prognosis-" + point + "-r" + revision, "D-Prognosis-" + period),
                    "PT" + settings.grid().ptuInMinutes() + "M", period, point, revision, isps), UftpLink.DSO);
        }
    }

    /** A verified message from the DSO. */
    void onMessage(Record message) {
        worker.execute(() -> {
            try {
                handle(message);
            } catch (RuntimeException e) {
                LOG.error("the flexibility desk could not handle a {}", message.getClass().getSimpleName(), e);
            }
        });
    }

    private void handle(Record message) {
        if (message instanceof FlexRequest request) {
            Desk d = desks.get(LocalDate.parse(request.period()));
            if (d == null) {
                LOG.warn("a FlexRequest for {}, a day without homes on the network", request.period());
                return;
            }
            d.agent.receive(new AclMessage(Performative.CFP, new AgentId(UftpLink.DSO.agentId()), List.of(SELF),
                    request.header().conversationId(), new MessageContent.Usef(request)), d.transport);
            d.agent.answerRequests(d.transport, settings.replyTimeout());
            closeLater(d);
        } else if (message instanceof FlexOrder order) {
            Desk d = desks.get(LocalDate.parse(order.period()));
            if (d == null || !d.offersSent.containsKey(order.flexOfferMessageId())) {
                LOG.warn("an order for an offer this desk did not make: {}", order.flexOfferMessageId());
                return;
            }
            d.ordered.add(order.flexOfferMessageId());
            d.agent.receive(new AclMessage(Performative.ACCEPT_PROPOSAL, new AgentId(UftpLink.DSO.agentId()),
                    List.of(SELF), order.header().conversationId(), new MessageContent.Usef(order)), d.transport);
            closeLater(d);
        } else if (message instanceof FlexSettlement settlement) {
            Desk d = desks.get(LocalDate.parse(settlement.periodStart()));
            if (d != null) {
                d.agent.receive(new AclMessage(Performative.INFORM, new AgentId(UftpLink.DSO.agentId()),
                        List.of(SELF), settlement.header().conversationId(), new MessageContent.Usef(settlement)),
                        d.transport);
                LOG.info("settled {}: {} EUR", settlement.periodStart(), d.agent.settledRevenueInEur());
            }
        } else {
            LOG.warn("the flexibility desk ignores a {}", message.getClass().getSimpleName());
        }
    }

    /** A home's answer to a call for flexibility, for the desk of the day the envelope names. */
    void onProposal(LocalDate day, AclMessage proposal) {
        Desk d = desks.get(day);
        if (d != null) {
            d.agent.receive(proposal, d.transport);
        }
    }

    /** When the DSO has been silent for twice the reply timeout, its ordering is over: settle the day's dispatch. */
    private void closeLater(Desk d) {
        if (d.closing != null) {
            d.closing.cancel(false);
        }
        d.closing = worker.schedule(() -> {
            for (FlexOffer offer : d.offersSent.values()) {
                if (!d.ordered.contains(offer.header().messageId())) {
                    // not ordered: the offer lapses, its homes keep their plans
                    d.agent.receive(new AclMessage(Performative.REJECT_PROPOSAL, new AgentId(UftpLink.DSO.agentId()),
                            List.of(SELF), offer.header().conversationId(), new MessageContent.Usef(offer)),
                            d.transport);
                }
            }
            sendPrognoses(d, 2);
        }, 2 * settings.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
