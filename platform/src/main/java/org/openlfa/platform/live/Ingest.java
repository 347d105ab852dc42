package org.openlfa.platform.live;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openlfa.protocol.uftp.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openlfa.platform.broker.PlatformConnection;
import org.openlfa.platform.security.Authority;
import org.openlfa.platform.store.Store;
import org.openlfa.protocol.MeterReading;
import org.openlfa.protocol.RejectedMessage;
import org.openlfa.protocol.WireCodec;
import org.openlfa.protocol.mqtt.Topics;

/**
 * The platform's reading intake: an MQTT client of the broker (so an external broker works the same way) that
 * checks each reading, stores batches in one transaction each, and only then acknowledges every message on the
 * sender's ack topic ({@code stored}, {@code duplicate} or {@code rejected} with the reason). A message is
 * accepted when its acknowledgement is sent, never before its commit: that is what makes a kill -9 lose nothing
 * that was acknowledged, the agents resending whatever was not.
 */
public final class Ingest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
    private static final int MAX_BATCH = 1000;

    private record Incoming(String topic, byte[] payload) {
    }

    private final Store store;
    private final Consumer<List<MeterReading>> onStored;
    private final PlatformConnection connection;
    private final MqttAsyncClient client;
    private final BlockingQueue<Incoming> queue = new LinkedBlockingQueue<>(200_000);
    private final Thread writer;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    /**
     * Per agent, 100 readings/s with bursts of 1,000: far above a meter (one reading a PTU, or a few per second in
     * accelerated time), low enough that one flooding agent cannot starve the others.
     */
    private final RateLimiter limiter = new RateLimiter(100, 1_000);
    private volatile boolean running = true;

    /**
     * @param onStored told of the readings each batch stored anew (not the duplicates), after the commit
     */
    public Ingest(Store store, String brokerUrl, SSLContext tls, String password,
           Consumer<List<MeterReading>> onStored) throws MqttException {
        this.store = store;
        this.onStored = onStored;
        this.connection = new PlatformConnection(brokerUrl, Authority.PLATFORM, tls, password, "the intake");
        this.client = connection.client();
        connection.connect(new String[] {Topics.ALL_READINGS},
                (topic, payload) -> queue.put(new Incoming(topic, payload)));
        writer = new Thread(this::writeLoop, "lfa-ingest-writer");
        writer.setDaemon(true);
        writer.start();
    }

    long stored() {
        return stored.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    long rejected() {
        return rejected.get();
    }

    /** Readings left unacknowledged because their agent was over its rate (they come again). */
    public long throttled() {
        return throttled.get();
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
        long now = System.nanoTime();
        for (Incoming in : batch) {
            String agent = Topics.agentOfReadings(in.topic());
            if (agent != null && !limiter.tryAcquire(agent, now)) {
                // not acknowledged, so not lost: the agent resends it after its resend delay
                throttled.incrementAndGet();
                continue;
            }
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
        List<MeterReading> fresh = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            if (counts[i] != 0) {
                fresh.add(good.get(i));
            }
        }
        onStored.accept(fresh);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
