package org.openlfa.protocol.uftp;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * All fuzz targets of the message intake behind one entry point, for the bounded fuzzing run of a normal {@code mvn
 * test} (the {@code fuzz-intake} execution in {@code server/pom.xml}): Jazzer fuzzes one {@code @FuzzTest} per JVM, and
 * starting its agent costs more than the fuzzing itself, so one JVM fuzzes all four. The first byte picks the target
 * ({@code '0'} UFTP XML, {@code '1'} signed wrapper, {@code '2'} signed inner message, {@code '3'} meter reading; only
 * its two low bits count), the rest is that target's input. Each target's property is the one of its own class.
 *
 * <p>Seeds: {@code src/test/resources/org/openlfa/protocol/uftp/IntakeFuzzTestInputs/intake/}: the other targets' seeds
 * with their selector byte.
 */
class IntakeFuzzTest {

    @DictionaryFile(resourcePath = "/org/openlfa/protocol/uftp/uftp.dict")
    @FuzzTest(maxDuration = "25s")
    void intake(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        switch (input[0] & 3) {
            case 0 -> UftpXmlFuzzTest.check(rest);
            case 1 -> SignedMessageFuzzTest.checkWrapper(rest);
            case 2 -> SignedMessageFuzzTest.checkSignedBody(rest);
            default -> WireCodecFuzzTest.check(rest);
        }
    }
}
