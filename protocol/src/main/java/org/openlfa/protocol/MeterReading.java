package org.openlfa.protocol;

import java.util.OptionalDouble;
import java.util.UUID;

/**
 * One accepted meter reading of a home: what the energy box reports for one PTU.
 *
 * @param messageId       the message it came in (unique)
 * @param agentId         the CEMS agent (home) that sent it
 * @param ptuStartEpochMs start of the PTU
 * @param ptuMinutes      PTU length
 * @param netInKw         mean net power over the PTU (positive = import)
 * @param billInEur       the PTU's cost under the home's tariff
 * @param sentAtEpochMs   when it was first sent
 * @param loadInKw        the household's own consumption in that PTU, when the energy box meters it apart
 * @param pvInKw          the PV generation in that PTU, when the energy box meters it apart
 */
public record MeterReading(UUID messageId, String agentId, long ptuStartEpochMs, int ptuMinutes, double netInKw,
                           double billInEur, long sentAtEpochMs, OptionalDouble loadInKw, OptionalDouble pvInKw) {

    /** A reading of the net only. */
    public MeterReading(UUID messageId, String agentId, long ptuStartEpochMs, int ptuMinutes, double netInKw,
                        double billInEur, long sentAtEpochMs) {
        this(messageId, agentId, ptuStartEpochMs, ptuMinutes, netInKw, billInEur, sentAtEpochMs,
                OptionalDouble.empty(), OptionalDouble.empty());
    }
}
