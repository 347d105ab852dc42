package org.openlfa.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.openlfa.model.scenario.LocalMarketRule;

class LocalMarketTest {

    @Test
    void midMarketRateSplitsTheSaving() {
        // two buyers of 1 kWh each, one seller of 1 kWh: 1 kWh traded at (0.30 + 0.05) / 2 = 0.175
        LocalMarket.Settlement s = new LocalMarket(LocalMarketRule.MID_MARKET_RATE)
                .settle(new double[] {1, 1, -1}, 1.0, 0.30, 0.05);
        assertThat(s.tradedInKwh()).isCloseTo(1, within(1e-12));
        assertThat(s.localBoughtInKwh()).containsExactly(0.5, 0.5, 0.0);
        assertThat(s.billInEur()[0]).isCloseTo(0.5 * 0.175 + 0.5 * 0.30, within(1e-12));
        assertThat(s.billInEur()[2]).isCloseTo(-0.175, within(1e-12));
        // money balances: the community pays the supplier for 1 kWh
        assertThat(s.billInEur()[0] + s.billInEur()[1] + s.billInEur()[2]).isCloseTo(0.30, within(1e-12));
    }

    @Test
    void billSharingGivesTheSavingToTheLongSide() {
        LocalMarket.Settlement shortOfPower = new LocalMarket(LocalMarketRule.BILL_SHARING)
                .settle(new double[] {1, 1, -1}, 1.0, 0.30, 0.05);
        assertThat(shortOfPower.localPriceInEurPerKwh()).isEqualTo(0.30);
        LocalMarket.Settlement longOfPower = new LocalMarket(LocalMarketRule.BILL_SHARING)
                .settle(new double[] {1, -1, -1}, 1.0, 0.30, 0.05);
        assertThat(longOfPower.localPriceInEurPerKwh()).isEqualTo(0.05);
        assertThat(longOfPower.billInEur()[0]).isCloseTo(0.05, within(1e-12));
        assertThat(longOfPower.billInEur()[1] + longOfPower.billInEur()[2]).isCloseTo(-0.05 - 0.05, within(1e-12));
    }
}
