package org.openlfa.protocol.uftp;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link SignedMessage#verify} finds a sender's registered public key: UFTP identifies a participant by its
 * internet domain and role, and looks the key up in DNS or in configuration; the platform keeps them in its store.
 *
 * <pre>{@code
 * SenderKeys keys = SenderKeys.of(Map.of(SenderKeys.id("dso.example.com", SignedMessage.Role.DSO), dsoPublicKey));
 * SignedMessage.Verified v = SignedMessage.verify(signedXml, keys);
 * }</pre>
 */
@FunctionalInterface
public interface SenderKeys {

    /**
     * The Ed25519 public key registered for a sender, or empty when the sender is not registered.
     *
     * @param senderDomain the sender's internet domain, as the SignedMessage wrapper states it
     * @param senderRole   the sender's role, as the wrapper states it
     */
    Optional<PublicKey> publicKey(String senderDomain, SignedMessage.Role senderRole);

    /** The map key of a sender for {@link #of}: "role:domain", e.g. "DSO:dso.example.com". */
    static String id(String senderDomain, SignedMessage.Role senderRole) {
        return senderRole.name() + ":" + senderDomain;
    }

    /** Keys from a fixed map of {@link #id} to key. */
    static SenderKeys of(Map<String, PublicKey> keys) {
        Map<String, PublicKey> copy = Map.copyOf(keys);
        return (domain, role) -> Optional.ofNullable(copy.get(id(domain, role)));
    }
}
