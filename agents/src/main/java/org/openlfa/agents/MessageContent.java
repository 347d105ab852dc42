package org.openlfa.agents;

import org.openlfa.core.PtuSeries;

/**
 * The typed content of an {@link AclMessage}. Plain data only, because the same contents will travel over the
 * network: numbers and {@link PtuSeries} (one value per PTU), never a home's devices or comfort settings. A series is
 * immutable, so a content is too, and {@code equals} compares by value.
 *
 * <pre>{@code
 * MessageContent cfp = new MessageContent.CommunityPriceSignal(3, PtuSeries.of(localPrices));
 * if (reply.content() instanceof MessageContent.NetScheduleProposal p) { use(p.netInKw().toArray()); }
 * }</pre>
 */
public sealed interface MessageContent {

    /**
     * With {@link Performative#CFP}: answer with your cheapest net schedule at these prices.
     *
     * @param round            the aggregator's round number; the answer carries it back
     * @param priceInEurPerKwh per PTU, the local price of energy
     */
    record CommunityPriceSignal(int round, PtuSeries priceInEurPerKwh) implements MessageContent {
    }

    /**
     * With {@link Performative#CFP}: answer with your best schedule for the community, given the others' net.
     *
     * @param round                  the aggregator's round number; the answer carries it back
     * @param restOfCommunityNetInKw per PTU, the summed net exchange of all other members (positive = import)
     */
    record RestOfCommunitySignal(int round, PtuSeries restOfCommunityNetInKw) implements MessageContent {
    }

    /**
     * With {@link Performative#PROPOSE}: a net schedule the member is able to run.
     *
     * @param round   the round of the call it answers
     * @param netInKw per PTU, the member's net exchange (positive = import)
     */
    record NetScheduleProposal(int round, PtuSeries netInKw) implements MessageContent {
    }

    /**
     * With {@link Performative#ACCEPT_PROPOSAL}: run this convex combination of your proposals.
     *
     * @param weightsOfProposals one weight per proposal of the conversation, in the order made, the initial (UC1)
     *                           schedule first; non-negative, summing to 1
     */
    record ScheduleAward(PtuSeries weightsOfProposals) implements MessageContent {
    }

    /**
     * With {@link Performative#INFORM}: the plan the sender runs.
     *
     * @param netInKw   per PTU, the net exchange (positive = import)
     * @param billInEur the day's bill of that plan under the sender's tariff
     */
    record PlanReport(PtuSeries netInKw, double billInEur) implements MessageContent {
    }

    /**
     * With {@link Performative#CFP} from an aggregator: the grid operator needs flexibility; answer with the cheapest
     * schedule that keeps your net power within these limits (NaN = no limit), as far as you can.
     *
     * @param maxNetInKw per PTU, the most the home should import
     * @param minNetInKw per PTU, the least it should import (the most it should export)
     */
    record FlexibilityCall(PtuSeries maxNetInKw, PtuSeries minNetInKw) implements MessageContent {
    }

    /**
     * With {@link Performative#PROPOSE}: the net schedule the home can run within a {@link FlexibilityCall} and what
     * it costs the home compared with its current plan.
     *
     * @param netInKw        per PTU, the net schedule offered
     * @param extraCostInEur the home's extra bill for the day (never negative)
     */
    record FlexibilityProposal(PtuSeries netInKw, double extraCostInEur) implements MessageContent {
    }

    /**
     * With {@link Performative#ACCEPT_PROPOSAL} or {@link Performative#REJECT_PROPOSAL}: the verdict on a flexibility
     * proposal.
     */
    record FlexibilityVerdict() implements MessageContent {
    }

    /**
     * A USEF message between the grid operator and the aggregator: FlexRequest (with {@link Performative#CFP}),
     * FlexOffer ({@link Performative#PROPOSE}), FlexOrder ({@link Performative#ACCEPT_PROPOSAL}), FlexSettlement
     * ({@link Performative#INFORM}).
     *
     * @param message the UFTP message
     */
    record Usef(org.openlfa.agents.usef.UsefMessage message) implements MessageContent {
    }
}
