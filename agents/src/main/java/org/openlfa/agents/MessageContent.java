package org.openlfa.agents;

import java.util.Arrays;

/**
 * The typed content of an {@link AclMessage}. Plain data only, because the same contents will travel over the
 * network: numbers and arrays, never a home's devices or comfort settings. Arrays are copied on the way in and on the
 * way out, so a content is immutable; {@code equals} compares arrays by value.
 *
 * <pre>{@code
 * MessageContent cfp = new MessageContent.CommunityPriceSignal(3, localPrices);
 * if (reply.content() instanceof MessageContent.NetScheduleProposal p) { use(p.netInKw()); }
 * }</pre>
 */
public sealed interface MessageContent {

    /**
     * With {@link Performative#CFP}: answer with your cheapest net schedule at these prices.
     *
     * @param round            the aggregator's round number; the answer carries it back
     * @param priceInEurPerKwh per PTU, the local price of energy
     */
    record CommunityPriceSignal(int round, double[] priceInEurPerKwh) implements MessageContent {
        public CommunityPriceSignal {
            priceInEurPerKwh = priceInEurPerKwh.clone();
        }

        @Override
        public double[] priceInEurPerKwh() {
            return priceInEurPerKwh.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CommunityPriceSignal s && s.round == round
                    && Arrays.equals(s.priceInEurPerKwh, priceInEurPerKwh);
        }

        @Override
        public int hashCode() {
            return 31 * round + Arrays.hashCode(priceInEurPerKwh);
        }

        @Override
        public String toString() {
            return "CommunityPriceSignal[round=" + round + ", ptus=" + priceInEurPerKwh.length + "]";
        }
    }

    /**
     * With {@link Performative#CFP}: answer with your best schedule for the community, given the others' net.
     *
     * @param round                  the aggregator's round number; the answer carries it back
     * @param restOfCommunityNetInKw per PTU, the summed net exchange of all other members (positive = import)
     */
    record RestOfCommunitySignal(int round, double[] restOfCommunityNetInKw) implements MessageContent {
        public RestOfCommunitySignal {
            restOfCommunityNetInKw = restOfCommunityNetInKw.clone();
        }

        @Override
        public double[] restOfCommunityNetInKw() {
            return restOfCommunityNetInKw.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RestOfCommunitySignal s && s.round == round
                    && Arrays.equals(s.restOfCommunityNetInKw, restOfCommunityNetInKw);
        }

        @Override
        public int hashCode() {
            return 31 * round + Arrays.hashCode(restOfCommunityNetInKw);
        }

        @Override
        public String toString() {
            return "RestOfCommunitySignal[round=" + round + ", ptus=" + restOfCommunityNetInKw.length + "]";
        }
    }

    /**
     * With {@link Performative#PROPOSE}: a net schedule the member is able to run.
     *
     * @param round   the round of the call it answers
     * @param netInKw per PTU, the member's net exchange (positive = import)
     */
    record NetScheduleProposal(int round, double[] netInKw) implements MessageContent {
        public NetScheduleProposal {
            netInKw = netInKw.clone();
        }

        @Override
        public double[] netInKw() {
            return netInKw.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NetScheduleProposal p && p.round == round && Arrays.equals(p.netInKw, netInKw);
        }

        @Override
        public int hashCode() {
            return 31 * round + Arrays.hashCode(netInKw);
        }

        @Override
        public String toString() {
            return "NetScheduleProposal[round=" + round + ", ptus=" + netInKw.length + "]";
        }
    }

    /**
     * With {@link Performative#ACCEPT_PROPOSAL}: run this convex combination of your proposals.
     *
     * @param weightsOfProposals one weight per proposal of the conversation, in the order made, the initial (UC1)
     *                           schedule first; non-negative, summing to 1
     */
    record ScheduleAward(double[] weightsOfProposals) implements MessageContent {
        public ScheduleAward {
            weightsOfProposals = weightsOfProposals.clone();
        }

        @Override
        public double[] weightsOfProposals() {
            return weightsOfProposals.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ScheduleAward a && Arrays.equals(a.weightsOfProposals, weightsOfProposals);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(weightsOfProposals);
        }

        @Override
        public String toString() {
            return "ScheduleAward" + Arrays.toString(weightsOfProposals);
        }
    }

    /**
     * With {@link Performative#INFORM}: the plan the sender runs.
     *
     * @param netInKw   per PTU, the net exchange (positive = import)
     * @param billInEur the day's bill of that plan under the sender's tariff
     */
    record PlanReport(double[] netInKw, double billInEur) implements MessageContent {
        public PlanReport {
            netInKw = netInKw.clone();
        }

        @Override
        public double[] netInKw() {
            return netInKw.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PlanReport r && Double.compare(r.billInEur, billInEur) == 0
                    && Arrays.equals(r.netInKw, netInKw);
        }

        @Override
        public int hashCode() {
            return 31 * Double.hashCode(billInEur) + Arrays.hashCode(netInKw);
        }

        @Override
        public String toString() {
            return "PlanReport[ptus=" + netInKw.length + ", billInEur=" + billInEur + "]";
        }
    }

    /**
     * With {@link Performative#CFP} from an aggregator: the grid operator needs flexibility; answer with the cheapest
     * schedule that keeps your net power within these limits (NaN = no limit), as far as you can.
     *
     * @param maxNetInKw per PTU, the most the home should import
     * @param minNetInKw per PTU, the least it should import (the most it should export)
     */
    record FlexibilityCall(double[] maxNetInKw, double[] minNetInKw) implements MessageContent {
        public FlexibilityCall {
            maxNetInKw = maxNetInKw.clone();
            minNetInKw = minNetInKw.clone();
        }

        @Override
        public double[] maxNetInKw() {
            return maxNetInKw.clone();
        }

        @Override
        public double[] minNetInKw() {
            return minNetInKw.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FlexibilityCall c && Arrays.equals(c.maxNetInKw, maxNetInKw)
                    && Arrays.equals(c.minNetInKw, minNetInKw);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(maxNetInKw) + Arrays.hashCode(minNetInKw);
        }
    }

    /**
     * With {@link Performative#PROPOSE}: the net schedule the home can run within a {@link FlexibilityCall} and what
     * it costs the home compared with its current plan.
     *
     * @param netInKw        per PTU, the net schedule offered
     * @param extraCostInEur the home's extra bill for the day (never negative)
     */
    record FlexibilityProposal(double[] netInKw, double extraCostInEur) implements MessageContent {
        public FlexibilityProposal {
            netInKw = netInKw.clone();
        }

        @Override
        public double[] netInKw() {
            return netInKw.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FlexibilityProposal p && Arrays.equals(p.netInKw, netInKw)
                    && p.extraCostInEur == extraCostInEur;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(netInKw) + Double.hashCode(extraCostInEur);
        }
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
