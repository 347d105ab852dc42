package org.openlfa.agents.usef;

import java.util.List;

/**
 * DSO to aggregator: the flexibility the DSO needs at a congestion point (UFTP FlexRequest).
 *
 * <p>Power follows the USEF sign convention: positive is consumption, so a request to lower consumption by 30 kW in
 * an ISP reads {@code maxPowerInKw = -30}.
 *
 * @param header           common UFTP attributes
 * @param ispDurationIso   ISO-8601 duration of one ISP (= PTU), e.g. "PT15M"
 * @param period           the day the ISPs belong to
 * @param congestionPoint  the congestion point (the transformer, a feeder, or another party's entity address)
 * @param revision         revision of this request, 1 for the first
 * @param contractId       the bilateral contract the request falls under
 * @param serviceType      the kind of service, e.g. "CongestionManagement"
 * @param isps             the ISPs with their disposition and power bounds
 */
public record FlexRequest(UftpHeader header, String ispDurationIso, String period, CongestionPoint congestionPoint,
                          int revision, String contractId, String serviceType, List<FlexRequestIsp> isps) implements UsefMessage {

    public FlexRequest {
        isps = List.copyOf(isps);
    }

    /**
     * One ISP of a request.
     *
     * @param disposition  requested or only available
     * @param minPowerInKw lower bound of the flexibility asked for (USEF sign: + consumption)
     * @param maxPowerInKw upper bound of the flexibility asked for
     * @param start        index of the first ISP of the day (1-based, as in UFTP)
     * @param duration     number of ISPs this element covers
     */
    public record FlexRequestIsp(Disposition disposition, double minPowerInKw, double maxPowerInKw, int start,
                                 int duration) {
    }
}
