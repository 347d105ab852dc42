package org.openlfa.cems;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.Agent;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.protocol.Envelope;
import org.openlfa.protocol.RejectedMessage;
import org.openlfa.protocol.WireCodec;
import org.openlfa.protocol.mqtt.NoDelaySocketFactory;
import org.openlfa.protocol.mqtt.Topics;
import org.openlfa.protocol.security.Tls;
import org.openlfa.protocol.Presence;

/**
 * An energy box's connection to the platform: MQTT over TLS as itself (user = client id = agent id, password = its
 * token), publishing its readings with QoS 1 and keeping each in an outbox until the platform acknowledges it after
 * storing it; what is not acknowledged in time, or was in flight when the connection dropped, is sent again with the
 * same message id (the platform stores it once).
 *
 * <pre>{@code
 * try (CemsClient c = CemsClient.connect("https://127.0.0.1:8443", "F1_LOAD1", token, Path.of("server.crt"),
 *         (id, status, reason, ms) -> System.out.println(status + " in " + ms + " ms"))) {
 *     c.sendReading(ptuStartMs, 15, 0.42, 0.013);
 *     c.awaitAcknowledged(10_000);
 * }
 * }</pre>
 */
public final class CemsClient implements MeterConnection {

    /** Called on each acknowledgement of one of this client's messages. */
    @FunctionalInterface
    public interface AckListener {
        /**
         * @param messageId  the message
         * @param status     {@code stored}, {@code duplicate} or {@code rejected}
         * @param reason     why it was rejected, else null
         * @param latencyMs  from the first send to the acknowledgement, -1 for an unknown message
         */
        void onAck(String messageId, String status, String reason, long latencyMs);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CemsClient.class);
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "lfa-cems-resend");
        t.setDaemon(true);
        return t;
    });
    /** Presence payloads on {@link Topics#status}. */

    private final String agentId;
    private final MqttAsyncClient client;
    private final NetworkTransport transport = new NetworkTransport();
    private volatile Consumer<byte[]> pricesListener = payload -> { };
    /** The last publication per price topic: retained ones arrive at the subscription, before any listener. */
    private final Map<String, byte[]> latestPrices = new ConcurrentHashMap<>();
    private final ReadingOutbox outbox = new ReadingOutbox();
    private final AckListener listener;
    private final ScheduledFuture<?> resender;

    private CemsClient(String agentId, MqttAsyncClient client, AckListener listener) {
        this.agentId = agentId;
        this.client = client;
        this.listener = listener;
        this.resender = TIMER.scheduleWithFixedDelay(this::resendOverdue, 1, 1, TimeUnit.SECONDS);
    }

    /** Asks the API where the broker is ({@code GET /api/me}), then connects to it. */
    public static CemsClient connect(String apiUrl, String agentId, String token, Path caPem, AckListener listener)
            throws MqttException {
        ApiClient.Response me = new ApiClient(apiUrl, caPem).get("/api/me", token);
        if (me.status() != 200) {
            throw new IllegalStateException("the platform refused " + agentId + ": HTTP " + me.status());
        }
        return connectBroker(me.body().get("mqttUrl").asText(), agentId, token, Tls.clientContext(caPem), listener);
    }

    /** Connects straight to the broker at {@code mqttUrl} ({@code ssl://host:port}). */
    public static CemsClient connectBroker(String mqttUrl, String agentId, String token, SSLContext tls,
                                           AckListener listener) throws MqttException {
        MqttAsyncClient mqtt = new MqttAsyncClient(mqttUrl, agentId, new MemoryPersistence());
        CemsClient c = new CemsClient(agentId, mqtt, listener);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(agentId);
        o.setPassword(token.toCharArray());
        o.setSocketFactory(new NoDelaySocketFactory(tls.getSocketFactory()));
        o.setHttpsHostnameVerificationEnabled(true);
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(2_000);
        o.setConnectionTimeout(30);
        o.setKeepAliveInterval(30);
        o.setMaxInflight(1_000);
        // the broker publishes "offline" for us when the connection dies without a DISCONNECT: that is how the
        // platform learns that an energy box is gone, whatever broker runs in between
        o.setWill(Topics.status(agentId), Presence.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
        mqtt.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (!reconnect) {
                    return; // the first subscription is made and awaited after connect(): one SUBSCRIBE, not two
                }
                try {
                    mqtt.subscribe(c.subscriptions(), new int[] {1, 1, 1});
                    c.announce(Presence.ONLINE);
                } catch (MqttException e) {
                    LOG.warn("{}: cannot subscribe to its topics: {}", agentId, e.toString());
                }
                c.resendAll();
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.info("{}: connection lost ({}), reconnecting", agentId, String.valueOf(cause));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (topic.equals(Topics.ack(agentId))) {
                    c.acknowledged(WireCodec.readAck(message.getPayload()));
                } else if (topic.equals(Topics.inbox(agentId))) {
                    c.transport.deliver(message.getPayload());
                } else if (topic.startsWith(Topics.PRICES)) {
                    c.latestPrices.put(topic, message.getPayload());
                    c.pricesListener.accept(message.getPayload());
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        try {
            mqtt.connect(o).waitForCompletion(60_000);
            mqtt.subscribe(c.subscriptions(), new int[] {1, 1, 1}).waitForCompletion(30_000);
            c.announce(Presence.ONLINE);
        } catch (MqttException e) {
            c.close();
            throw e;
        }
        return c;
    }

    public String agentId() {
        return agentId;
    }

    private String[] subscriptions() {
        return new String[] {Topics.ack(agentId), Topics.inbox(agentId), Topics.PRICES + "#"};
    }

    private void announce(String presence) throws MqttException {
        client.publish(Topics.status(agentId), presence.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    /**
     * Makes {@code agent} (this home's energy box, e.g. the study's {@code CemsAgent}) answer the platform's agents:
     * what arrives in this agent's inbox is handed to it, one message at a time, and what it sends goes to the
     * platform as an envelope about the PTU {@code ptuClock} names.
     *
     * @param ptuClock the start of the current PTU (ms since the epoch, simulated clock) and its length
     */
    public Transport attach(Agent agent, LongSupplier ptuClock, int ptuMinutes) {
        transport.register(agent.id(), agent);
        transport.ptuClock = ptuClock;
        transport.ptuMinutes = ptuMinutes;
        return transport;
    }

    /**
     * Called with each price and forecast publication of the platform (raw JSON), starting with the latest of each
     * topic received so far.
     */
    public void onPrices(Consumer<byte[]> listener) {
        pricesListener = listener;
        latestPrices.values().forEach(listener);
    }

    /**
     * Carries the attached agent's messages: incoming from its inbox (only the platform may publish there, so the
     * sender is trusted to be a platform agent), outgoing on its outbox.
     */
    private final class NetworkTransport implements Transport {
        private volatile Agent agent;
        private volatile LongSupplier ptuClock = () -> 0L;
        private volatile int ptuMinutes = 15;

        @Override
        public void register(AgentId id, Agent a) {
            if (!id.value().equals(agentId)) {
                throw new IllegalArgumentException("this connection is " + agentId + ", not " + id);
            }
            agent = a;
        }

        @Override
        public void send(AclMessage message) {
            if (!message.sender().value().equals(agentId)) {
                throw new IllegalArgumentException(agentId + " cannot send as " + message.sender());
            }
            byte[] payload = WireCodec.encode(new Envelope(UUID.randomUUID(), System.currentTimeMillis(),
                    ptuClock.getAsLong(), ptuMinutes, message));
            try {
                client.publish(Topics.outbox(agentId), payload, 1, false);
            } catch (MqttException e) {
                LOG.warn("{}: {} not sent: {}", agentId, message.performative(), e.getMessage());
            }
        }

        @Override
        public void deliverAll() {
            // delivered as it arrives, on the MQTT callback thread
        }

        void deliver(byte[] payload) {
            Agent a = agent;
            if (a == null) {
                LOG.debug("{}: a message arrived before an agent was attached; dropped", agentId);
                return;
            }
            try {
                Envelope e = WireCodec.decode(payload, null);
                synchronized (a) {
                    a.receive(e.acl(), this);
                }
            } catch (RejectedMessage r) {
                LOG.warn("{}: unreadable message from the platform: {}", agentId, r.getMessage());
            } catch (RuntimeException ex) {
                LOG.warn("{}: could not handle a message from the platform", agentId, ex);
            }
        }
    }

    /** Publishes one reading and returns its message id. */
    public UUID sendReading(long ptuStartEpochMs, int ptuMinutes, double netInKw, double billInEur) {
        return sendReading(ptuStartEpochMs, ptuMinutes, netInKw, billInEur, OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /** Publishes one reading with the household load and the PV metered apart, and returns its message id. */
    public UUID sendReading(long ptuStartEpochMs, int ptuMinutes, double netInKw, double billInEur,
                            OptionalDouble loadInKw, OptionalDouble pvInKw) {
        UUID id = UUID.randomUUID();
        byte[] payload = WireCodec.encodeReading(WireCodec.reading(id, agentId, ptuStartEpochMs, ptuMinutes,
                netInKw, billInEur, System.currentTimeMillis()), loadInKw, pvInKw);
        sendRaw(id.toString(), payload);
        return id;
    }

    /** Publishes a payload as is under {@code messageId} (tests use it for duplicates and bad messages). */
    public void sendRaw(String messageId, byte[] payload) {
        outbox.add(messageId, payload);
        publish(payload);
    }

    private void publish(byte[] payload) {
        try {
            client.publish(Topics.readings(agentId), payload, 1, false);
        } catch (MqttException e) {
            // Not connected, or too many in flight: the outbox keeps it and the resender tries again.
            LOG.debug("{}: publish deferred: {}", agentId, e.getMessage());
        }
    }

    private void acknowledged(String[] ack) {
        long ms = outbox.acknowledged(ack[0]);
        if (listener != null) {
            listener.onAck(ack[0], ack[1], ack[2], ms);
        }
    }

    private void resendOverdue() {
        if (!client.isConnected()) {
            return;
        }
        outbox.resendOverdue(System.nanoTime(), this::publish);
    }

    private void resendAll() {
        outbox.resendAll(this::publish);
    }

    /**
     * Drops the connection the way a crash or a pulled cable does, without an MQTT DISCONNECT, so the broker
     * publishes this agent's last will ({@code offline}); for fault tests.
     */
    public void dropLikeACrash() throws MqttException {
        resender.cancel(false);
        client.disconnectForcibly(0, 1_000, false);
        client.close(true);
    }

    /** Publishes a payload as is on this agent's outbox (tests use it for replayed and stale messages). */
    public void publishOutboxRaw(byte[] payload) throws MqttException {
        client.publish(Topics.outbox(agentId), payload, 1, false);
    }

    /** Messages sent and not yet acknowledged. */
    public int unacknowledged() {
        return outbox.size();
    }

    /** Number of resends so far. */
    public long resends() {
        return outbox.resends();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Waits until every message is acknowledged; false on timeout. */
    public boolean awaitAcknowledged(long timeoutMs) throws InterruptedException {
        return outbox.awaitEmpty(timeoutMs);
    }

    @Override
    public void close() {
        resender.cancel(false);
        try {
            if (client.isConnected()) {
                // a clean DISCONNECT suppresses the last will: say goodbye ourselves
                announce(Presence.OFFLINE);
                client.disconnect(500).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            LOG.debug("{}: disconnect: {}", agentId, e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("{}: close: {}", agentId, e.toString());
        }
    }
}
