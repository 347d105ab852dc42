package org.openlfa.cems;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.TrustManagerFactory;
import org.openlfa.protocol.Presence;
import org.openlfa.protocol.WireCodec;
import org.openlfa.protocol.mqtt.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated energy box's meter connection on the HiveMQ MQTT client (MQTT 3.1.1, async API, Netty), for the load
 * test's client comparison only: the same session as {@link CemsClient}'s (user = client id = agent id, password =
 * token, TLS trusting exactly the platform's certificate with host name verification, clean session, keep-alive
 * 30 s, automatic reconnect up to 2 s apart, retained {@code offline} will; subscribes to its ack, inbox and the
 * prices with QoS 1, announces {@code online}), the same readings (QoS 1, {@link WireCodec}) and the same outbox
 * (resent with the same message id after 5 s without an acknowledgement, checked every second). The product's energy
 * box and the platform stay on Paho; see {@code docs/benchmarks.md}.
 *
 * <pre>{@code
 * try (HiveMqMeter m = HiveMqMeter.connect("ssl://127.0.0.1:8883", "F1_LOAD1", token, Tls.trustOf(caPem), listener)) {
 *     m.sendReading(ptuStartMs, 1, 0.42, 0.013);
 *     m.awaitAcknowledged(10_000);
 * }
 * }</pre>
 */
public final class HiveMqMeter implements MeterConnection {

    private static final Logger LOG = LoggerFactory.getLogger(HiveMqMeter.class);
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "lfa-hivemq-resend");
        t.setDaemon(true);
        return t;
    });

    private final String agentId;
    private final Mqtt3AsyncClient client;
    private final ReadingOutbox outbox = new ReadingOutbox();
    private final CemsClient.AckListener listener;
    private final AtomicLong disconnects = new AtomicLong();
    private volatile ScheduledFuture<?> resender;

    private HiveMqMeter(String agentId, String mqttUrl, TrustManagerFactory trust,
                        CemsClient.AckListener listener) {
        this.agentId = agentId;
        this.listener = listener;
        URI uri = URI.create(mqttUrl);
        this.client = MqttClient.builder().useMqttVersion3()
                .identifier(agentId)
                .serverHost(uri.getHost())
                .serverPort(uri.getPort())
                .sslConfig().trustManagerFactory(trust).applySslConfig() // host name verified by default (HTTPS)
                .transportConfig().socketConnectTimeout(30, TimeUnit.SECONDS).mqttConnectTimeout(30, TimeUnit.SECONDS)
                .applyTransportConfig()
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(2, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addDisconnectedListener(ctx -> {
                    if (ctx.getReconnector().getAttempts() == 0 && resender != null) {
                        disconnects.incrementAndGet();
                        LOG.info("{}: connection lost ({}), reconnecting", agentId, String.valueOf(ctx.getCause()));
                    }
                })
                .addConnectedListener(ctx -> {
                    if (resender != null) { // a reconnect: the client resubscribes itself
                        announce(Presence.ONLINE);
                        resendAll();
                    }
                })
                .buildAsync();
    }

    /** Connects to the broker at {@code mqttUrl} ({@code ssl://host:port}), subscribes and announces itself. */
    public static HiveMqMeter connect(String mqttUrl, String agentId, String token, TrustManagerFactory trust,
                                      CemsClient.AckListener listener) throws Exception {
        HiveMqMeter m = new HiveMqMeter(agentId, mqttUrl, trust, listener);
        try {
            m.client.connectWith()
                    .cleanSession(true)
                    .keepAlive(30)
                    .simpleAuth().username(agentId).password(token.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                    .willPublish().topic(Topics.status(agentId))
                    .payload(Presence.OFFLINE.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true).applyWillPublish()
                    .send().get(60, TimeUnit.SECONDS);
            m.client.subscribeWith()
                    .addSubscription().topicFilter(Topics.ack(agentId)).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                    .addSubscription().topicFilter(Topics.inbox(agentId)).qos(MqttQos.AT_LEAST_ONCE)
                    .applySubscription()
                    .addSubscription().topicFilter(Topics.PRICES + "#").qos(MqttQos.AT_LEAST_ONCE)
                    .applySubscription()
                    .callback(m::arrived)
                    .send().get(30, TimeUnit.SECONDS);
            m.announce(Presence.ONLINE);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            m.close();
            throw e;
        }
        m.resender = TIMER.scheduleWithFixedDelay(m::resendOverdue, 1, 1, TimeUnit.SECONDS);
        return m;
    }

    private void arrived(Mqtt3Publish p) {
        String topic = p.getTopic().toString();
        if (topic.equals(Topics.ack(agentId))) {
            String[] ack = WireCodec.readAck(p.getPayloadAsBytes());
            long ms = outbox.acknowledged(ack[0]);
            if (listener != null) {
                listener.onAck(ack[0], ack[1], ack[2], ms);
            }
        }
        // inbox and prices: the load test attaches no agent and reads no prices (as with CemsClient there)
    }

    private void announce(String presence) {
        client.publishWith().topic(Topics.status(agentId)).payload(presence.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).send();
    }

    @Override
    public UUID sendReading(long ptuStartEpochMs, int ptuMinutes, double netInKw, double billInEur) {
        UUID id = UUID.randomUUID();
        byte[] payload = WireCodec.encodeReading(WireCodec.reading(id, agentId, ptuStartEpochMs, ptuMinutes,
                netInKw, billInEur, System.currentTimeMillis()), OptionalDouble.empty(), OptionalDouble.empty());
        outbox.add(id.toString(), payload);
        publish(payload);
        return id;
    }

    private void publish(byte[] payload) {
        // While disconnected the client queues it; the outbox resends it anyway if no acknowledgement comes.
        client.publishWith().topic(Topics.readings(agentId)).payload(payload).qos(MqttQos.AT_LEAST_ONCE).send();
    }

    private void resendOverdue() {
        if (!client.getState().isConnected()) {
            return;
        }
        outbox.resendOverdue(System.nanoTime(), this::publish);
    }

    private void resendAll() {
        outbox.resendAll(this::publish);
    }

    @Override
    public boolean awaitAcknowledged(long timeoutMs) throws InterruptedException {
        return outbox.awaitEmpty(timeoutMs);
    }

    @Override
    public long resends() {
        return outbox.resends();
    }

    /** Connections lost since connecting (each followed by automatic reconnects). */
    public long disconnects() {
        return disconnects.get();
    }

    @Override
    public boolean isConnected() {
        return client.getState().isConnected();
    }

    @Override
    public void close() {
        ScheduledFuture<?> r = resender;
        if (r != null) {
            r.cancel(false);
        }
        try {
            if (client.getState().isConnected()) {
                // a clean DISCONNECT suppresses the last will: say goodbye ourselves
                client.publishWith().topic(Topics.status(agentId))
                        .payload(Presence.OFFLINE.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE)
                        .retain(true).send().get(5, TimeUnit.SECONDS);
            }
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("{}: disconnect: {}", agentId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
