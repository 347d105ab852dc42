package org.openlfa.server;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's reading intake: an MQTT client of the broker (so an external broker works the same way) that
 * checks each reading, stores batches in one transaction each, and only then acknowledges every message on the
 * sender's ack topic ({@code stored}, {@code duplicate} or {@code rejected} with the reason). A message is
 * accepted when its acknowledgement is sent, never before its commit: that is what makes a kill -9 lose nothing
 * that was acknowledged, the agents resending whatever was not.
 */
final class Ingest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
    private static final int MAX_BATCH = 1000;

    private record Incoming(String topic, byte[] payload) {
    }

    private final Store store;
    private final MqttAsyncClient client;
    private final BlockingQueue<Incoming> queue = new LinkedBlockingQueue<>(200_000);
    private final Thread writer;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean running = true;
    private final CountDownLatch subscribed = new CountDownLatch(1);

    Ingest(Store store, String brokerUrl, SSLContext tls, String password) throws MqttException {
        this.store = store;
        this.client = new MqttAsyncClient(brokerUrl, Authority.PLATFORM, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(Authority.PLATFORM);
        o.setPassword(password.toCharArray());
        o.setSocketFactory(new NoDelaySocketFactory(tls.getSocketFactory()));
        o.setHttpsHostnameVerificationEnabled(true);
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxInflight(10_000);
        o.setKeepAliveInterval(30);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                // every (re)connection subscribes here, and the start waits for the first subscription to be granted:
                // a connection the broker drops during start (seen in CI: "SUBSCRIBE received on already closed
                // connection") is then retried by the automatic reconnect instead of failing the platform's start
                try {
                    client.subscribe(Topics.ALL_READINGS, 1, null, new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            subscribed.countDown();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            LOG.warn("ingest could not subscribe to readings: {}", String.valueOf(failure));
                        }
                    });
                } catch (MqttException e) {
                    LOG.error("cannot subscribe to readings", e);
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("ingest lost its broker connection: {}", String.valueOf(cause));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
                queue.put(new Incoming(topic, message.getPayload()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(o).waitForCompletion(30_000);
        try {
            if (!subscribed.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the broker did not grant the readings subscription within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while subscribing to readings", e);
        }
        writer = new Thread(this::writeLoop, "lfa-ingest-writer");
        writer.setDaemon(true);
        writer.start();
    }

    long stored() {
        return stored.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long rejected() {
        return rejected.get();
    }

    private void writeLoop() {
        List<Incoming> batch = new ArrayList<>();
        while (running) {
            try {
                Incoming first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("ingest batch failed; its messages stay unacknowledged and will be resent", e);
            }
        }
    }

    private void process(List<Incoming> batch) {
        List<MeterReading> good = new ArrayList<>();
        List<String> goodTopics = new ArrayList<>();
        for (Incoming in : batch) {
            String agent = Topics.agentOfReadings(in.topic());
            try {
                if (agent == null) {
                    throw new RejectedMessage("not a readings topic");
                }
                good.add(WireCodec.decodeReading(in.payload(), agent));
                goodTopics.add(agent);
            } catch (RejectedMessage r) {
                reject(agent, in, r.getMessage());
            }
        }
        if (good.isEmpty()) {
            return;
        }
        int[] counts;
        try {
            counts = store.insertReadings(good);
        } catch (SQLException e) {
            // Nothing is acknowledged: the senders resend, and the message ids keep the retry idempotent.
            LOG.error("storing {} readings failed: {}", good.size(), e.getMessage());
            return;
        }
        for (int i = 0; i < good.size(); i++) {
            boolean isNew = counts[i] != 0;
            (isNew ? stored : duplicates).incrementAndGet();
            publishAck(goodTopics.get(i), WireCodec.ack(good.get(i).messageId().toString(),
                    isNew ? "stored" : "duplicate", null));
        }
    }

    private void reject(String agent, Incoming in, String reason) {
        rejected.incrementAndGet();
        String head = new String(in.payload(), 0, Math.min(200, in.payload().length), StandardCharsets.UTF_8);
        try {
            store.insertRejection(agent, in.topic(), reason, head);
        } catch (SQLException e) {
            LOG.warn("could not record a rejection: {}", e.getMessage());
        }
        if (agent != null) {
            publishAck(agent, WireCodec.ack(WireCodec.messageIdOf(in.payload()), "rejected", reason));
        }
    }

    private void publishAck(String agent, byte[] payload) {
        try {
            client.publish(Topics.ack(agent), payload, 1, false);
        } catch (MqttException e) {
            LOG.warn("ack to {} not sent ({}); the agent will resend and get a 'duplicate' ack", agent,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(5000);
            client.disconnect(500).waitForCompletion(5000);
        } catch (MqttException | InterruptedException e) {
            LOG.debug("ingest close: {}", e.toString());
        }
        try {
            client.close();
        } catch (MqttException e) {
            LOG.debug("ingest close: {}", e.toString());
        }
    }
}
