package org.openlfa.protocol.uftp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.UftpHeader;
import org.openlfa.protocol.RejectedMessage;
import org.w3c.dom.Element;

/**
 * UFTP's signed wrapper, {@code <SignedMessage SenderDomain=".." SenderRole="DSO|AGR|CRO" Body="base64"/>}, where
 * Body is the inner UFTP message signed in libsodium's {@code crypto_sign} format: the 64-byte Ed25519 signature
 * followed by the message bytes. {@code crypto_sign}'s signature is plain Ed25519 (RFC 8032), so the JDK's
 * {@code Ed25519} signature interoperates with libsodium-based implementations (such as the Shapeshifter library).
 *
 * <pre>{@code
 * String wire = SignedMessage.sign(uftp, flexOffer, agrPrivateKey);             // AGR, its domain from the header
 * SignedMessage.Verified v = SignedMessage.verify(wireBytes, keys, uftp);       // throws RejectedMessage
 * if (v.message() instanceof FlexOffer offer) { ... }
 * }</pre>
 *
 * <p>{@link #verify} refuses, each with its own reason: a wrapper that is not well-formed, an unknown sender (no key
 * registered for SenderDomain and SenderRole), a Body that is not Base64 or shorter than a signature, a signature that
 * does not verify under the registered key (a tampered Body, or one signed by another key), an inner message that is
 * not valid UFTP, and an inner message whose SenderDomain differs from the wrapper's or whose kind the wrapper's role
 * does not send (a DSO sends FlexRequest, FlexOrder, FlexSettlement; an aggregator FlexOffer, D-Prognosis). The
 * signature is checked before the inner XML is parsed: only registered senders ever reach the message parser.
 *
 * <p>The wrapper is not encrypted ("sealed"): UFTP allows either, and the platform relies on TLS for
 * confidentiality. Replays of a validly signed message are the {@link ReplayGuard}'s job.
 */
public final class SignedMessage {

    /** The USEF roles of the signed wrapper's SenderRole. */
    public enum Role {
        /** Aggregator. */
        AGR,
        /** Common reference operator. */
        CRO,
        /** Distribution system operator. */
        DSO
    }

    /**
     * A wrapper that verified: the authenticated sender and its message.
     *
     * @param senderDomain the sender's internet domain (the wrapper's and the inner message's, which agree)
     * @param senderRole   the sender's role
     * @param message      the inner message, see {@link UftpXml#read(byte[])}
     */
    public record Verified(String senderDomain, Role senderRole, Record message) {
        /** The inner message's header. */
        public UftpHeader header() {
            return UftpXml.header(message);
        }
    }

    /** Length of an Ed25519 signature, the start of the Body. */
    public static final int SIGNATURE_BYTES = 64;
    /** Largest wrapper read: Base64 of the largest inner message with its signature, plus the wrapper's attributes. */
    public static final int MAX_SIGNED_XML_BYTES = (UftpXml.MAX_XML_BYTES + SIGNATURE_BYTES) / 3 * 4 + 8192;

