package org.openlfa.agents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.openlfa.agents.MessageContent.CommunityPriceSignal;
import org.openlfa.agents.MessageContent.NetScheduleProposal;
import org.openlfa.agents.MessageContent.RestOfCommunitySignal;
import org.openlfa.agents.MessageContent.ScheduleAward;
import org.openlfa.core.PtuSeries;
import org.openlfa.optim.CommunityDay;
import org.openlfa.optim.CoordinationResult;
import org.openlfa.optim.DantzigWolfeCoordinator;
import org.openlfa.optim.PriceResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Local Flexibility Aggregator's agent (LFA role): coordinates a community's CEMS agents (UC2) by a contract-net
 * negotiation carrying {@link DantzigWolfeCoordinator}'s price rounds. It only ever sees net schedules: every member
 * is a {@link PriceResponder} whose calls become a CFP to the member's CEMS and whose answer is the CEMS's PROPOSE.
 *
 * <pre>{@code
 * AggregatorAgent agr = new AggregatorAgent(new AgentId("agr-c1"), "c1", new DantzigWolfeCoordinator(0.001, 60));
 * transport.register(agr.id(), agr);
 * CoordinationResult r = agr.coordinate("winter", day, memberIds, uc1NetSchedules, transport);
 * }</pre>
 */
public final class AggregatorAgent implements Agent {

    private static final Logger LOG = LoggerFactory.getLogger(AggregatorAgent.class);

    private final AgentId id;
    private final String communityId;
    private final DantzigWolfeCoordinator coordinator;
    /** Answers awaited and received, by member and round; completed by {@link #receive} on any thread. */
    private final Map<Reply, CompletableFuture<double[]>> proposalsByRound = new ConcurrentHashMap<>();
    private final Set<Class<? extends MessageContent>> receivedContentTypes = ConcurrentHashMap.newKeySet();
    private final Duration replyTimeout;
    private volatile String conversationId;
    private int round;
    private int coordinations;

    /** A member that did not answer a call in time: the negotiation cannot go on with it. */
    public static final class SilentMemberException extends RuntimeException {
        private final AgentId member;

        SilentMemberException(AgentId member, String message) {
            super(message);
            this.member = member;
        }

        /** The member that stayed silent. */
        public AgentId member() {
            return member;
        }
    }

    /**
     * @param id          this agent's name on the transport
     * @param communityId the community it runs, part of every conversation id
     * @param coordinator the price-directive coordination
     */
    public AggregatorAgent(AgentId id, String communityId, DantzigWolfeCoordinator coordinator) {
        this(id, communityId, coordinator, Duration.ZERO);
    }

    /**
     * For a network transport, where answers arrive later on other threads.
     *
     * @param replyTimeout how long a member may take to answer one call before it counts as silent
     */
    public AggregatorAgent(AgentId id, String communityId, DantzigWolfeCoordinator coordinator,
                           Duration replyTimeout) {
        this.id = Objects.requireNonNull(id, "id");
        this.communityId = Objects.requireNonNull(communityId, "communityId");
        this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
        this.replyTimeout = Objects.requireNonNull(replyTimeout, "replyTimeout");
    }

    @Override
    public AgentId id() {
        return id;
    }

    /** The content types of all messages this agent has received: what it has learnt about the homes. */
    public Set<Class<? extends MessageContent>> receivedContentTypes() {
        return Set.copyOf(receivedContentTypes);
    }

    /** Coordinates one community day; the conversation is labelled by a running number. */
    public CoordinationResult coordinate(CommunityDay day, List<AgentId> members, List<double[]> initialNetSchedules,
                                         Transport transport) {
        return coordinate(Integer.toString(coordinations + 1), day, members, initialNetSchedules, transport);
    }

