package org.openlfa.protocol.uftp;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.openlfa.protocol.MeterReading;
import org.openlfa.protocol.RejectedMessage;
import org.openlfa.protocol.WireCodec;

/**
 * Fuzzes the platform's meter-reading intake, {@link WireCodec#decodeReading(byte[], String)}: only {@link
 * RejectedMessage} may come out of it, and what it accepts must be within its own limits and from the topic's agent.
 * (Here rather than beside WireCodec so that the intake's fuzz targets live together.)
 *
 * <p>Seeds: {@code src/test/resources/org/openlfa/protocol/uftp/WireCodecFuzzTestInputs/decodeReading/}.
 */
class WireCodecFuzzTest {

    private static final String AGENT = "F1_LOAD1";

    @DictionaryFile(resourcePath = "/org/openlfa/protocol/uftp/uftp.dict")
    @FuzzTest(maxDuration = "30s")
    void decodeReading(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        MeterReading r;
        try {
            r = WireCodec.decodeReading(input, AGENT);
        } catch (RejectedMessage expected) {
            return;
        }
        if (!AGENT.equals(r.agentId()) || !(Math.abs(r.netInKw()) <= WireCodec.MAX_ABS_NET_KW)
                || !(Math.abs(r.billInEur()) <= WireCodec.MAX_ABS_BILL_EUR) || r.messageId() == null) {
            throw new AssertionError("accepted a reading outside the codec's own limits: " + r);
        }
    }
}
