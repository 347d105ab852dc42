package org.openlfa.platform.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openlfa.agents.usef.FlexOffer;
import org.openlfa.agents.usef.FlexOrder;
import org.openlfa.agents.usef.FlexRequest;
import org.openlfa.agents.usef.FlexSettlement;
import org.openlfa.agents.usef.UftpHeader;
import org.openlfa.protocol.uftp.Prognosis;
import org.openlfa.protocol.uftp.ReplayGuard;
import org.openlfa.protocol.uftp.SenderKeys;
import org.openlfa.protocol.uftp.SignedMessage;
import org.openlfa.protocol.uftp.UftpKeys;
import org.openlfa.protocol.uftp.UftpXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.platform.store.Store;
import org.openlfa.protocol.RejectedMessage;
import org.openlfa.protocol.WireCodec;
import org.openlfa.protocol.mqtt.Topics;
import org.openlfa.protocol.security.Secrets;

/**
 * The DSO-aggregator channel: UFTP messages, signed by their sender (Ed25519), published on the recipient agent's
 * inbox; on receipt verified against the sender's registered key, checked for freshness and replay, stored, and only
 * then handed on. The platform's own DSO and aggregator each have a key in {@code DIR/keys} (mode 600), made on first
 * start.
 *
 * <pre>{@code
 * UftpLink link = new UftpLink(client, store, dataDir.resolve("keys"), "network_22");
 * link.send(UftpLink.DSO, flexRequest, "aggregator");
 * Optional<Record> m = link.receive(payload, "aggregator");   // verified, fresh, stored, in the study's form
 * }</pre>
 */
public final class UftpLink {

    private static final Logger LOG = LoggerFactory.getLogger(UftpLink.class);

    /** A party on the channel: its agent id (inbox), UFTP domain and role. */
    public record Party(String agentId, String domain, SignedMessage.Role role) {
    }

    /** The platform's DSO. */
    public static final Party DSO = new Party("dso", "dso.openlfa.example", SignedMessage.Role.DSO);
    /** The platform's aggregator. */
    public static final Party AGGREGATOR = new Party(WireCodec.AGGREGATOR, "agr.openlfa.example", SignedMessage.Role.AGR);

    private final MqttAsyncClient client;
    private final Store store;
    private final UftpXml xml = new UftpXml();
    private final UftpBridge bridge;
    private final ReplayGuard replay = new ReplayGuard();
    private final Map<Party, KeyPair> keys = new ConcurrentHashMap<>();
    private final SenderKeys senderKeys;

    /** @param networkId the platform's network, which names its congestion points' UFTP addresses */
    UftpLink(MqttAsyncClient client, Store store, Path keyDir, String networkId) throws IOException {
        this.client = client;
        this.store = store;
        this.bridge = new UftpBridge(networkId);
        Files.createDirectories(keyDir);
        for (Party p : new Party[] {DSO, AGGREGATOR}) {
            // the key's seed is a secret file like the operator token; the pair is derived from it at each start
            String seed = Secrets.readOrCreate(keyDir.resolve(p.agentId() + ".ed25519.seed"));
            keys.put(p, UftpKeys.keyPairFromSeed(Secrets.hash(seed)));
        }
        this.senderKeys = (domain, role) -> keys.entrySet().stream()
                .filter(e -> e.getKey().domain().equals(domain) && e.getKey().role() == role)
                .map(e -> e.getValue().getPublic()).findFirst().or(() -> registeredKey(domain, role));
    }

    /**
     * The key of a party outside the platform: an agent registered under its UFTP domain as id (e.g.
     * {@code dso.example.com}) in the matching role, with the public key it registered.
     */
    private Optional<PublicKey> registeredKey(String domain, SignedMessage.Role role) {
        String agentRole = switch (role) {
            case DSO -> "dso";
            case AGR -> "aggregator";
            case CRO -> null;
        };
        if (agentRole == null) {
            return Optional.empty();
        }
        try {
            return store.publicKey(domain, agentRole).map(UftpKeys::decodePublicKey);
        } catch (SQLException e) {
            LOG.warn("key of {} not read: {}", domain, e.getMessage());
            return Optional.empty();
        }
    }

    /** The public key the platform's {@code party} signs with (what a counterpart registers). */
    public PublicKey publicKey(Party party) {
        return keys.get(party).getPublic();
    }

    /** The DSO that sent a message: the platform's own, or an agent registered under that domain. */
    static Party dsoOf(String senderDomain) {
        return DSO.domain().equals(senderDomain) ? DSO : new Party(senderDomain, senderDomain, SignedMessage.Role.DSO);
    }

