package org.openlfa.agents.usef;

import java.util.List;

/**
 * Aggregator to DSO: the flexibility the aggregator can deliver, at a price (UFTP FlexOffer), in answer to a
 * {@link FlexRequest}.
 *
 * @param header                common UFTP attributes
 * @param ispDurationIso        ISO-8601 duration of one ISP
 * @param period                the day
 * @param congestionPoint       the congestion point
 * @param flexRequestMessageId  the request this offer answers
 * @param contractId            the contract
 * @param options               alternative offers; the DSO orders at most one
 */
public record FlexOffer(UftpHeader header, String ispDurationIso, String period, CongestionPoint congestionPoint,
                        String flexRequestMessageId, String contractId, List<FlexOfferOption> options) implements UsefMessage {

    public FlexOffer {
        options = List.copyOf(options);
    }

    /**
     * One option of an offer.
     *
     * @param optionReference      id of the option, quoted by a {@link FlexOrder}
     * @param isps                 the offered change of power per ISP (USEF sign)
     * @param priceInEur           the price for the whole option
     * @param minActivationFactor  the smallest share of the option the DSO may order (1 = all or nothing)
     */
    public record FlexOfferOption(String optionReference, List<FlexOfferIsp> isps, double priceInEur,
                                  double minActivationFactor) {
        public FlexOfferOption {
            isps = List.copyOf(isps);
        }
    }

    /**
     * The offered flexibility in some ISPs.
     *
     * @param powerInKw change of power at the congestion point (negative = less consumption)
     * @param start     first ISP (1-based)
     * @param duration  number of ISPs
     */
    public record FlexOfferIsp(double powerInKw, int start, int duration) {
    }
}
