package org.openlfa.agents.usef;

import java.util.List;

/**
 * DSO to aggregator: what was delivered against each order in a settlement period, and what is paid (UFTP
 * FlexSettlement).
 *
 * @param header           common UFTP attributes
 * @param periodStart      first day settled
 * @param periodEnd        last day settled
 * @param currency         ISO 4217 currency code
 * @param orderSettlements one per order
 */
public record FlexSettlement(UftpHeader header, String periodStart, String periodEnd, String currency,
                             List<FlexOrderSettlement> orderSettlements) implements UsefMessage {

    public FlexSettlement {
        orderSettlements = List.copyOf(orderSettlements);
    }

    /** The total to be paid to the aggregator. */
    public double totalInEur() {
        return orderSettlements.stream().mapToDouble(FlexOrderSettlement::netSettlementInEur).sum();
    }

    /**
     * The settlement of one order.
     *
     * @param orderReference     the order settled
     * @param period             the day of the order
     * @param congestionPoint    the congestion point
     * @param priceInEur         the order's price
     * @param penaltyInEur       deducted for flexibility not delivered
     * @param netSettlementInEur price minus penalty
     * @param isps               per ISP, baseline, ordered, actual and delivered power
     */
    public record FlexOrderSettlement(String orderReference, String period, CongestionPoint congestionPoint,
                                      double priceInEur, double penaltyInEur, double netSettlementInEur,
                                      List<SettlementIsp> isps) {
        public FlexOrderSettlement {
            isps = List.copyOf(isps);
        }
    }

    /**
     * One ISP of an order's settlement (USEF sign: + consumption).
     *
     * @param start                  the ISP (1-based)
     * @param baselinePowerInKw      power at the congestion point without the order
     * @param orderedFlexPowerInKw   change ordered
     * @param actualPowerInKw        power measured (in the study: simulated) with the order
     * @param deliveredFlexPowerInKw change delivered (actual minus baseline)
     * @param powerDeficiencyInKw    ordered change not delivered (0 when delivered in full)
     */
    public record SettlementIsp(int start, double baselinePowerInKw, double orderedFlexPowerInKw,
                                double actualPowerInKw, double deliveredFlexPowerInKw, double powerDeficiencyInKw) {
    }
}
