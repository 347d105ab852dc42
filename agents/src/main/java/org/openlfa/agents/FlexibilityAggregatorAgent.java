package org.openlfa.agents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openlfa.agents.MessageContent.FlexibilityCall;
import org.openlfa.agents.MessageContent.FlexibilityProposal;
import org.openlfa.agents.MessageContent.FlexibilityVerdict;
import org.openlfa.agents.MessageContent.Usef;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexOrder;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.FlexSettlement;
import org.openlfa.agents.usef.UftpHeader;
import org.openlfa.core.PtuSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's flexibility desk (UC3): answers the grid operator's FlexRequests by a contract-net negotiation with
 * its CEMS agents, offers the result as a FlexOffer, and dispatches the homes when the operator orders.
 *
 * <p>For each request it calls every home of its portfolio behind the congestion point (CFP with the limits the
 * request implies for the home alone), collects the homes' proposals (their schedule within the limits and its cost
 * to them), and picks the cheapest proposals per kWh until the request is covered. The offer's price is the homes'
 * cost plus the aggregator's margin. Each home takes part in at most one offer a day.
 *
 * <pre>{@code
 * desk.register(cemsId, feeder, currentNetInKw);           // the portfolio, each day
 * transport.deliverAll();                                  // the DSO's FlexRequests arrive
 * desk.answerRequests(transport);                          // contract net with the CEMS, FlexOffers to the DSO
 * }</pre>
 */
public final class FlexibilityAggregatorAgent implements Agent {

    private static final Logger LOG = LoggerFactory.getLogger(FlexibilityAggregatorAgent.class);

    private final AgentId id;
    private final String domain;
    private final double marginFraction;
    private final Map<AgentId, Integer> feederOf = new LinkedHashMap<>();
    private final Map<AgentId, double[]> currentNet = new LinkedHashMap<>();
    private final List<AclMessage> pendingRequests = new CopyOnWriteArrayList<>();
    /** The homes' answers to the current call; filled by {@link #receive}, on a network transport from its thread. */
    private final Map<AgentId, FlexibilityProposal> proposals = new ConcurrentHashMap<>();
    private final Map<String, List<AgentId>> selectedByOffer = new LinkedHashMap<>();
    private final Map<String, List<AgentId>> calledByOffer = new LinkedHashMap<>();
    private final Set<AgentId> committed = new HashSet<>();
    private final Map<AgentId, Double> homeCostInEur = new LinkedHashMap<>();
    /** The flexible schedule each selected home proposed, and of those the ones ordered: what the homes now run. */
    private final Map<AgentId, double[]> offeredNet = new LinkedHashMap<>();
    private final Map<AgentId, double[]> dispatchedNet = new LinkedHashMap<>();
    private double settledRevenueInEur;
    private int messages;

    /**
     * @param id             this agent's name on the transport
     * @param domain         its UFTP domain
     * @param marginFraction the aggregator's margin on the homes' cost (0.2 = +20 %)
     */
    public FlexibilityAggregatorAgent(AgentId id, String domain, double marginFraction) {
        this.id = Objects.requireNonNull(id, "id");
        this.domain = domain;
        this.marginFraction = marginFraction;
    }

    @Override
    public AgentId id() {
        return id;
    }

    /** The aggregator's UFTP domain. */
    public String domain() {
        return domain;
    }

    /** Adds a home with an energy box to the portfolio: its CEMS, its feeder and its planned net power. */
    public void register(AgentId cems, int feeder, double[] currentNetInKw) {
        feederOf.put(cems, feeder);
        currentNet.put(cems, currentNetInKw.clone());
    }

    /** What the homes dispatched today are owed for their extra cost (the aggregator pays them out of the price). */
    public Map<AgentId, Double> homeCostInEur() {
        return Map.copyOf(homeCostInEur);
    }

    /** Revenue settled by the grid operator so far. */
    public double settledRevenueInEur() {
        return settledRevenueInEur;
    }

