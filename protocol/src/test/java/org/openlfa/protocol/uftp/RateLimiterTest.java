package org.openlfa.protocol.uftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openlfa.protocol.RejectedMessage;

class RateLimiterTest {

    private static final long S = 1_000_000_000L;
    /** An arbitrary nanoTime origin, negative as nanoTime may be. */
    private static final long T0 = -5_000_000_000_000L;

    @Test
    void allowsABurstThenTheRate() {
        RateLimiter limiter = new RateLimiter(2, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("cems-1", T0)).isTrue();
        }
        assertThat(limiter.tryAcquire("cems-1", T0)).isFalse();
        assertThat(limiter.tryAcquire("cems-1", T0 + S / 4)).isFalse();   // half a token
        assertThat(limiter.tryAcquire("cems-1", T0 + S / 2)).isTrue();    // one token after 0.5 s at 2/s
        assertThat(limiter.tryAcquire("cems-1", T0 + S / 2)).isFalse();
        // a long pause refills to the burst, not beyond
        int n = 0;
        while (limiter.tryAcquire("cems-1", T0 + 100 * S)) {
            n++;
        }
        assertThat(n).isEqualTo(5);
    }

    @Test
    void agentsHaveTheirOwnBuckets() throws RejectedMessage {
        RateLimiter limiter = new RateLimiter(1, 1);
        assertThat(limiter.tryAcquire("a", T0)).isTrue();
        assertThat(limiter.tryAcquire("a", T0)).isFalse();
        assertThat(limiter.tryAcquire("b", T0)).isTrue();
        limiter.require("c", T0);
        assertThatThrownBy(() -> limiter.require("c", T0)).isInstanceOf(RejectedMessage.class)
                .hasMessage("rate limited: more than 1 messages/s (bursts of 1); slow down");
        assertThat(limiter.trackedAgents()).isEqualTo(3);
    }

    @Test
    void aClockGoingBackwardsAddsNothing() {
        RateLimiter limiter = new RateLimiter(10, 1);
        assertThat(limiter.tryAcquire("a", T0 + 10 * S)).isTrue();
        assertThat(limiter.tryAcquire("a", T0)).isFalse();
        assertThat(limiter.tryAcquire("a", T0 + 10 * S)).isFalse();
        assertThat(limiter.tryAcquire("a", T0 + 10 * S + S / 10)).isTrue();
    }

    @Test
    void idleBucketsAreEvicted() {
        RateLimiter limiter = new RateLimiter(1, 10);   // refills completely in 10 s
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire("agent-" + i, T0)).isTrue();
        }
        assertThat(limiter.trackedAgents()).isEqualTo(1000);
        limiter.tryAcquire("busy", T0 + 5 * S);
        assertThat(limiter.trackedAgents()).isEqualTo(1001);   // not yet full again: nothing evicted
        limiter.tryAcquire("busy", T0 + 11 * S);
        assertThat(limiter.trackedAgents()).isEqualTo(1);      // the 1000 idle ones are gone, "busy" stays
        // an evicted agent starts with a full bucket, as its old bucket would have been
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("agent-7", T0 + 12 * S)).isTrue();
        }
        assertThat(limiter.tryAcquire("agent-7", T0 + 12 * S)).isFalse();
    }

    @Test
    void aFullLimiterRefusesNewcomersNotTheActive() {
        RateLimiter limiter = new RateLimiter(1, 100, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("agent-" + i, T0)).isTrue();
        }
        assertThat(limiter.tryAcquire("newcomer", T0)).isFalse();
        assertThat(limiter.tryAcquire("agent-3", T0)).isTrue();
        assertThat(limiter.trackedAgents()).isEqualTo(10);
        // once the others have been idle long enough to refill, there is room
        assertThat(limiter.tryAcquire("newcomer", T0 + 101 * S)).isTrue();
        assertThat(limiter.trackedAgents()).isEqualTo(1);
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheBurst() throws Exception {
        RateLimiter limiter = new RateLimiter(1, 1000);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger granted = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 1000; i++) {
                        if (limiter.tryAcquire("shared", T0)) {
                            granted.incrementAndGet();
                        }
                        limiter.tryAcquire("own-" + Thread.currentThread().getId(), T0);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(granted.get()).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new RateLimiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
