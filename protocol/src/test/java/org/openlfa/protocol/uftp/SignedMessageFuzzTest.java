package org.openlfa.protocol.uftp;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.openlfa.protocol.RejectedMessage;

/**
 * Fuzzes {@link SignedMessage#verify}: only {@link RejectedMessage} may come out of it. Two targets, because a
 * mutated wrapper almost never carries a valid signature: {@link #verifyWrapper} mutates the whole wrapper (XML,
 * attributes, Base64, signature); {@link #verifySignedBody} signs whatever inner bytes the fuzzer makes, as the
 * registered DSO or the registered aggregator, so that the inner parser and the sender checks behind a valid
 * signature are fuzzed too.
 *
 * <p>Seeds: {@code src/test/resources/org/openlfa/protocol/uftp/SignedMessageFuzzTestInputs/<method>/}, signed with
 * the fixed keys of {@link Samples}.
 */
class SignedMessageFuzzTest {

    private static final UftpXml UFTP = new UftpXml();

    @DictionaryFile(resourcePath = "/org/openlfa/protocol/uftp/uftp.dict")
    @FuzzTest(maxDuration = "30s")
    void verifyWrapper(byte[] input) {
        checkWrapper(input);
    }

    @DictionaryFile(resourcePath = "/org/openlfa/protocol/uftp/uftp.dict")
    @FuzzTest(maxDuration = "30s")
    void verifySignedBody(byte[] inner) {
        checkSignedBody(inner);
    }

    static void checkWrapper(byte[] input) {
        try {
            SignedMessage.Verified v = SignedMessage.verify(input, Samples.KEYS, UFTP);
            check(v);
        } catch (RejectedMessage expected) {
            // the only way to refuse
        }
    }

    static void checkSignedBody(byte[] inner) {
        // As the DSO or as the aggregator, by the input's length: a JDK Ed25519 signature takes about a millisecond,
        // so signing every input twice would halve the executions for little more coverage.
        boolean dso = (inner.length & 1) == 0;
        String wire = SignedMessage.sign(inner, dso ? Samples.DSO : Samples.AGR,
                dso ? SignedMessage.Role.DSO : SignedMessage.Role.AGR,
                (dso ? Samples.DSO_KEYS : Samples.AGR_KEYS).getPrivate());
        try {
            check(SignedMessage.verify(wire, Samples.KEYS, UFTP));
        } catch (RejectedMessage expected) {
            // the only way to refuse
        }
    }

    private static void check(SignedMessage.Verified v) {
        if (!v.senderDomain().equals(v.header().senderDomain())
                || v.senderRole() != SignedMessage.senderRole(v.message())) {
            throw new AssertionError("accepted a wrapper that disagrees with its message: " + v);
        }
    }
}