    @Override
    public void receive(AclMessage message, Transport transport) {
        if (message.content() instanceof Usef usef) {
            if (usef.message() instanceof FlexRequest) {
                pendingRequests.add(message);
            } else if (usef.message() instanceof FlexOrder order) {
                dispatch(order.flexOfferMessageId(), true, transport);
            } else if (usef.message() instanceof FlexOffer offer) {
                dispatch(offer.header().messageId(), false, transport);
            } else if (usef.message() instanceof FlexSettlement settlement) {
                settledRevenueInEur += settlement.totalInEur();
            }
        } else if (message.content() instanceof FlexibilityProposal proposal) {
            proposals.put(message.sender(), proposal);
        } else {
            LOG.warn("{} ignores a {} with {} from {}", id, message.performative(), message.content(),
                    message.sender());
        }
    }

    /** Each home's net schedule as dispatched: its flexible schedule where an order came, else its plan. */
    public Map<AgentId, double[]> dispatchedNetInKw() {
        Map<AgentId, double[]> out = new LinkedHashMap<>();
        currentNet.forEach((home, net) -> out.put(home, dispatchedNet.getOrDefault(home, net).clone()));
        return out;
    }

    /** Answers every FlexRequest received since the last call: contract net with the homes, then FlexOffers. */
    public void answerRequests(InProcessTransport transport) {
        answerRequests(transport, Duration.ZERO);
    }

    /**
     * The same over a network transport, where the homes' proposals arrive later: a home that has not answered
     * within {@code replyTimeout} is left out of the offer.
     */
    public void answerRequests(Transport transport, Duration replyTimeout) {
        List<AclMessage> requests = new ArrayList<>(pendingRequests);
        pendingRequests.removeAll(requests);
        for (AclMessage message : requests) {
            FlexRequest request = (FlexRequest) ((Usef) message.content()).message();
            answer(request, message, transport, replyTimeout);
        }
    }

