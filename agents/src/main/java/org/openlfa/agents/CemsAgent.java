package org.openlfa.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openlfa.agents.MessageContent.CommunityPriceSignal;
import org.openlfa.agents.MessageContent.NetScheduleProposal;
import org.openlfa.agents.MessageContent.RestOfCommunitySignal;
import org.openlfa.agents.MessageContent.ScheduleAward;
import org.openlfa.core.PtuSeries;
import org.openlfa.optim.CommunityDay;
import org.openlfa.optim.HomeDayProblem;
import org.openlfa.optim.HomeOptimizer;
import org.openlfa.optim.HomeSchedule;
import org.openlfa.optim.NetPowerLimits;
import org.openlfa.agents.MessageContent.FlexibilityCall;
import org.openlfa.agents.MessageContent.FlexibilityProposal;
import org.openlfa.agents.MessageContent.FlexibilityVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A home's energy management system (the Prosumer's agent). It keeps its home's model private: it plans its own day
 * (UC1), answers the aggregator's calls for proposals with net schedules only, and finally runs the convex combination
 * of its proposals that the aggregator awards (UC2).
 *
 * <pre>{@code
 * CemsAgent cems = new CemsAgent(new AgentId("cems-h1"), homeDayProblem, HomeOptimizer.create());
 * transport.register(cems.id(), cems);
 * double[] initial = cems.uc1Schedule().netInKw();   // the first proposal of any negotiation
 * // ... aggregator.coordinate(...) ...
 * HomeSchedule plan = cems.finalSchedule();
 * }</pre>
 */
public final class CemsAgent implements Agent {

    private static final Logger LOG = LoggerFactory.getLogger(CemsAgent.class);

    private final AgentId id;
    private final HomeDayProblem problem;
    private final HomeOptimizer optimizer;
    /** The proposals of the current conversation, device by device, the UC1 schedule first. */
    private final List<HomeSchedule> proposals = new ArrayList<>();
    private HomeSchedule uc1;
    private HomeSchedule finalSchedule;
    private HomeSchedule pendingFlexibility;

    /**
     * What the CEMS charges itself for each kWh it cannot keep within a grid operator's limit: high, so the home
     * stays within the limits wherever its devices allow, and only where they do not does the excess remain.
     */
    private static final double FLEXIBILITY_EXCESS_PENALTY_IN_EUR_PER_KWH = 5.0;
    private String conversationId;

    /** Creates the agent and plans its day (UC1) at once. */
    public CemsAgent(AgentId id, HomeDayProblem problem, HomeOptimizer optimizer) {
        this.id = Objects.requireNonNull(id, "id");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        planDay();
    }

    /** (Re)plans the day on the home's own tariff and forgets any earlier negotiation. */
    public HomeSchedule planDay() {
        uc1 = optimizer.optimise(problem);
        startConversation(null);
        return uc1;
    }

    @Override
    public AgentId id() {
        return id;
    }

    /** The schedule that minimises the home's own bill (UC1): the first proposal of every negotiation. */
    public HomeSchedule uc1Schedule() {
        return uc1;
    }

    /** The schedule the home runs: the awarded combination, or the UC1 schedule if never coordinated. */
    public HomeSchedule finalSchedule() {
        return finalSchedule;
    }

    @Override
    public void receive(AclMessage message, Transport transport) {
        if (message.content() instanceof FlexibilityCall call) {
            answerFlexibilityCall(message, call, transport);
            return;
        }
        if (message.content() instanceof FlexibilityVerdict) {
            // accepted: run the flexible schedule from now on; rejected: keep the plan
            if (message.performative() == Performative.ACCEPT_PROPOSAL && pendingFlexibility != null) {
                finalSchedule = pendingFlexibility;
            }
            pendingFlexibility = null;
            return;
        }
        switch (message.performative()) {
            case CFP -> answerCallForProposals(message, transport);
            case ACCEPT_PROPOSAL -> acceptAward(message);
            case REJECT_PROPOSAL -> {
                // the negotiation ended without us: keep the own plan
                finalSchedule = uc1;
            }
            default -> LOG.warn("{} ignores a {} from {}", id, message.performative(), message.sender());
        }
    }

    /**
     * A grid operator's call, passed on by the aggregator: the cheapest schedule within the limits, held until the
     * verdict. Its cost is what the home gives up against its own optimum (UC1), so that a home paid that cost is
     * never worse off than on its own, whatever the community plan asked of it before.
     */
    private void answerFlexibilityCall(AclMessage message, FlexibilityCall call, Transport transport) {
        pendingFlexibility = optimizer.optimiseWithinLimits(problem, uc1.wetStartPtus(),
                new NetPowerLimits(call.maxNetInKw().toArray(), call.minNetInKw().toArray(),
                        FLEXIBILITY_EXCESS_PENALTY_IN_EUR_PER_KWH));
        double extraCost = Math.max(0, pendingFlexibility.costInEur() - uc1.costInEur());
        transport.send(message.replyTo(id, Performative.PROPOSE,
                new FlexibilityProposal(PtuSeries.of(pendingFlexibility.netInKw()), extraCost)));
    }

    private void answerCallForProposals(AclMessage message, Transport transport) {
        if (!message.conversationId().equals(conversationId)) {
            startConversation(message.conversationId());
        }
        HomeSchedule proposal;
        int round;
        if (message.content() instanceof CommunityPriceSignal signal) {
            round = signal.round();
            proposal = optimizer.respondToPrices(problem, uc1.wetStartPtus(), signal.priceInEurPerKwh().toArray());
        } else if (message.content() instanceof RestOfCommunitySignal signal) {
            round = signal.round();
            // the community's retail prices are the home's own: all members share the supplier's tariff
            CommunityDay rest = new CommunityDay(problem.grid(), problem.importPriceInEurPerKwh(),
                    problem.exportPriceInEurPerKwh(), signal.restOfCommunityNetInKw().toArray());
            proposal = optimizer.respondToCommunity(problem, uc1.wetStartPtus(), rest);
        } else {
            LOG.warn("{} cannot answer a CFP with {}", id, message.content());
            return;
        }
        proposals.add(proposal);
        transport.send(message.replyTo(id, Performative.PROPOSE, new NetScheduleProposal(round,
                PtuSeries.of(proposal.netInKw()))));
    }

    private void acceptAward(AclMessage message) {
        if (!(message.content() instanceof ScheduleAward award)) {
            LOG.warn("{} ignores an ACCEPT_PROPOSAL with {}", id, message.content());
            return;
        }
        // an award without a call (a single-member community that only ever had its UC1 proposal) is still valid
        if (conversationId != null && !message.conversationId().equals(conversationId)) {
            throw new IllegalArgumentException(id + " got an award for conversation " + message.conversationId()
                    + " while negotiating " + conversationId);
        }
        double[] weights = award.weightsOfProposals().toArray();
        if (weights.length != proposals.size()) {
            throw new IllegalArgumentException(id + " made " + proposals.size() + " proposals but was awarded "
                    + weights.length + " weights");
        }
        finalSchedule = HomeSchedule.mix(proposals, weights, problem);
    }

    private void startConversation(String newConversationId) {
        conversationId = newConversationId;
        proposals.clear();
        proposals.add(uc1);
        finalSchedule = uc1;
    }
}