    /**
     * Coordinates one community day over the transport: price rounds as CFP/PROPOSE, then one ACCEPT_PROPOSAL per
     * member with the weights of its proposals. This agent must be registered on {@code transport}.
     *
     * @param dayLabel            names the day in the conversation id {@code "uc2-<communityId>-<dayLabel>"}
     * @param day                 the community's prices and the net exchange of its uncoordinated members
     * @param members             the coordinated members' CEMS agents
     * @param initialNetSchedules per member, its first proposal: the net of its UC1 schedule
     * @throws SilentMemberException when a member does not answer a call within the reply timeout (network only)
     */
    public CoordinationResult coordinate(String dayLabel, CommunityDay day, List<AgentId> members,
                                         List<double[]> initialNetSchedules, Transport transport) {
        if (members.size() != initialNetSchedules.size()) {
            throw new IllegalArgumentException(members.size() + " members but " + initialNetSchedules.size()
                    + " initial schedules");
        }
        coordinations++;
        conversationId = "uc2-" + communityId + "-" + dayLabel;
        round = 0;
        proposalsByRound.clear();
        List<Member> proxies = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            proxies.add(new Member(members.get(i), initialNetSchedules.get(i), transport));
        }
        CoordinationResult result = coordinator.coordinate(day, initialNetSchedules, List.copyOf(proxies));
        for (int i = 0; i < proxies.size(); i++) {
            Member member = proxies.get(i);
            double[] weights = member.weightsOverAllProposals();
            transport.send(new AclMessage(Performative.ACCEPT_PROPOSAL, id, List.of(member.id), conversationId,
                    new ScheduleAward(PtuSeries.of(weights))));
        }
        transport.deliverAll();
        LOG.info("{}: {} members, {} rounds, bill {} EUR (gap {} %)", conversationId, members.size(),
                result.iterations(), result.costInEur(), result.provenGapPct());
        return result;
    }

    @Override
    public void receive(AclMessage message, Transport transport) {
        receivedContentTypes.add(message.content().getClass());
        if (!message.conversationId().equals(conversationId)) {
            LOG.warn("{} ignores a {} from {} in the stale conversation {}", id, message.performative(),
                    message.sender(), message.conversationId());
        } else if (message.performative() == Performative.PROPOSE
                && message.content() instanceof NetScheduleProposal proposal) {
            CompletableFuture<double[]> awaited = proposalsByRound.get(new Reply(message.sender(), proposal.round()));
            if (awaited == null) {
                LOG.warn("{} ignores an unasked PROPOSE from {} (round {})", id, message.sender(), proposal.round());
            } else {
                awaited.complete(proposal.netInKw().toArray());
            }
        } else {
            LOG.warn("{} ignores a {} with {} from {}", id, message.performative(), message.content(),
                    message.sender());
        }
    }

    /** The key of a member's answer to one call. */
    private record Reply(AgentId member, int round) {
    }

    /** One member as the coordinator sees it; every call is a message round trip to its CEMS. */
    private final class Member implements PriceResponder {

        private final AgentId id;
        private final Transport transport;
        /** Everything the member proposed in this conversation, the initial schedule first. */
        private final List<double[]> proposals = new ArrayList<>();
        private double[] masterWeights;

        Member(AgentId id, double[] initialNetInKw, Transport transport) {
            this.id = id;
            this.transport = transport;
            proposals.add(initialNetInKw.clone());
        }

        @Override
        public double[] propose(double[] priceInEurPerKwh) {
            return ask(priceInEurPerKwh).get();
        }

        @Override
        public double[] proposeAgainst(double[] restOfCommunityNetInKw) {
            return askAgainst(restOfCommunityNetInKw).get();
        }

        @Override
        public Supplier<double[]> ask(double[] priceInEurPerKwh) {
            round++;
            return call(new CommunityPriceSignal(round, PtuSeries.of(priceInEurPerKwh)), round);
        }

        @Override
        public Supplier<double[]> askAgainst(double[] restOfCommunityNetInKw) {
            round++;
            return call(new RestOfCommunitySignal(round, PtuSeries.of(restOfCommunityNetInKw)), round);
        }

        /** Only remembered: the award is sent once the weights are known to refer to the member's proposals. */
        @Override
        public void accept(double[] weightsOfProposals) {
            masterWeights = weightsOfProposals.clone();
        }

        /** Sends the call now; the answer is awaited when the coordinator asks for it. */
        private Supplier<double[]> call(MessageContent signal, int callRound) {
            Reply key = new Reply(id, callRound);
            CompletableFuture<double[]> answer = new CompletableFuture<>();
            proposalsByRound.put(key, answer);
            transport.send(new AclMessage(Performative.CFP, AggregatorAgent.this.id, List.of(id), conversationId,
                    signal));
            transport.deliverAll();
            return () -> {
                try {
                    double[] proposal = answer.isDone() ? answer.join()
                            : answer.get(replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    proposals.add(proposal.clone());
                    return proposal;
                } catch (TimeoutException e) {
                    throw new SilentMemberException(id, id + " did not propose in round " + callRound + " of "
                            + conversationId + " within " + replyTimeout.toMillis() + " ms");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SilentMemberException(id, "interrupted while waiting for " + id);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } finally {
                    proposalsByRound.remove(key);
                }
            };
        }

        /** The award's weights: one per proposal the member made, as the coordinator states them. */
        double[] weightsOverAllProposals() {
            if (masterWeights.length != proposals.size()) {
                throw new IllegalStateException(id + ": " + masterWeights.length + " weights for "
                        + proposals.size() + " proposals");
            }
            return masterWeights.clone();
        }
    }
}