    private void awaitProposals(List<AgentId> candidates, Duration replyTimeout) {
        long end = System.nanoTime() + replyTimeout.toNanos();
        while (!proposals.keySet().containsAll(candidates) && System.nanoTime() < end) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void answer(FlexRequest request, AclMessage message, Transport transport,
                        Duration replyTimeout) {
        int n = request.isps().stream().mapToInt(i -> i.start() - 1 + i.duration()).max().orElse(0);
        n = Math.max(n, currentNet.values().stream().findFirst().map(a -> a.length).orElse(0));
        double[] needInKw = new double[n];
        for (FlexRequest.FlexRequestIsp isp : request.isps()) {
            double wanted = Double.isInfinite(isp.maxPowerInKw()) ? isp.minPowerInKw() : isp.maxPowerInKw();
            for (int k = 0; k < isp.duration(); k++) {
                needInKw[isp.start() - 1 + k] += wanted;
            }
        }
        List<AgentId> candidates = new ArrayList<>();
        for (Map.Entry<AgentId, Integer> e : feederOf.entrySet()) {
            if (request.congestionPoint().contains(e.getValue()) && !committed.contains(e.getKey())) {
                candidates.add(e.getKey());
            }
        }
        proposals.clear();
        for (AgentId home : candidates) {
            double[] net = currentNet.get(home);
            double[] max = new double[n];
            double[] min = new double[n];
            Arrays.fill(max, Double.NaN);
            Arrays.fill(min, Double.NaN);
            for (int t = 0; t < n; t++) {
                if (needInKw[t] < 0) {
                    max[t] = net[t] + needInKw[t];
                } else if (needInKw[t] > 0) {
                    min[t] = net[t] + needInKw[t];
                }
            }
            transport.send(new AclMessage(Performative.CFP, id, List.of(home), message.conversationId(),
                    new FlexibilityCall(PtuSeries.of(max), PtuSeries.of(min))));
        }
        transport.deliverAll();
        awaitProposals(candidates, replyTimeout);
        // cheapest flexibility first: cost per kWh moved in the requested direction
        record Candidate(AgentId home, double[] deltaInKw, double usefulInKwh, double costInEur) {
        }
        List<Candidate> offered = new ArrayList<>();
        for (AgentId home : candidates) {
            FlexibilityProposal p = proposals.get(home);
            if (p == null) {
                continue;
            }
            double[] delta = new double[n];
            double useful = 0;
            for (int t = 0; t < n; t++) {
                delta[t] = p.netInKw().get(t) - currentNet.get(home)[t];
                if (needInKw[t] != 0) {
                    useful += Math.max(0, Math.signum(needInKw[t]) * delta[t]);
                }
            }
            if (useful > 1e-6) {
                offered.add(new Candidate(home, delta, useful, p.extraCostInEur()));
            }
        }
        offered.sort(Comparator.comparingDouble(c -> c.costInEur() / c.usefulInKwh()));
        double[] covered = new double[n];
        List<AgentId> selected = new ArrayList<>();
        double cost = 0;
        for (Candidate c : offered) {
            if (isCovered(needInKw, covered)) {
                break;
            }
            selected.add(c.home());
            cost += c.costInEur();
            for (int t = 0; t < n; t++) {
                covered[t] += c.deltaInKw()[t];
            }
        }
        String offerId = String.format(Locale.ROOT, "FlexOffer-%s-%d", request.congestionPoint(), ++messages);
        calledByOffer.put(offerId, candidates);
        selectedByOffer.put(offerId, selected);
        committed.addAll(selected);
        List<FlexOffer.FlexOfferIsp> isps = new ArrayList<>();
        for (FlexRequest.FlexRequestIsp isp : request.isps()) {
            isps.add(new FlexOffer.FlexOfferIsp(covered[isp.start() - 1], isp.start(), 1));
        }
        for (Candidate c : offered) {
            if (selected.contains(c.home())) {
                homeCostInEur.put(c.home(), c.costInEur());
                offeredNet.put(c.home(), proposals.get(c.home()).netInKw().toArray());
            }
        }
        FlexOffer offer = new FlexOffer(new UftpHeader(UftpHeader.UFTP_VERSION, domain,
                request.header().senderDomain(), request.header().timeStamp(), offerId,
                request.header().conversationId()), request.ispDurationIso(), request.period(),
                request.congestionPoint(), request.header().messageId(), request.contractId(),
                selected.isEmpty() ? List.of() : List.of(new FlexOffer.FlexOfferOption(offerId + "-A", isps,
                        cost * (1 + marginFraction), 1.0)));
        transport.send(message.replyTo(id, Performative.PROPOSE, new Usef(offer)));
    }

    private static boolean isCovered(double[] need, double[] covered) {
        for (int t = 0; t < need.length; t++) {
            if (need[t] < 0 && covered[t] > need[t] + 1e-6) {
                return false;
            }
            if (need[t] > 0 && covered[t] < need[t] - 1e-6) {
                return false;
            }
        }
        return true;
    }

    /** Tells the homes of an offer whether they run their flexible schedule (ordered) or keep their plan. */
    private void dispatch(String offerId, boolean ordered, Transport transport) {
        List<AgentId> selected = selectedByOffer.getOrDefault(offerId, List.of());
        for (AgentId home : calledByOffer.getOrDefault(offerId, List.of())) {
            boolean mine = selected.contains(home);
            if (!mine && committed.contains(home)) {
                continue; // selected for another offer: its verdict comes with that one
            }
            boolean accept = ordered && mine;
            if (accept) {
                dispatchedNet.put(home, offeredNet.get(home));
            }
            transport.send(new AclMessage(accept ? Performative.ACCEPT_PROPOSAL : Performative.REJECT_PROPOSAL, id,
                    List.of(home), offerId, new FlexibilityVerdict()));
            if (!accept) {
                homeCostInEur.remove(home);
                committed.remove(home);
            }
        }
    }
}
