package org.openlfa.optim;

import java.util.function.Supplier;

/**
 * A community member as the coordinator sees it: it answers price signals with net schedules and finally learns how
 * its proposals are combined. Nothing else about the home (devices, comfort, consumption) crosses this boundary.
 */
public interface PriceResponder {

    /**
     * A member answered in-process by its own optimiser (no messaging), with its wet appliances held at the given
     * starts; it ignores the final weights.
     */
    static PriceResponder direct(HomeOptimizer optimizer, HomeDayProblem problem, int[] wetStartPtus) {
        return new PriceResponder() {
            @Override
            public double[] propose(double[] priceInEurPerKwh) {
                return optimizer.respondToPrices(problem, wetStartPtus, priceInEurPerKwh).netInKw();
            }

            @Override
            public double[] proposeAgainst(double[] restOfCommunityNetInKw) {
                return optimizer.respondToCommunity(problem, wetStartPtus, new CommunityDay(problem.grid(),
                        problem.importPriceInEurPerKwh(), problem.exportPriceInEurPerKwh(), restOfCommunityNetInKw))
                        .netInKw();
            }

            @Override
            public void accept(double[] weightsOfProposals) {
            }
        };
    }

    /**
     * The member's cheapest net schedule (kW per PTU, positive = import) at the given per-PTU prices (EUR/kWh).
     */
    double[] propose(double[] priceInEurPerKwh);

    /**
     * The member's cheapest net schedule for the community as a whole, given the rest of the community's summed net
     * exchange (kW per PTU) and the community's retail prices: a proposal that fills the others' gaps.
     */
    double[] proposeAgainst(double[] restOfCommunityNetInKw);

    /**
     * Asks for {@link #propose} without waiting for the answer: the coordinator asks every member of a round first and
     * then collects, so members that answer over a network think at the same time. A member in this process answers
     * at once (the default). The supplier's {@code get} may block, and throws what the member's answer threw.
     */
    default Supplier<double[]> ask(double[] priceInEurPerKwh) {
        double[] answer = propose(priceInEurPerKwh);
        return () -> answer;
    }

    /** {@link #proposeAgainst}, asked like {@link #ask}. */
    default Supplier<double[]> askAgainst(double[] restOfCommunityNetInKw) {
        double[] answer = proposeAgainst(restOfCommunityNetInKw);
        return () -> answer;
    }

    /**
     * The final plan: the member runs the convex combination of its proposals with these weights (one per proposal,
     * in the order made, the initial schedule first; they sum to 1).
     */
    void accept(double[] weightsOfProposals);
}
