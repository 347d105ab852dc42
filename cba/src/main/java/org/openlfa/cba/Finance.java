package org.openlfa.cba;

/**
 * Net present value, internal rate of return and discounted payback of yearly cash flows, index 0 being today
 * (undiscounted) and index t the end of year t.
 *
 * <pre>{@code
 * double[] flows = Finance.cashFlows(1000, 300, 5, 0.0, 0, 10);   // -1000, then 300 a year for 5 years
 * double npv = Finance.npv(flows, 0.08);                          // 197.81
 * double irr = Finance.irr(flows);                                // 0.1524
 * double payback = Finance.discountedPayback(flows, 0.08);        // 4.03 years
 * }</pre>
 */
public final class Finance {

    private static final double IRR_LOW = -0.99;
    private static final double IRR_HIGH = 10.0;

    private Finance() {
    }

    /**
     * Cash flows of an investment: {@code -capex} today, then {@code annualNet} in year 1 growing by
     * {@code escalation} a year, and the equipment bought again (at {@code replacement}, not escalated) at the end of
     * every {@code lifeInYears} before the horizon.
     */
    public static double[] cashFlows(double capex, double annualNet, int horizonInYears, double escalation,
                                     double replacement, int lifeInYears) {
        double[] flows = new double[horizonInYears + 1];
        flows[0] = -capex;
        for (int t = 1; t <= horizonInYears; t++) {
            flows[t] = annualNet * Math.pow(1 + escalation, t - 1);
            if (lifeInYears > 0 && t % lifeInYears == 0 && t < horizonInYears) {
                flows[t] -= replacement;
            }
        }
        return flows;
    }

    /** Net present value at a yearly discount rate. */
    public static double npv(double[] flows, double rate) {
        double sum = 0;
        for (int t = 0; t < flows.length; t++) {
            sum += flows[t] / Math.pow(1 + rate, t);
        }
        return sum;
    }

    /**
     * The internal rate of return: the rate at which the NPV is zero, found by bisection between -99 % and
     * 1000 %; NaN when the NPV does not change sign there (e.g. flows that never repay, or no investment).
     */
    public static double irr(double[] flows) {
        double lo = IRR_LOW;
        double hi = IRR_HIGH;
        double fLo = npv(flows, lo);
        double fHi = npv(flows, hi);
        if (!(fLo * fHi < 0)) {
            return Double.NaN;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            double fMid = npv(flows, mid);
            if (fMid * fLo > 0) {
                lo = mid;
                fLo = fMid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * Years until the discounted cumulative cash flow turns non-negative, interpolated linearly inside the year it
     * happens; 0 when nothing is invested, NaN when it never happens within the flows.
     */
    public static double discountedPayback(double[] flows, double rate) {
        double cumulative = flows[0];
        if (cumulative >= 0) {
            return 0;
        }
        for (int t = 1; t < flows.length; t++) {
            double discounted = flows[t] / Math.pow(1 + rate, t);
            if (cumulative + discounted >= 0 && discounted > 0) {
                return t - 1 + (-cumulative / discounted);
            }
            cumulative += discounted;
        }
        return Double.NaN;
    }

    /** The present value of a yearly amount paid at the end of years 1..horizon, growing by escalation. */
    public static double presentValueOfAnnual(double annual, int horizonInYears, double escalation, double rate) {
        double sum = 0;
        for (int t = 1; t <= horizonInYears; t++) {
            sum += annual * Math.pow(1 + escalation, t - 1) / Math.pow(1 + rate, t);
        }
        return sum;
    }
}
