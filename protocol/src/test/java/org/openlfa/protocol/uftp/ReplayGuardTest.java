package org.openlfa.protocol.uftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openlfa.protocol.RejectedMessage;
import org.openlfa.protocol.uftp.ReplayGuard.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ReplayGuardTest {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayGuardTest.class);
    private static final long T = 1_894_636_800_000L;   // 2030-01-14T16:00Z

    @Test
    void acceptsFreshMessagesOnce() {
        ReplayGuard guard = new ReplayGuard();
        assertThat(guard.check("dso", "m1", T - 1000, T).accepted()).isTrue();
        ReplayGuard.Result again = guard.check("dso", "m1", T - 1000, T + 5000);
        assertThat(again.verdict()).isEqualTo(Verdict.REPLAYED);
        assertThat(again.reason()).isEqualTo("replayed: message m1 of dso was already accepted in the last 300 s");
        // the same id from another sender is another message
        assertThat(guard.check("agr", "m1", T - 1000, T).accepted()).isTrue();
        // a replay with a rewritten (still fresh) time stamp is caught too
        assertThat(guard.check("dso", "m1", T + 20_000, T + 10_000).verdict()).isEqualTo(Verdict.REPLAYED);
        assertThatThrownBy(() -> guard.require("dso", "m1", T, T)).isInstanceOf(RejectedMessage.class)
                .hasMessageStartingWith("replayed:");
    }

    @Test
    void refusesStaleAndFutureMessagesAtTheBoundaries() {
        ReplayGuard guard = new ReplayGuard();
        long window = ReplayGuard.DEFAULT_WINDOW.toMillis();
        long skew = ReplayGuard.DEFAULT_MAX_SKEW.toMillis();
        assertThat(guard.check("s", "a", T - window, T).accepted()).isTrue();
        ReplayGuard.Result old = guard.check("s", "b", T - window - 1, T);
        assertThat(old.verdict()).isEqualTo(Verdict.TOO_OLD);
        assertThat(old.reason()).isEqualTo("too old: sent 300.001 s ago, messages older than 300 s are refused");
        assertThat(guard.check("s", "c", T + skew, T).accepted()).isTrue();
        ReplayGuard.Result future = guard.check("s", "d", T + skew + 1, T);
        assertThat(future.verdict()).isEqualTo(Verdict.FROM_THE_FUTURE);
        assertThat(future.reason()).isEqualTo("from the future: sent 30.001 s ahead of our clock, at most 30 s of clock"
                + " skew is allowed");
        // absurd time stamps overflow nothing
        assertThat(guard.check("s", "e", Long.MIN_VALUE, T).verdict()).isEqualTo(Verdict.TOO_OLD);
        assertThat(guard.check("s", "f", Long.MAX_VALUE, T).verdict()).isEqualTo(Verdict.FROM_THE_FUTURE);
        assertThat(guard.check("s", "g", Long.MAX_VALUE, Long.MIN_VALUE + 1).verdict())
                .isEqualTo(Verdict.FROM_THE_FUTURE);
        assertThat(guard.check("s", "h", Long.MIN_VALUE, Long.MAX_VALUE).verdict()).isEqualTo(Verdict.TOO_OLD);
    }

    @Test
    void forgetsIdsOnceTheyWouldBeTooOldAnyway() {
        ReplayGuard guard = new ReplayGuard(Duration.ofSeconds(60), Duration.ofSeconds(5), 1_000_000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(guard.check("s", "id-" + i, T, T).accepted()).isTrue();
        }
        assertThat(guard.size()).isEqualTo(10_000);
        // Within the window they are remembered ...
        assertThat(guard.check("s", "id-42", T, T + 59_000).verdict()).isEqualTo(Verdict.REPLAYED);
        // ... after it a replay is refused for its age, and the memory has let go of the ids.
        assertThat(guard.check("s", "id-42", T, T + 61_000).verdict()).isEqualTo(Verdict.TOO_OLD);
        for (int i = 0; i < 64 * 40; i++) {   // enough checks that every one of the 64 stripes sees the new time
            guard.check("s", "later-" + i, T + 70_000, T + 70_000);
        }
        assertThat(guard.size()).isEqualTo(64 * 40);
    }

    @Test
    void memoryIsCappedAndFailsClosed() {
        ReplayGuard guard = new ReplayGuard(Duration.ofSeconds(60), Duration.ofSeconds(5), 64 * 10);
        int accepted = 0;
        int full = 0;
        for (int i = 0; i < 5_000; i++) {
            ReplayGuard.Result r = guard.check("s", "id-" + i, T, T);
            if (r.accepted()) {
                accepted++;
            } else {
                assertThat(r.verdict()).isEqualTo(Verdict.MEMORY_FULL);
                assertThat(r.reason()).startsWith("refused: the replay guard is full");
                full++;
            }
        }
        assertThat(accepted).isEqualTo(640);
        assertThat(full).isEqualTo(5_000 - 640);
        assertThat(guard.size()).isEqualTo(640);
        // once the window has moved on there is room again
        assertThat(guard.check("s", "new", T + 70_000, T + 70_000).accepted()).isTrue();
    }

    @Test
    void concurrentDuplicatesAreAcceptedExactlyOnce() throws Exception {
        ReplayGuard guard = new ReplayGuard();
        int threads = 8;
        int ids = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger accepted = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ids; i++) {   // every thread offers every id
                        if (guard.check("agr", "m-" + i, T, T).accepted()) {
                            accepted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(accepted.get()).isEqualTo(ids);
            assertThat(guard.size()).isEqualTo(ids);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The platform's target rate, 20,000 messages/s, with a 5-minute window: far below a second of CPU here. */
    @Test
    void keepsUpWithTwentyThousandMessagesPerSecond() {
        ReplayGuard guard = new ReplayGuard();
        int n = 200_000;   // ten seconds' worth
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID().toString();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long now = T + i / 20;   // 20 per ms
            if (!guard.check("cems-" + (i % 5000), ids[i], now - 40, now).accepted()) {
                throw new AssertionError("refused a fresh message " + i);
            }
        }
        long nanos = System.nanoTime() - t0;
        LOG.info("replay guard: {} checks in {} ms ({} ns each)", n, nanos / 1_000_000, nanos / n);
        assertThat(nanos).isLessThan(5_000_000_000L);   // 10 s of traffic in < 5 s even on a slow CI machine
    }
}
