package org.openlfa.protocol.uftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipHashTest {

    /** The reference vectors of the SipHash paper and its reference implementation: key 00..0f, message 00..(n-1). */
    @Test
    void matchesTheReferenceVectors() {
        long k0 = 0x0706050403020100L;
        long k1 = 0x0f0e0d0c0b0a0908L;
        assertThat(SipHash.hash(k0, k1, message(0))).isEqualTo(0x726fdb47dd0e0e31L);
        assertThat(SipHash.hash(k0, k1, message(15))).isEqualTo(0xa129ca6149be45e5L);
        assertThat(SipHash.hash(k0, k1, message(8))).isEqualTo(0x93f5f5799a932462L);
    }

    private static byte[] message(int n) {
        byte[] m = new byte[n];
        for (int i = 0; i < n; i++) {
            m[i] = (byte) i;
        }
        return m;
    }
}