    private static final String ELEMENT = "SignedMessage";
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]+(-[a-z0-9]+)*\\.)+[a-z]{2,}");
    private static final Pattern XML_SPACE = Pattern.compile("[ \t\r\n]");
    private static final UftpXml DEFAULT_XML = new UftpXml();

    private SignedMessage() {
    }

    // ---------------------------------------------------------------------------------------------------- signing

    /**
     * Writes a message as UFTP XML, signs it and wraps it: the sender's domain is the header's, its role the one that
     * sends this kind of message.
     *
     * @return the {@code <SignedMessage .../>} document
     * @throws IllegalArgumentException when the message has no valid UFTP form or the key is not Ed25519
     */
    public static String sign(UftpXml uftp, Record message, PrivateKey key) {
        return sign(uftp.writeBytes(message), UftpXml.header(message).senderDomain(), senderRole(message), key);
    }

    /**
     * Signs inner XML and wraps it.
     *
     * @param innerXml     the UFTP message's bytes, signed as they are
     * @param senderDomain the sender's internet domain
     * @param senderRole   the sender's role
     * @param key          the sender's Ed25519 private key
     * @return the {@code <SignedMessage .../>} document
     */
    public static String sign(byte[] innerXml, String senderDomain, Role senderRole, PrivateKey key) {
        Objects.requireNonNull(senderRole, "senderRole");
        if (senderDomain == null || !DOMAIN.matcher(senderDomain).matches()) {
            throw new IllegalArgumentException("SenderDomain must be an internet domain in lower case, not "
                    + senderDomain);
        }
        String body = Base64.getEncoder().encodeToString(signBody(innerXml, key));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + ELEMENT + " SenderDomain=\"" + senderDomain
                + "\" SenderRole=\"" + senderRole.name() + "\" Body=\"" + body + "\"/>\n";
    }

    /** libsodium's {@code crypto_sign}: the Ed25519 signature of {@code message} followed by the message. */
    public static byte[] signBody(byte[] message, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            byte[] signature = s.sign();
            byte[] out = Arrays.copyOf(signature, SIGNATURE_BYTES + message.length);
            System.arraycopy(message, 0, out, SIGNATURE_BYTES, message.length);
            return out;
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("an Ed25519 private key is needed, not " + key.getAlgorithm(), e);
        } catch (NoSuchAlgorithmException | SignatureException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * libsodium's {@code crypto_sign_open}: the message of a signed Body, when its signature verifies under {@code
     * key}.
     *
     * @throws RejectedMessage when the Body is too short or its signature does not verify
     */
    public static byte[] openBody(byte[] signedBody, PublicKey key) throws RejectedMessage {
        if (signedBody.length < SIGNATURE_BYTES) {
            throw new RejectedMessage(ELEMENT + "@Body: expected a " + SIGNATURE_BYTES
                    + "-byte Ed25519 signature followed by the message, got " + signedBody.length + " bytes");
        }
        boolean valid;
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(signedBody, SIGNATURE_BYTES, signedBody.length - SIGNATURE_BYTES);
            valid = s.verify(signedBody, 0, SIGNATURE_BYTES);
        } catch (InvalidKeyException e) {
            throw new RejectedMessage("the key registered for the sender is not an Ed25519 public key");
        } catch (SignatureException e) {
            valid = false;   // a signature the provider cannot even decode is as bad as a wrong one
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (!valid) {
            throw new RejectedMessage("signature does not verify: the Body was altered, or not signed with the key"
                    + " registered for the sender");
        }
        return Arrays.copyOfRange(signedBody, SIGNATURE_BYTES, signedBody.length);
    }

    // ---------------------------------------------------------------------------------------------------- verifying

    /** {@link #verify(byte[], SenderKeys, UftpXml)} for a market in {@value UftpXml#DEFAULT_TIME_ZONE}. */
    public static Verified verify(byte[] signedXml, SenderKeys keys) throws RejectedMessage {
        return verify(signedXml, keys, DEFAULT_XML);
    }

    /** {@link #verify(byte[], SenderKeys, UftpXml)} of text. */
    public static Verified verify(String signedXml, SenderKeys keys, UftpXml uftp) throws RejectedMessage {
        return verify(signedXml.getBytes(StandardCharsets.UTF_8), keys, uftp);
    }

    /**
     * Checks a signed wrapper and reads its message.
     *
     * @param signedXml the {@code <SignedMessage .../>} document as received
     * @param keys      the registered senders' public keys
     * @param uftp      how to read the inner message
     * @return the authenticated sender and message
     * @throws RejectedMessage with the reason
     */
    public static Verified verify(byte[] signedXml, SenderKeys keys, UftpXml uftp) throws RejectedMessage {
        Element root = SecureXml.parse(signedXml, ELEMENT, MAX_SIGNED_XML_BYTES);
        String name = SecureXml.name(root, "");
        if (!ELEMENT.equals(name)) {
            throw new RejectedMessage("root element " + SecureXml.echo(name) + ": expected " + ELEMENT);
        }
        if (!SecureXml.childElements(root, ELEMENT).isEmpty()) {
            throw new RejectedMessage(ELEMENT + ": expected no elements inside (the message is in Body)");
        }
        String domain = SecureXml.attribute(root, "SenderDomain");
        if (domain == null || domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
            throw fail("SenderDomain", "an internet domain in lower case, e.g. dso.example.com", domain);
        }
        String roleText = SecureXml.attribute(root, "SenderRole");
        Role role = parseRole(roleText);
        if (role == null) {
            throw fail("SenderRole", "AGR, CRO or DSO", roleText);
        }
        String bodyText = SecureXml.attribute(root, "Body");
        if (bodyText == null) {
            throw fail("Body", "the Base64 of the signed message", null);
        }
        byte[] body;
        try {
            // xs:base64Binary allows XML white space between the characters; nothing else may be skipped.
            body = Base64.getDecoder().decode(XML_SPACE.matcher(bodyText).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw fail("Body", "Base64", bodyText);
        }
        Optional<PublicKey> key = keys.publicKey(domain, role);
        if (key.isEmpty()) {
            throw new RejectedMessage("unknown sender: no key registered for " + domain + " as " + role);
        }
        byte[] inner = openBody(body, key.get());
        Record message;
        try {
            message = uftp.read(inner);
        } catch (RejectedMessage e) {
            throw new RejectedMessage("signed message from " + domain + ": " + e.getMessage());
        }
        UftpHeader header = UftpXml.header(message);
        if (!domain.equals(header.senderDomain())) {
            throw new RejectedMessage("SenderDomain mismatch: the wrapper says " + domain + ", the inner "
                    + UftpXml.elementName(message.getClass()) + " says " + header.senderDomain());
        }
        Role expected = senderRole(message);
        if (role != expected) {
            throw new RejectedMessage("SenderRole mismatch: " + role + " cannot send a "
                    + UftpXml.elementName(message.getClass()) + " (only " + expected + " does)");
        }
        return new Verified(domain, role, message);
    }

    /** The role that sends this kind of message: a DSO requests, orders and settles; an aggregator offers and forecasts. */
    public static Role senderRole(Record message) {
        if (message instanceof FlexOffer || message instanceof Prognosis) {
            return Role.AGR;
        }
        UftpXml.header(message);   // refuses what is not a UFTP message
        return Role.DSO;
    }

    private static Role parseRole(String s) {
        if (s == null) {
            return null;
        }
        for (Role r : Role.values()) {
            if (r.name().equals(s)) {
                return r;
            }
        }
        return null;
    }

    private static RejectedMessage fail(String attribute, String expected, String got) {
        return new RejectedMessage(ELEMENT + "@" + attribute + ": " + (got == null ? "missing, expected " + expected
                : "expected " + expected + ", got \"" + SecureXml.echo(got) + "\""));
    }
}
