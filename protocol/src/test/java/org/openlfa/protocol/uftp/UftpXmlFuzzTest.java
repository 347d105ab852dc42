package org.openlfa.protocol.uftp;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.openlfa.protocol.RejectedMessage;

/**
 * Fuzzes the UFTP reader: whatever the bytes, it may only return a message or throw {@link RejectedMessage}; any
 * other exception or error is a finding. What it accepts must also be writable, and read back the same.
 *
 * <p>Seeds: {@code src/test/resources/org/openlfa/protocol/uftp/UftpXmlFuzzTestInputs/read/}. A normal {@code mvn test}
 * runs it on the seeds, and fuzzes it for a while through {@link IntakeFuzzTest}; alone and for longer: {@code mvn -pl
 * server test -Dtest=UftpXmlFuzzTest -Dopenlfa.fuzz.test=UftpXmlFuzzTest -Dopenlfa.fuzz.duration=10m}.
 */
class UftpXmlFuzzTest {

    private static final UftpXml UFTP = new UftpXml();

    @DictionaryFile(resourcePath = "/org/openlfa/protocol/uftp/uftp.dict")
    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) {
        check(input);
    }

    /** The property: a message or RejectedMessage, and what is accepted round-trips. */
    static void check(byte[] input) {
        Record message;
        try {
            message = UFTP.read(input);
        } catch (RejectedMessage expected) {
            return;
        }
        Record again;
        try {
            again = UFTP.read(UFTP.writeBytes(message));
        } catch (RejectedMessage e) {
            throw new AssertionError("our own XML of an accepted message was refused: " + e.getMessage(), e);
        }
        if (!again.equals(message)) {
            throw new AssertionError("read(write(m)) != m:\n" + message + "\n" + again);
        }
    }
}
