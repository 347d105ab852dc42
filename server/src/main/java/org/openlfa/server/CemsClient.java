package org.openlfa.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class CemsClient implements AutoCloseable {

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
    private static final long RESEND_AFTER_MS = 5_000;

    private record Pending(byte[] payload, long firstSentNanos, long lastSentNanos) {
    }

    private final String agentId;
    private final MqttAsyncClient client;
    private final Map<String, Pending> outbox = new ConcurrentHashMap<>();
    private final AckListener listener;
    private final ScheduledFuture<?> resender;
    private final AtomicLong resends = new AtomicLong();

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
        mqtt.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (!reconnect) {
                    return; // the first subscription is made and awaited after connect(): one SUBSCRIBE, not two
                }
                try {
                    mqtt.subscribe(Topics.ack(agentId), 1);
                } catch (MqttException e) {
                    LOG.warn("{}: cannot subscribe to its acks: {}", agentId, e.toString());
                }
                c.resendAll();
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.info("{}: connection lost ({}), reconnecting", agentId, String.valueOf(cause));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                c.acknowledged(WireCodec.readAck(message.getPayload()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        try {
            mqtt.connect(o).waitForCompletion(60_000);
            mqtt.subscribe(Topics.ack(agentId), 1).waitForCompletion(30_000);
        } catch (MqttException e) {
            c.close();
            throw e;
        }
        return c;
    }

    public String agentId() {
        return agentId;
    }

    /** Publishes one reading and returns its message id. */
    public UUID sendReading(long ptuStartEpochMs, int ptuMinutes, double netInKw, double billInEur) {
        UUID id = UUID.randomUUID();
        byte[] payload = WireCodec.encode(WireCodec.reading(id, agentId, ptuStartEpochMs, ptuMinutes, netInKw,
                billInEur, System.currentTimeMillis()));
        sendRaw(id.toString(), payload);
        return id;
    }

    /** Publishes a payload as is under {@code messageId} (tests use it for duplicates and bad messages). */
    public void sendRaw(String messageId, byte[] payload) {
        long now = System.nanoTime();
        outbox.put(messageId, new Pending(payload, now, now));
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
        Pending p = outbox.remove(ack[0]);
        long ms = p == null ? -1 : (System.nanoTime() - p.firstSentNanos()) / 1_000_000;
        if (listener != null) {
            listener.onAck(ack[0], ack[1], ack[2], ms);
        }
    }

    private void resendOverdue() {
        if (!client.isConnected()) {
            return;
        }
        long now = System.nanoTime();
        outbox.replaceAll((id, p) -> {
            if (now - p.lastSentNanos() > RESEND_AFTER_MS * 1_000_000) {
                resends.incrementAndGet();
                publish(p.payload());
                return new Pending(p.payload(), p.firstSentNanos(), now);
            }
            return p;
        });
    }

    private void resendAll() {
        outbox.values().forEach(p -> publish(p.payload()));
    }

    /** Messages sent and not yet acknowledged. */
    public int unacknowledged() {
        return outbox.size();
    }

    /** Number of resends so far. */
    public long resends() {
        return resends.get();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Waits until every message is acknowledged; false on timeout. */
    public boolean awaitAcknowledged(long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!outbox.isEmpty()) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        resender.cancel(false);
        try {
            if (client.isConnected()) {
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
