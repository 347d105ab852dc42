package org.openlfa.cba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** NPV, IRR and payback against cash flows computed by hand. */
class FinanceTest {

    // -1000 today, then 300 a year for 5 years, at 8 %:
    // 300/1.08 + 300/1.08^2 + ... + 300/1.08^5 = 277.78 + 257.20 + 238.15 + 220.51 + 204.17 = 1197.81
    private static final double[] FLOWS = {-1000, 300, 300, 300, 300, 300};

    @Test
    void npvIsTheSumOfDiscountedFlows() {
        assertThat(Finance.npv(FLOWS, 0.08)).isCloseTo(197.81, within(0.01));
        assertThat(Finance.npv(FLOWS, 0.0)).isCloseTo(500, within(1e-9));
    }

    @Test
    void irrMakesTheNpvZero() {
        // by hand: NPV(15 %) = +5.65, NPV(16 %) = -17.71, so the root is ~15.24 %
        double irr = Finance.irr(FLOWS);
        assertThat(irr).isCloseTo(0.15238, within(1e-4));
        assertThat(Finance.npv(FLOWS, irr)).isCloseTo(0, within(1e-6));
    }

    @Test
    void irrIsNegativeWhenTheFlowsRepayLessAndNaNWhenNoRateFits() {
        // -1000 + 100/(1+r) + 100/(1+r)^2 = 0 -> 1+r = (100 + sqrt(100^2 + 4 x 1000 x 100)) / 2000 = 0.3702
        assertThat(Finance.irr(new double[]{-1000, 100, 100})).isCloseTo(-0.62984, within(1e-4));
        assertThat(Finance.irr(new double[]{-1000, 0, 0})).isNaN();
        assertThat(Finance.irr(new double[]{0, 0, 0})).isNaN();
    }

    @Test
    void discountedPaybackInterpolatesInsideTheYear() {
        // cumulative discounted: -1000, -722.22, -465.02, -226.87, -6.36, +197.81 -> 4 + 6.36 / 204.17 = 4.031
        assertThat(Finance.discountedPayback(FLOWS, 0.08)).isCloseTo(4.0312, within(1e-3));
        // undiscounted: -1000 + 3 x 300 = -100, then 100 / 300 of year 4
        assertThat(Finance.discountedPayback(FLOWS, 0.0)).isCloseTo(3.3333, within(1e-3));
        assertThat(Finance.discountedPayback(new double[]{-1000, 100, 100}, 0.08)).isNaN();
        assertThat(Finance.discountedPayback(new double[]{0, 10}, 0.08)).isZero();
    }

    @Test
    void cashFlowsEscalateAndReplaceTheEquipment() {
        double[] flows = Finance.cashFlows(400, 100, 5, 0.10, 400, 2);
        // year 1: 100; year 2: 110 - 400 (replacement); year 3: 121; year 4: 133.1 - 400; year 5: 146.41 (horizon)
        assertThat(flows).containsExactly(new double[]{-400, 100, -290, 121, -266.9, 146.41}, within(1e-9));
    }

    @Test
    void presentValueOfAnAnnuity() {
        // 100 a year for 3 years at 10 %: 90.91 + 82.64 + 75.13 = 248.69
        assertThat(Finance.presentValueOfAnnual(100, 3, 0, 0.10)).isCloseTo(248.69, within(0.01));
    }
}
