package org.openlfa.protocol.uftp;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.openlfa.protocol.RejectedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token bucket per agent: each agent may send {@code burst} messages at once and {@code ratePerSecond} on average.
 *
 * <pre>{@code
 * RateLimiter limiter = new RateLimiter(2.0, 20);            // 2 messages/s, bursts of 20
 * if (!limiter.tryAcquire(agentId, System.nanoTime())) { refuse("rate limited"); }
 * limiter.require(agentId, System.nanoTime());              // the same, throwing RejectedMessage
 * }</pre>
 *
 * <p><b>Memory.</b> A bucket that has been idle long enough to refill completely is indistinguishable from a new
 * one, so it is evicted (periodically, by whichever caller comes first after the interval); the next message of that
 * agent starts a fresh, full bucket, which is exactly what the old one would have given. Memory thus follows the
 * number of recently active agents, about 100 bytes each, and is capped at {@code maxAgents}: when that many agents
 * are active at once, new ones are refused (not old ones evicted early, which would hand out extra bursts).
 *
 * <p>Thread-safe: buckets live in a concurrent map and each is updated under its own lock, so different agents never
 * contend. {@code nowNanos} is {@link System#nanoTime()} (only differences are used); a clock that goes backwards
 * adds no tokens.
 *
 * <p><b>Why not a library.</b> The token arithmetic is ten lines; what this class is for is the per-agent memory
 * around it, and that is what the maintained limiters leave out or do otherwise. Guava's {@code RateLimiter} is one
 * permit stream (a limiter per agent, and a map of them, would still be ours), its burst is fixed at one second of
 * permits (the constructor taking another is package-private) and its clock is not injectable (its stopwatch is
 * package-private too), so {@code nowNanos} could not be passed in and tested as here. Bucket4j (8.x) has the bucket
 * (integer capacities only, where {@code burst} is a double), a clock per bucket rather than a time per call (a
 * thread-local clock to feed {@code nowNanos} through), and per-key buckets only behind a {@code ProxyManager} over
 * a cache; a size-bounded cache evicts when full, which would hand an evicted, still-empty agent a fresh burst,
 * where this class refuses newcomers instead ({@code RateLimiterTest.aFullLimiterRefusesNewcomersNotTheActive}).
 */
public final class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
    /** Default cap on tracked agents (about 100 MB at the cap). */
    public static final int DEFAULT_MAX_AGENTS = 1_000_000;
    private static final long MIN_SWEEP_INTERVAL_NANOS = 5_000_000_000L;
    private static final long FULL_SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final double ratePerSecond;
    private final double burst;
    private final double tokensPerNano;
    private final long refillNanos;
    private final long sweepIntervalNanos;
    private final int maxAgents;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweepNanos = new AtomicLong();
    private volatile boolean clockStarted;
    private volatile boolean warnedFull;

    /** A limiter for up to {@value #DEFAULT_MAX_AGENTS} simultaneously active agents. */
    public RateLimiter(double ratePerSecond, double burst) {
        this(ratePerSecond, burst, DEFAULT_MAX_AGENTS);
    }

    /**
     * @param ratePerSecond sustained messages per second per agent
     * @param burst         messages an agent may send at once (at least 1)
     * @param maxAgents     cap on agents tracked at once
     */
    public RateLimiter(double ratePerSecond, double burst, int maxAgents) {
        if (!(ratePerSecond > 0) || !Double.isFinite(ratePerSecond) || !(burst >= 1) || !Double.isFinite(burst)
                || maxAgents < 1) {
            throw new IllegalArgumentException("rate must be positive, burst at least 1, maxAgents at least 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokensPerNano = ratePerSecond / 1e9;
        this.refillNanos = (long) Math.ceil(burst / tokensPerNano);
        this.sweepIntervalNanos = Math.max(refillNanos, MIN_SWEEP_INTERVAL_NANOS);
        this.maxAgents = maxAgents;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    public double burst() {
        return burst;
    }

    /**
     * Takes one token of {@code agentId}'s bucket.
     *
     * @return whether the agent may send now
     */
    public boolean tryAcquire(String agentId, long nowNanos) {
        Objects.requireNonNull(agentId, "agentId");
        maybeSweep(nowNanos, false);
        while (true) {
            Bucket b = buckets.get(agentId);
            if (b == null) {
                if (buckets.size() >= maxAgents) {
                    maybeSweep(nowNanos, true);
                    if (buckets.size() >= maxAgents && !buckets.containsKey(agentId)) {
                        if (!warnedFull) {
                            warnedFull = true;   // once per sweep interval, not once per refusal
                            LOG.warn("rate limiter full ({} agents active at once): refusing new agents such as {}",
                                    maxAgents, SecureXml.echo(agentId));
                        }
                        return false;
                    }
                }
                b = buckets.computeIfAbsent(agentId, k -> new Bucket(burst, nowNanos));
            }
            synchronized (b) {
                if (b.evicted) {
                    continue;   // swept away between lookup and lock: take the new one
                }
                long elapsed = nowNanos - b.lastNanos;
                if (elapsed > 0) {
                    b.tokens = Math.min(burst, b.tokens + elapsed * tokensPerNano);
                    b.lastNanos = nowNanos;
                }
                if (b.tokens >= 1) {
                    b.tokens -= 1;
                    return true;
                }
                return false;
            }
        }
    }

    /**
     * {@link #tryAcquire}, throwing the reason.
     *
     * @throws RejectedMessage when the agent is over its rate
     */
    public void require(String agentId, long nowNanos) throws RejectedMessage {
        if (!tryAcquire(agentId, nowNanos)) {
            throw new RejectedMessage(String.format(Locale.ROOT,
                    "rate limited: more than %s messages/s (bursts of %s); slow down", number(ratePerSecond),
                    number(burst)));
        }
    }

    /** How many agents have a bucket now. */
    public int trackedAgents() {
        return buckets.size();
    }

    /**
     * Evicts the buckets that have refilled completely: once per interval, or, when the limiter is full, at most once
     * a second (a full limiter must not turn every refused newcomer into a scan of all buckets).
     */
    private void maybeSweep(long nowNanos, boolean full) {
        if (!clockStarted) {
            // The first call fixes the clock's origin: nanoTime values are only comparable by difference.
            synchronized (this) {
                if (!clockStarted) {
                    lastSweepNanos.set(nowNanos);
                    clockStarted = true;
                }
            }
        }
        long last = lastSweepNanos.get();
        long since = nowNanos - last;
        if (since < (full ? FULL_SWEEP_INTERVAL_NANOS : sweepIntervalNanos)) {
            return;
        }
        if (!lastSweepNanos.compareAndSet(last, nowNanos)) {
            return;   // another thread sweeps
        }
        int evicted = 0;
        for (Map.Entry<String, Bucket> e : buckets.entrySet()) {
            Bucket b = e.getValue();
            synchronized (b) {
                if (nowNanos - b.lastNanos >= refillNanos) {
                    b.evicted = true;
                    buckets.remove(e.getKey(), b);
                    evicted++;
                }
            }
        }
        warnedFull = false;
        if (evicted > 0) {
            LOG.debug("rate limiter: evicted {} idle buckets, {} remain", evicted, buckets.size());
        }
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static final class Bucket {
        double tokens;
        long lastNanos;
        boolean evicted;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }
}
