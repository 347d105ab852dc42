package org.openlfa.cems;

import java.util.UUID;

/**
 * What the load test asks of one simulated energy box's broker connection: send a reading (QoS 1, kept until the
 * platform acknowledges it after the commit, resent when overdue), wait for the outstanding acknowledgements, close.
 * {@link CemsClient} (Eclipse Paho) is the product's implementation; {@link HiveMqMeter} (HiveMQ MQTT client) does
 * the same on another client library, for {@code lfa loadtest --client hivemq}.
 */
public interface MeterConnection extends AutoCloseable {

    /** Publishes one reading and returns its message id. */
    UUID sendReading(long ptuStartEpochMs, int ptuMinutes, double netInKw, double billInEur);

    /** Waits until every message is acknowledged; false on timeout. */
    boolean awaitAcknowledged(long timeoutMs) throws InterruptedException;

    /** Number of resends so far. */
    long resends();

    boolean isConnected();

    /** Says {@code offline}, disconnects cleanly and frees the connection. */
    @Override
    void close();
}
