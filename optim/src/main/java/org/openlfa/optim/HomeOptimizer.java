package org.openlfa.optim;

/**
 * The CEMS's planner: schedules one home's flexible devices for one day.
 *
 * <pre>{@code
 * HomeOptimizer optimizer = HomeOptimizer.create();
 * HomeSchedule uc1 = optimizer.optimise(day);                         // cheapest bill under the home's tariff
 * HomeSchedule bid = optimizer.respondToPrices(day, uc1.wetStartPtus(), localPrices); // a proposal to the community
 * }</pre>
 */
public interface HomeOptimizer {

    /** The default implementation (OR-Tools GLOP linear programmes, exact search over wet-appliance starts). */
    static HomeOptimizer create() {
        return new GlopHomeOptimizer();
    }

    /**
     * UC1: the schedule that minimises the home's own bill under its tariff, within device limits and comfort.
     * Never worse than the baseline when the baseline is feasible.
     */
    HomeSchedule optimise(HomeDayProblem problem);

    /**
     * The cheapest schedule under the home's tariff that keeps its net power within the limits (a grid operator's
     * request passed on by the aggregator), wet appliances held at the given starts. Where the home cannot stay within
     * a limit, the excess is allowed at the limits' penalty, so the answer always exists and shows how far the home
     * can go.
     */
    HomeSchedule optimiseWithinLimits(HomeDayProblem problem, int[] wetStartPtus, NetPowerLimits limits);

    /**
     * The schedule that minimises {@code sum_t price[t] * net[t] * dt} for the given per-PTU prices (EUR/kWh) with the
     * wet appliances held at the given starts: the home's answer to a community price signal.
     */
    /**
     * The schedule that minimises the community's bill with the supplier when the rest of the community's summed net
     * exchange is {@code restOfCommunity.fixedNetInKw()}, wet appliances held at the given starts.
     */
    HomeSchedule respondToCommunity(HomeDayProblem problem, int[] wetStartPtus, CommunityDay restOfCommunity);

    HomeSchedule respondToPrices(HomeDayProblem problem, int[] wetStartPtus, double[] priceInEurPerKwh);
}
