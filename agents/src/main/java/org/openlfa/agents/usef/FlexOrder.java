package org.openlfa.agents.usef;

import java.util.List;

/**
 * DSO to aggregator: the DSO buys an offered option (UFTP FlexOrder).
 *
 * @param header             common UFTP attributes
 * @param ispDurationIso     ISO-8601 duration of one ISP
 * @param period             the day
 * @param congestionPoint    the congestion point
 * @param flexOfferMessageId the offer ordered from
 * @param contractId         the contract
 * @param optionReference    the option ordered
 * @param orderReference     the DSO's own reference (purchase order)
 * @param isps               the ordered change of power per ISP (USEF sign)
 * @param priceInEur         the agreed price
 * @param currency           ISO 4217 currency code, "EUR"
 * @param activationFactor   the share of the option ordered
 */
public record FlexOrder(UftpHeader header, String ispDurationIso, String period, CongestionPoint congestionPoint,
                        String flexOfferMessageId, String contractId, String optionReference, String orderReference,
                        List<FlexOffer.FlexOfferIsp> isps, double priceInEur, String currency,
                        double activationFactor) implements UsefMessage {

    public FlexOrder {
        isps = List.copyOf(isps);
    }
}
