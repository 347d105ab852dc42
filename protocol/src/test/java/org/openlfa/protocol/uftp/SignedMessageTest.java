package org.openlfa.protocol.uftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.UftpHeader;
import org.openlfa.protocol.RejectedMessage;
import org.openlfa.protocol.uftp.SignedMessage.Role;

class SignedMessageTest {

    private static final UftpXml UFTP = new UftpXml();
    private static final Pattern BODY = Pattern.compile("Body=\"([^\"]*)\"");

    @Test
    void signedMessagesVerifyForEveryType() throws RejectedMessage {
        for (Record m : Samples.all()) {
            boolean fromAgr = m instanceof FlexOffer || m instanceof Prognosis;
            String wire = SignedMessage.sign(UFTP, m, (fromAgr ? Samples.AGR_KEYS : Samples.DSO_KEYS).getPrivate());
            assertThat(wire).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SignedMessage SenderDomain=\""
                    + (fromAgr ? Samples.AGR + "\" SenderRole=\"AGR\"" : Samples.DSO + "\" SenderRole=\"DSO\"")
                    + " Body=\"");
            SignedMessage.Verified v = SignedMessage.verify(wire.getBytes(StandardCharsets.UTF_8), Samples.KEYS);
            assertThat(v.message()).isEqualTo(m);
            assertThat(v.senderRole()).isEqualTo(fromAgr ? Role.AGR : Role.DSO);
            assertThat(v.senderDomain()).isEqualTo(UftpXml.header(m).senderDomain());
            assertThat(v.header()).isEqualTo(UftpXml.header(m));
        }
    }

    @Test
    void theBodyIsLibsodiumsCryptoSignFormat() {
        byte[] inner = UFTP.writeBytes(Samples.flexRequest());
        String wire = SignedMessage.sign(inner, Samples.DSO, Role.DSO, Samples.DSO_KEYS.getPrivate());
        byte[] body = body(wire);
        assertThat(body).hasSize(SignedMessage.SIGNATURE_BYTES + inner.length);
        assertThat(Arrays.copyOfRange(body, 64, body.length)).isEqualTo(inner);   // signature first, then message
    }

    /** RFC 8032, section 7.1, tests 1 and 2: the JDK's Ed25519 is the Ed25519 of libsodium's crypto_sign. */
    @Test
    void matchesTheRfc8032TestVectors() throws RejectedMessage {
        KeyPair one = UftpKeys.keyPairFromSeed(UftpKeys.hex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(UftpKeys.rawPublicKey(one.getPublic())).isEqualTo(UftpKeys.hex(
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        byte[] signed = SignedMessage.signBody(new byte[0], one.getPrivate());
        assertThat(signed).isEqualTo(UftpKeys.hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));

        byte[] seed2 = UftpKeys.hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        byte[] signed2 = SignedMessage.signBody(new byte[] {0x72}, UftpKeys.privateKeyFromSeed(seed2));
        assertThat(Arrays.copyOf(signed2, 64)).isEqualTo(UftpKeys.hex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8f"
                + "b3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"));
        byte[] opened = SignedMessage.openBody(signed2, UftpKeys.publicKeyFromRaw(UftpKeys.hex(
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")));
        assertThat(opened).containsExactly(0x72);
    }

    @Test
    void refusesAnUnknownSender() {
        String wire = SignedMessage.sign(UFTP, Samples.flexRequest(), Samples.DSO_KEYS.getPrivate());
        SenderKeys none = SenderKeys.of(Map.of());
        assertThatThrownBy(() -> SignedMessage.verify(wire.getBytes(StandardCharsets.UTF_8), none))
                .isInstanceOf(RejectedMessage.class)
                .hasMessage("unknown sender: no key registered for dso.openlfa.example as DSO");
        // registered, but as another role
        String asAgr = wire.replace("SenderRole=\"DSO\"", "SenderRole=\"AGR\"");
        assertThatThrownBy(() -> SignedMessage.verify(asAgr.getBytes(StandardCharsets.UTF_8), Samples.KEYS))
                .hasMessage("unknown sender: no key registered for dso.openlfa.example as AGR");
    }

    @Test
    void refusesABadSignatureAndATamperedBody() {
        String wire = SignedMessage.sign(UFTP, Samples.flexRequest(), Samples.DSO_KEYS.getPrivate());
        byte[] body = body(wire);
        byte[] badSignature = body.clone();
        badSignature[5] ^= 1;
        byte[] tampered = body.clone();
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("MinPower=\"-60500\"") + 11;
        tampered[at] = '9';   // -60500 W becomes -90500 W: still valid UFTP, but not what the DSO signed
        for (byte[] b : new byte[][] {badSignature, tampered}) {
            assertThatThrownBy(() -> SignedMessage.verify(withBody(wire, b), Samples.KEYS))
                    .isInstanceOf(RejectedMessage.class)
                    .hasMessage("signature does not verify: the Body was altered, or not signed with the key"
                            + " registered for the sender");
        }
        // a valid signature by a key that is not the registered one
        String byOther = SignedMessage.sign(UFTP, Samples.flexRequest(), UftpKeys.generate().getPrivate());
        assertThatThrownBy(() -> SignedMessage.verify(byOther.getBytes(StandardCharsets.UTF_8), Samples.KEYS))
                .hasMessageStartingWith("signature does not verify");
        assertThatThrownBy(() -> SignedMessage.verify(withBody(wire, Arrays.copyOf(body, 63)), Samples.KEYS))
                .hasMessage("SignedMessage@Body: expected a 64-byte Ed25519 signature followed by the message, got 63"
                        + " bytes");
    }

    @Test
    void refusesAWrapperThatDisagreesWithItsMessage() {
        // The aggregator signs, validly, a FlexOffer claiming to come from another domain.
        FlexOffer o = Samples.flexOffer();
        UftpHeader h = o.header();
        FlexOffer spoofed = new FlexOffer(new UftpHeader(h.version(), "other-agr.example", h.recipientDomain(),
                h.timeStamp(), h.messageId(), h.conversationId()), o.ispDurationIso(), o.period(),
                o.congestionPoint(), o.flexRequestMessageId(), o.contractId(), o.options());
        String wire = SignedMessage.sign(UFTP.writeBytes(spoofed), Samples.AGR, Role.AGR,
                Samples.AGR_KEYS.getPrivate());
        assertThatThrownBy(() -> SignedMessage.verify(wire.getBytes(StandardCharsets.UTF_8), Samples.KEYS))
                .isInstanceOf(RejectedMessage.class).hasMessage("SenderDomain mismatch: the wrapper says"
                        + " agr.openlfa.example, the inner FlexOffer says other-agr.example");
        // A registered aggregator signs a FlexRequest (only a DSO requests flexibility).
        FlexRequest r = Samples.flexRequest();
        UftpHeader rh = r.header();
        FlexRequest fromAgr = new FlexRequest(new UftpHeader(rh.version(), Samples.AGR, Samples.DSO, rh.timeStamp(),
                rh.messageId(), rh.conversationId()), r.ispDurationIso(), r.period(), r.congestionPoint(),
                r.revision(), r.contractId(), r.serviceType(), r.isps());
        String wire2 = SignedMessage.sign(UFTP.writeBytes(fromAgr), Samples.AGR, Role.AGR,
                Samples.AGR_KEYS.getPrivate());
        assertThatThrownBy(() -> SignedMessage.verify(wire2.getBytes(StandardCharsets.UTF_8), Samples.KEYS))
                .hasMessage("SenderRole mismatch: AGR cannot send a FlexRequest (only DSO does)");
        // A signed inner message that is not valid UFTP
        String wire3 = SignedMessage.sign("<FlexRequest/>".getBytes(StandardCharsets.UTF_8), Samples.DSO, Role.DSO,
                Samples.DSO_KEYS.getPrivate());
        assertThatThrownBy(() -> SignedMessage.verify(wire3.getBytes(StandardCharsets.UTF_8), Samples.KEYS))
                .hasMessage("signed message from dso.openlfa.example: FlexRequest@Version: missing, expected 3.x.y"
                        + " (UFTP 3)");
    }

    @Test
    void refusesMalformedWrappers() throws RejectedMessage {
        String wire = SignedMessage.sign(UFTP, Samples.flexRequest(), Samples.DSO_KEYS.getPrivate());
        assertThatThrownBy(() -> verify(wire.replace("Body=\"", "Body=\"!!")))
                .hasMessage("SignedMessage@Body: expected Base64, got \"!!" + body64(wire).substring(0, 38) + "…\"");
        assertThatThrownBy(() -> verify(wire.replaceAll("Body=\"[^\"]*\"", "")))
                .hasMessage("SignedMessage@Body: missing, expected the Base64 of the signed message");
        assertThatThrownBy(() -> verify(wire.replace("SenderRole=\"DSO\"", "SenderRole=\"BRP\"")))
                .hasMessage("SignedMessage@SenderRole: expected AGR, CRO or DSO, got \"BRP\"");
        assertThatThrownBy(() -> verify(wire.replace("SenderDomain=\"dso.openlfa.example\"",
                "SenderDomain=\"DSO.example\""))).hasMessageStartingWith("SignedMessage@SenderDomain: expected an"
                + " internet domain");
        assertThatThrownBy(() -> verify(UFTP.write(Samples.flexRequest())))
                .hasMessage("root element FlexRequest: expected SignedMessage");
        assertThatThrownBy(() -> verify("<?xml version=\"1.0\"?><!DOCTYPE SignedMessage [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]><SignedMessage SenderDomain=\"&x;\"/>"))
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> verify("<SignedMessage SenderDomain=\"a.example\" SenderRole=\"DSO\" Body=\"\">"
                + "<x/></SignedMessage>")).hasMessage("SignedMessage: expected no elements inside (the message is in"
                + " Body)");
        // Base64 broken over lines, as xs:base64Binary allows, still verifies
        String b64 = body64(wire);
        String wrapped = wire.replace(b64, b64.substring(0, 76) + "\n  " + b64.substring(76));
        assertThat(SignedMessage.verify(wrapped.getBytes(StandardCharsets.UTF_8), Samples.KEYS).message())
                .isEqualTo(Samples.flexRequest());
    }

    @Test
    void signingRefusesABadDomainOrKey() {
        byte[] inner = UFTP.writeBytes(Samples.flexRequest());
        assertThatThrownBy(() -> SignedMessage.sign(inner, "not a domain", Role.DSO, Samples.DSO_KEYS.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
        KeyPair ec;
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            ec = g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        assertThatThrownBy(() -> SignedMessage.sign(inner, Samples.DSO, Role.DSO, ec.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519");
        SenderKeys ecRegistered = (d, r) -> java.util.Optional.of(ec.getPublic());
        String wire = SignedMessage.sign(inner, Samples.DSO, Role.DSO, Samples.DSO_KEYS.getPrivate());
        assertThatThrownBy(() -> SignedMessage.verify(wire.getBytes(StandardCharsets.UTF_8), ecRegistered))
                .isInstanceOf(RejectedMessage.class)
                .hasMessage("the key registered for the sender is not an Ed25519 public key");
    }

    private static SignedMessage.Verified verify(String xml) throws RejectedMessage {
        return SignedMessage.verify(xml.getBytes(StandardCharsets.UTF_8), Samples.KEYS);
    }

    private static String body64(String wire) {
        Matcher m = BODY.matcher(wire);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static byte[] body(String wire) {
        return Base64.getDecoder().decode(body64(wire));
    }

    private static byte[] withBody(String wire, byte[] body) {
        return wire.replace(body64(wire), Base64.getEncoder().encodeToString(body)).getBytes(StandardCharsets.UTF_8);
    }
}
