package org.openlfa.protocol.uftp;

import java.util.List;
import java.util.Objects;
import org.openlfa.agents.usef.CongestionPoint;
import org.openlfa.agents.usef.UftpHeader;

/**
 * Aggregator to DSO: the power the aggregator expects its portfolio to draw at a congestion point, per ISP (UFTP
 * "D-Prognosis"). A day-ahead D-Prognosis covers every ISP of its period; the DSO uses it as the baseline that flex
 * offers and orders are measured against.
 *
 * <pre>{@code
 * Prognosis p = new Prognosis(header, "PT15M", "2030-01-15",
 *         CongestionPoint.address("ean.871685900012345678"), 1,
 *         List.of(new Prognosis.PrognosisIsp(42.5, 1, 96)));   // 42.5 kW in all 96 ISPs of the day
 * String xml = new UftpXml().write(p);                          // <D-Prognosis ...><ISP Power="42500" .../>
 * }</pre>
 *
 * @param header          common UFTP attributes
 * @param ispDurationIso  ISO-8601 duration of one ISP, e.g. "PT15M"
 * @param period          the day (yyyy-mm-dd) the ISPs belong to
 * @param congestionPoint the congestion point (on the wire: its entity address)
 * @param revision        revision of this prognosis, incremented with each new one for the same period
 * @param isps            the forecast power per ISP
 */
public record Prognosis(UftpHeader header, String ispDurationIso, String period, CongestionPoint congestionPoint,
                        long revision, List<PrognosisIsp> isps) {

    public Prognosis {
        Objects.requireNonNull(header, "header");
        isps = List.copyOf(isps);
    }

    /**
     * The forecast for some ISPs.
     *
     * @param powerInKw forecast power at the congestion point (USEF sign: + consumption, - production)
     * @param start     first ISP (1-based)
     * @param duration  number of ISPs with this power
     */
    public record PrognosisIsp(double powerInKw, int start, int duration) {
    }
}
