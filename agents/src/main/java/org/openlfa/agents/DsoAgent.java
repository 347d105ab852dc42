package org.openlfa.agents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.openlfa.agents.MessageContent.Usef;
import org.openlfa.agents.usef.CongestionPoint;
import org.openlfa.agents.usef.Disposition;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexOrder;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.FlexSettlement;
import org.openlfa.agents.usef.GridRegime;
import org.openlfa.agents.usef.UftpHeader;
import org.openlfa.core.TimeGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grid operator (UC3): watches its LV grid PTU by PTU, and where a limit would be broken (transformer overload,
 * voltage outside EN 50160) it buys flexibility from the aggregator in USEF's yellow regime instead of reinforcing.
 *
 * <p>A day runs in four steps, each ending with {@code transport.deliverAll()} by the caller:
 * <ol>
 *   <li>{@link #assess}: the grid state of every PTU of the forecast day and its traffic light;</li>
 *   <li>{@link #requestFlexibility}: one FlexRequest per {@link CongestionPoint} ("TR1" for the transformer, "F3"
 *       for a feeder's voltage), sent as a CFP to the aggregator, which answers with FlexOffers;</li>
 *   <li>{@link #orderOffers}: each offer cheaper than the operator's price limit is ordered (FlexOrder), others are
 *       rejected;</li>
 *   <li>{@link #confirm}: with the homes' new schedules, the power flow is run again; PTUs still in violation turn
 *       orange, and the delivered flexibility is settled at the ordered price (FlexSettlement).</li>
 * </ol>
 * The operator sees power at its connection points and feeders, never a household's devices.
 */
public final class DsoAgent implements Agent {

    private static final Logger LOG = LoggerFactory.getLogger(DsoAgent.class);

    private final AgentId id;
    private final String domain;
    private final GridObserver observer;
    private final DsoPolicy policy;
    private final double transformerRatingInKva;
    private final TimeGrid grid;
    private final Map<String, FlexRequest> requests = new LinkedHashMap<>();
    private final Map<String, FlexOffer> offers = new LinkedHashMap<>();
    private final List<FlexOrder> orders = new ArrayList<>();
    private String dayLabel;
    private int messages;

    /**
     * @param id                     this agent's name on the transport
     * @param domain                 its UFTP domain
     * @param observer               its view of the grid
     * @param policy                 limits and price limit
     * @param transformerRatingInKva the MV/LV transformer's rating
     * @param grid                   the PTU grid
     */
    public DsoAgent(AgentId id, String domain, GridObserver observer, DsoPolicy policy, double transformerRatingInKva,
                    TimeGrid grid) {
        this.id = Objects.requireNonNull(id, "id");
        this.domain = domain;
        this.observer = observer;
        this.policy = policy;
        this.transformerRatingInKva = transformerRatingInKva;
        this.grid = grid;
    }

    @Override
    public AgentId id() {
        return id;
    }

    /** The day's grid states and traffic lights before any flexibility. */
    public record Assessment(GridState[] states, GridRegime[] regimes, double[][] netInKwByPtu) {

        /** Number of PTUs where the power flow has no solution (voltage collapse): red. */
        public int redPtus() {
            int n = 0;
            for (GridRegime r : regimes) {
                n += r == GridRegime.RED ? 1 : 0;
            }
            return n;
        }

        /** Number of PTUs not green. */
        public int congestedPtus() {
            int n = 0;
            for (GridRegime r : regimes) {
                n += r == GridRegime.GREEN ? 0 : 1;
            }
            return n;
        }
    }

    /**
     * Step 1: the state of every PTU.
     *
     * @param netInKwByPtu per PTU, per connection point, the net power (positive = consumption)
     */
    public Assessment assess(String label, double[][] netInKwByPtu) {
        dayLabel = label;
        requests.clear();
        offers.clear();
        orders.clear();
        GridState[] states = new GridState[netInKwByPtu.length];
        GridRegime[] regimes = new GridRegime[netInKwByPtu.length];
        for (int t = 0; t < states.length; t++) {
            states[t] = observer.observe(netInKwByPtu[t]);
            regimes[t] = regime(states[t], GridRegime.YELLOW);
        }
        return new Assessment(states, regimes, netInKwByPtu);
    }

    /**
     * Step 2: FlexRequests for the congestion points that need them, sent to the aggregator.
     *
     * @return the requests sent (empty on a green day)
     */
    public List<FlexRequest> requestFlexibility(Assessment assessment, AgentId aggregator, String aggregatorDomain,
                                                Transport transport) {
        Map<CongestionPoint, List<FlexRequest.FlexRequestIsp>> byPoint = new LinkedHashMap<>();
        for (int t = 0; t < assessment.states.length; t++) {
            GridState s = assessment.states[t];
            if (assessment.regimes[t] == GridRegime.GREEN) {
                continue;
            }
            int isp = t + 1;
            if (!s.converged()) {
                // red: every feeder that draws power is asked for the share beyond what the grid can carry
                double keep = 0.95 * feasibleShare(assessment.netInKwByPtu[t]); // 5 % inside the limit found
                for (int f = 0; f < s.feederPowerInKw().length; f++) {
                    if (s.feederPowerInKw()[f] > 0) {
                        add(byPoint, CongestionPoint.feeder(f + 1), isp, -s.feederPowerInKw()[f] * (1 - keep));
                    }
                }
                continue;
            }
            if (s.transformerLoadingPct() > policy.maxTransformerLoadingPct() && s.transformerLoadingPct() > 0) {
                double powerFactor = s.transformerPowerInKw()
                        / (s.transformerLoadingPct() / 100 * transformerRatingInKva);
                double reduction = (s.transformerLoadingPct() - policy.maxTransformerLoadingPct()) / 100
                        * transformerRatingInKva * Math.abs(powerFactor);
                add(byPoint, CongestionPoint.transformer(), isp, -reduction);
            }
            for (int f = 0; f < s.feederPowerInKw().length; f++) {
                double head = s.feederPowerInKw()[f];
                double low = s.feederMinVoltagePu()[f];
                double high = s.feederMaxVoltagePu()[f];
                // voltage drop along a radial feeder is close to proportional to its load: ask for the share of the
                // feeder's power that lifts (or lowers) its worst voltage back inside the limit plus the margin
                if (low < policy.minVoltagePu() && head > 0) {
                    double target = policy.minVoltagePu() + policy.targetMarginPu();
                    add(byPoint, CongestionPoint.feeder(f + 1), isp, -head * (target - low) / (1 - low));
                } else if (high > policy.maxVoltagePu() && head < 0) {
                    double target = policy.maxVoltagePu() - policy.targetMarginPu();
                    add(byPoint, CongestionPoint.feeder(f + 1), isp, -head * (high - target) / (high - 1));
                }
            }
        }
        List<FlexRequest> sent = new ArrayList<>();
        for (Map.Entry<CongestionPoint, List<FlexRequest.FlexRequestIsp>> e : byPoint.entrySet()) {
            FlexRequest request = new FlexRequest(header(aggregatorDomain, "FlexRequest-" + e.getKey(),
                    dayLabel + "/" + e.getKey()), isoDuration(), dayLabel, e.getKey(), 1, "openlfa-uc3",
                    "CongestionManagement", e.getValue());
            requests.put(request.header().messageId(), request);
            transport.send(new AclMessage(Performative.CFP, id, List.of(aggregator), request.header().conversationId(),
                    new Usef(request)));
            sent.add(request);
        }
        return sent;
    }

    private static void add(Map<CongestionPoint, List<FlexRequest.FlexRequestIsp>> byPoint, CongestionPoint point, int isp,
                            double powerInKw) {
        // a reduction is asked as "at most -x kW" (USEF sign: + consumption); an increase as "at least +x kW"
        FlexRequest.FlexRequestIsp element = powerInKw < 0
                ? new FlexRequest.FlexRequestIsp(Disposition.REQUESTED, Double.NEGATIVE_INFINITY, powerInKw, isp, 1)
                : new FlexRequest.FlexRequestIsp(Disposition.REQUESTED, powerInKw, Double.POSITIVE_INFINITY, isp, 1);
        byPoint.computeIfAbsent(point, k -> new ArrayList<>()).add(element);
    }

    @Override
    public void receive(AclMessage message, Transport transport) {
        if (message.content() instanceof Usef usef && usef.message() instanceof FlexOffer offer) {
            offers.put(offer.header().messageId(), offer);
        } else if (!(message.content() instanceof Usef)) {
            LOG.warn("{} ignores a {} with {} from {}", id, message.performative(), message.content(),
                    message.sender());
        }
    }

    /**
     * Step 3: orders every offer priced within the limit (per kWh of flexibility offered), rejects the others.
     *
     * @return the orders sent
     */
    public List<FlexOrder> orderOffers(AgentId aggregator, Transport transport) {
        List<FlexOrder> sent = new ArrayList<>();
        for (FlexOffer offer : offers.values()) {
            if (offer.options().isEmpty()) {
                continue;
            }
            FlexOffer.FlexOfferOption option = offer.options().get(0);
            double energy = option.isps().stream().mapToDouble(i -> Math.abs(i.powerInKw()) * i.duration()).sum()
                    * grid.hoursPerPtu();
            boolean affordable = energy > 1e-9 && option.priceInEur() <= policy.maxFlexPriceInEurPerKwh() * energy;
            if (affordable) {
                FlexOrder order = new FlexOrder(header(offer.header().senderDomain(),
                        "FlexOrder-" + offer.congestionPoint(), offer.header().conversationId()), isoDuration(),
                        dayLabel, offer.congestionPoint(), offer.header().messageId(), offer.contractId(),
                        option.optionReference(), "PO-" + dayLabel + "-" + offer.congestionPoint(), option.isps(),
                        option.priceInEur(), "EUR", 1.0);
                orders.add(order);
                sent.add(order);
                transport.send(new AclMessage(Performative.ACCEPT_PROPOSAL, id, List.of(aggregator),
                        offer.header().conversationId(), new Usef(order)));
            } else {
                transport.send(new AclMessage(Performative.REJECT_PROPOSAL, id, List.of(aggregator),
                        offer.header().conversationId(), new Usef(offer)));
            }
        }
        return sent;
    }

    /** The outcome of a day after flexibility: final traffic lights, and the settlement of what was ordered. */
    public record Confirmation(GridState[] states, GridRegime[] regimes, FlexSettlement settlement,
                               double requestedInKwh, double orderedInKwh, double deliveredInKwh, double costInEur) {
    }

    /**
     * Step 4: re-runs the grid with the homes' schedules after dispatch, sets the final traffic lights and settles the
     * orders (sent to the aggregator as an INFORM).
     *
     * @param before       the step 1 assessment
     * @param netInKwByPtu per PTU, per connection point, the net power after dispatch
     */
    public Confirmation confirm(Assessment before, double[][] netInKwByPtu, AgentId aggregator,
                                String aggregatorDomain, Transport transport) {
        int n = netInKwByPtu.length;
        GridState[] after = new GridState[n];
        GridRegime[] regimes = new GridRegime[n];
        for (int t = 0; t < n; t++) {
            if (before.regimes[t] == GridRegime.GREEN) {
                after[t] = before.states[t];
                regimes[t] = GridRegime.GREEN;
            } else {
                after[t] = observer.observe(netInKwByPtu[t]);
                regimes[t] = policy.violated(after[t]) ? regime(after[t], GridRegime.ORANGE) : GridRegime.YELLOW;
            }
        }
        double requested = 0;
        for (FlexRequest r : requests.values()) {
            for (FlexRequest.FlexRequestIsp isp : r.isps()) {
                requested += Math.abs(Double.isInfinite(isp.maxPowerInKw()) ? isp.minPowerInKw() : isp.maxPowerInKw())
                        * grid.hoursPerPtu();
            }
        }
        double ordered = 0;
        double delivered = 0;
        double cost = 0;
        List<FlexSettlement.FlexOrderSettlement> settlements = new ArrayList<>();
        for (FlexOrder order : orders) {
            List<FlexSettlement.SettlementIsp> isps = new ArrayList<>();
            double orderedEnergy = 0;
            double deliveredEnergy = 0;
            for (FlexOffer.FlexOfferIsp isp : order.isps()) {
                int t = isp.start() - 1;
                double baseline = pointPower(order.congestionPoint(), before.states[t]);
                double actual = pointPower(order.congestionPoint(), after[t]);
                double change = actual - baseline;
                // delivered in the ordered direction only, and never more than ordered
                double useful = Math.signum(isp.powerInKw()) * Math.min(Math.abs(isp.powerInKw()),
                        Math.max(0, Math.signum(isp.powerInKw()) * change));
                isps.add(new FlexSettlement.SettlementIsp(isp.start(), baseline, isp.powerInKw(), actual, change,
                        Math.abs(isp.powerInKw()) - Math.abs(useful)));
                orderedEnergy += Math.abs(isp.powerInKw()) * grid.hoursPerPtu();
                deliveredEnergy += Math.abs(useful) * grid.hoursPerPtu();
            }
            double share = orderedEnergy > 0 ? deliveredEnergy / orderedEnergy : 0;
            double penalty = order.priceInEur() * (1 - share);
            settlements.add(new FlexSettlement.FlexOrderSettlement(order.orderReference(), dayLabel,
                    order.congestionPoint(), order.priceInEur(), penalty, order.priceInEur() - penalty, isps));
            ordered += orderedEnergy;
            delivered += deliveredEnergy;
            cost += order.priceInEur() - penalty;
        }
        FlexSettlement settlement = new FlexSettlement(header(aggregatorDomain, "FlexSettlement",
                dayLabel + "/settlement"), dayLabel, dayLabel, "EUR", settlements);
        if (!settlements.isEmpty()) {
            transport.send(new AclMessage(Performative.INFORM, id, List.of(aggregator),
                    settlement.header().conversationId(), new Usef(settlement)));
        }
        return new Confirmation(after, regimes, settlement, requested, ordered, delivered, cost);
    }

    /**
     * The regime of a state: green within the limits, {@code violatedRegime} beyond them, and red where the power flow
     * has no solution: the load is beyond what the grid can carry at all (voltage collapse), where in reality fuses
     * would blow.
     */
    private GridRegime regime(GridState state, GridRegime violatedRegime) {
        if (!state.converged()) {
            return GridRegime.RED;
        }
        return policy.violated(state) ? violatedRegime : GridRegime.GREEN;
    }

    /**
     * For a collapsed PTU: the largest share of every connection's power at which the grid is within its limits,
     * found by bisection on the power flow (the state is not solvable, so no voltage says how far it is).
     */
    private double feasibleShare(double[] netInKw) {
        double feasible = 0;
        double infeasible = 1;
        double[] scaled = new double[netInKw.length];
        for (int step = 0; step < 10; step++) {
            double share = (feasible + infeasible) / 2;
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = netInKw[i] * share;
            }
            GridState s = observer.observe(scaled);
            if (s.converged() && !policy.violated(s)) {
                feasible = share;
            } else {
                infeasible = share;
            }
        }
        return feasible;
    }

    private double pointPower(CongestionPoint congestionPoint, GridState state) {
        if (congestionPoint.isTransformer()) {
            // without a solution there are no losses to add: the connections' sum is the best figure there is
            return state.converged() ? state.transformerPowerInKw()
                    : java.util.Arrays.stream(state.feederPowerInKw()).sum();
        }
        return state.feederPowerInKw()[congestionPoint.feeder() - 1];
    }

    private UftpHeader header(String recipientDomain, String kind, String conversationId) {
        messages++;
        return new UftpHeader(UftpHeader.UFTP_VERSION, domain, recipientDomain, dayLabel,
                String.format(Locale.ROOT, "%s-%s-%d", kind, dayLabel, messages), conversationId);
    }

    private String isoDuration() {
        return "PT" + grid.ptuInMinutes() + "M";
    }
}