    /** Signs a study message as {@code from} and publishes it on the inbox of {@code to}. */
    void send(Party from, Record studyMessage, Party to) {
        Record wire = bridge.toWire(studyMessage);
        String signed = SignedMessage.sign(xml, wire, keys.get(from).getPrivate());
        try {
            client.publish(Topics.inbox(to.agentId()), signed.getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            LOG.warn("{} to {} not sent: {}", studyMessage.getClass().getSimpleName(), to.agentId(),
                    e.getMessage());
        }
    }

    /**
     * Verifies, checks freshness and replay, and stores a signed message that arrived for {@code recipient}; returns
     * it in the study's form, or empty (with the reason logged and kept) when it is refused.
     */
    public Optional<Record> receive(byte[] payload, Party recipient) {
        return receive(payload, recipient, null);
    }

    /**
     * The same for a message an agent published on its outbox: it must be signed as that agent ({@code senderId} is
     * its UFTP domain), so that no registered party can pass on another's messages as its own.
     */
    public Optional<Record> receive(byte[] payload, Party recipient, String senderId) {
        String head = new String(payload, 0, Math.min(200, payload.length), StandardCharsets.UTF_8);
        try {
            SignedMessage.Verified v = SignedMessage.verify(payload, senderKeys, xml);
            if (senderId != null && !senderId.equals(v.senderDomain())) {
                throw new RejectedMessage("signed as " + v.senderDomain() + " but sent by " + senderId);
            }
            if (!recipient.domain().equals(v.header().recipientDomain())) {
                throw new RejectedMessage("addressed to " + v.header().recipientDomain() + ", not "
                        + recipient.domain());
            }
            replay.require(v.senderDomain(), v.header().messageId(),
                    UftpXml.timeStampEpochMs(v.header()), System.currentTimeMillis());
            store.insertFlexMessage(record(v.message(), new String(payload, StandardCharsets.UTF_8)));
            return Optional.of(bridge.fromWire(v.message()));
        } catch (RejectedMessage r) {
            LOG.warn("refused a UFTP message for {}: {}", recipient.agentId(), r.getMessage());
            try {
                store.insertRejection(senderId, senderId == null ? Topics.inbox(recipient.agentId())
                        : Topics.outbox(senderId), r.getMessage(), head);
            } catch (SQLException e) {
                LOG.warn("could not record a rejection: {}", e.getMessage());
            }
        } catch (SQLException e) {
            // not stored, so not acted upon: a UFTP sender repeats what it gets no answer to
            LOG.error("UFTP message not stored: {}", e.getMessage());
        }
        return Optional.empty();
    }

    private static Store.FlexRecord record(Record m, String signedXml) {
        UftpHeader h = UftpXml.header(m);
        String kind;
        String period;
        String reference = null;
        double power = Double.NaN;
        double price = Double.NaN;
        if (m instanceof Prognosis p) {
            kind = "prognosis";
            period = p.period();
            power = p.isps().stream().mapToDouble(i -> Math.abs(i.powerInKw())).max().orElse(Double.NaN);
        } else if (m instanceof FlexRequest r) {
            kind = "request";
            period = r.period();
            power = r.isps().stream().mapToDouble(i -> Math.min(Math.abs(i.minPowerInKw()),
                    Math.abs(i.maxPowerInKw()))).max().orElse(Double.NaN);
        } else if (m instanceof FlexOffer o) {
            kind = "offer";
            period = o.period();
            reference = o.flexRequestMessageId();
            power = o.options().stream().flatMap(x -> x.isps().stream())
                    .mapToDouble(i -> Math.abs(i.powerInKw())).max().orElse(Double.NaN);
            price = o.options().stream().mapToDouble(FlexOffer.FlexOfferOption::priceInEur).min().orElse(Double.NaN);
        } else if (m instanceof FlexOrder o) {
            kind = "order";
            period = o.period();
            reference = o.flexOfferMessageId();
            power = o.isps().stream().mapToDouble(i -> Math.abs(i.powerInKw())).max().orElse(Double.NaN);
            price = o.priceInEur();
        } else if (m instanceof FlexSettlement s) {
            kind = "settlement";
            period = s.periodStart();
            price = s.orderSettlements().stream().mapToDouble(FlexSettlement.FlexOrderSettlement::netSettlementInEur)
                    .sum();
        } else {
            throw new IllegalArgumentException(m.getClass().getSimpleName());
        }
        return new Store.FlexRecord(h.messageId(), kind, h.senderDomain(), h.recipientDomain(), h.conversationId(),
                LocalDate.parse(period), reference, power, price, signedXml);
    }
}
