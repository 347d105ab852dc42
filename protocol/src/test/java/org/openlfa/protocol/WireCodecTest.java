package org.openlfa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WireCodecTest {

    private static final long T = 1_894_579_200_000L;   // 2030-01-14

    @Test
    void readingRoundTrips() throws RejectedMessage {
        UUID id = UUID.randomUUID();
        MeterReading r = WireCodec.decodeReading(WireCodec.encode(WireCodec.reading(id, "F1_LOAD1", T, 15, -1.5,
                -0.04, T + 1)), "F1_LOAD1");
        assertThat(r).isEqualTo(new MeterReading(id, "F1_LOAD1", T, 15, -1.5, -0.04, T + 1));
    }

    @Test
    void refusesWithReasons() {
        byte[] good = WireCodec.encode(WireCodec.reading(UUID.randomUUID(), "a", T, 15, 1, 0.1, T));
        String json = new String(good, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WireCodec.decodeReading(good, "b")).hasMessageStartingWith("wrong sender");
        assertThatThrownBy(() -> WireCodec.decodeReading(json.replace("INFORM", "CFP").getBytes(), "a"))
                .hasMessageStartingWith("unexpected performative");
        assertThatThrownBy(() -> WireCodec.decodeReading(json.replace("\"ptuMinutes\":15", "\"ptuMinutes\":7")
                .getBytes(), "a")).hasMessageStartingWith("out of range: ptuMinutes");
        assertThatThrownBy(() -> WireCodec.decodeReading("[]".getBytes(), "a")).hasMessageStartingWith("malformed");
        assertThatThrownBy(() -> WireCodec.decodeReading(new byte[0], "a")).hasMessageStartingWith("malformed");
        assertThatThrownBy(() -> WireCodec.decodeReading(WireCodec.encode(WireCodec.reading(UUID.randomUUID(), "a",
                T, 15, Double.NaN, 0.1, T)), "a")).hasMessageContaining("netInKw");
    }

    /** A poor man's fuzzer until Jazzer: mutated messages are refused with a reason, never with another exception. */
    @Test
    void mutatedMessagesAreRefusedCleanly() {
        Random random = new Random(42);
        byte[] good = WireCodec.encode(WireCodec.reading(UUID.randomUUID(), "a", T, 15, 1, 0.1, T));
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] m = good.clone();
            for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            try {
                MeterReading r = WireCodec.decodeReading(m, "a");
                assertThat(Math.abs(r.netInKw())).isLessThanOrEqualTo(WireCodec.MAX_ABS_NET_KW);
                accepted++;
            } catch (RejectedMessage expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(accepted).isLessThan(20_000);
    }
}
