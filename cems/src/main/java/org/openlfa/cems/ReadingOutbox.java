package org.openlfa.cems;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The readings a meter has sent and the platform has not yet acknowledged (it acknowledges after its database
 * commit). A reading stays here until its acknowledgement arrives and is sent again when none came within
 * {@link #RESEND_AFTER_MS}, or after a reconnect: so nothing sent is lost, whichever MQTT client carries it.
 *
 * <pre>{@code
 * outbox.add(id.toString(), payload);
 * publish(payload);
 * ...
 * long ms = outbox.acknowledged(ackedId);            // -1 for an id it does not hold
 * outbox.resendOverdue(System.nanoTime(), this::publish);
 * }</pre>
 */
final class ReadingOutbox {

    /** How long a reading waits for its acknowledgement before it is sent again. */
    static final long RESEND_AFTER_MS = 5_000;

    private record Pending(byte[] payload, long firstSentNanos, long lastSentNanos) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong resends = new AtomicLong();

    /** Keeps {@code payload} under {@code messageId}, sent now. */
    void add(String messageId, byte[] payload) {
        long now = System.nanoTime();
        pending.put(messageId, new Pending(payload, now, now));
    }

    /** Drops the acknowledged message; returns the time from its first send in ms, or -1 if it was not held. */
    long acknowledged(String messageId) {
        Pending p = pending.remove(messageId);
        return p == null ? -1 : (System.nanoTime() - p.firstSentNanos()) / 1_000_000;
    }

    /** Sends again, through {@code publish}, every message whose last send is older than the resend time. */
    void resendOverdue(long nowNanos, Consumer<byte[]> publish) {
        pending.replaceAll((id, p) -> {
            if (nowNanos - p.lastSentNanos() > RESEND_AFTER_MS * 1_000_000) {
                resends.incrementAndGet();
                publish.accept(p.payload());
                return new Pending(p.payload(), p.firstSentNanos(), nowNanos);
            }
            return p;
        });
    }

    /** Sends every held message again (after a reconnect). */
    void resendAll(Consumer<byte[]> publish) {
        pending.values().forEach(p -> publish.accept(p.payload()));
    }

    int size() {
        return pending.size();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    long resends() {
        return resends.get();
    }

    /** Waits until every message is acknowledged; false on timeout. */
    boolean awaitEmpty(long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!pending.isEmpty()) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
