package org.openlfa.protocol.uftp;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.openlfa.protocol.RejectedMessage;

/**
 * Refuses messages that are stale, from the future, or seen before: a freshness window on the sender's time stamp
 * plus a memory of the message ids accepted within it.
 *
 * <pre>{@code
 * ReplayGuard guard = new ReplayGuard();                         // 5 min window, 30 s skew
 * ReplayGuard.Result r = guard.check(sender, header.messageId(), UftpXml.timeStampEpochMs(header),
 *         System.currentTimeMillis());
 * if (!r.accepted()) { refuse(r.reason()); }
 * guard.require(sender, messageId, sentAtMs, nowMs);             // the same, throwing RejectedMessage
 * }</pre>
 *
 * <p><b>Why the memory can forget.</b> A message older than the window is refused for its age alone, so an id needs
 * remembering only while a message carrying it could still pass the freshness check: ids are kept in time buckets by
 * their sent-at time, and a bucket that has fallen out of the window is dropped whole. Memory is therefore bounded by
 * the rate of accepted messages times (window + skew), and additionally capped ({@code maxIds}): when the cap is
 * reached the guard refuses (fails closed) rather than accept what it can no longer check. This relies on the time
 * stamp being authenticated (inside the signed message): an attacker who could rewrite it could replay an old message
 * as a fresh one.
 *
 * <p><b>Cost.</b> An id is kept as a 64-bit keyed fingerprint (Guava's SipHash-2-4 with a random per-guard key, so
 * senders cannot forge collisions) in an open-addressing table: 16 to 32 bytes per id, about 100 to 200 MB at 20,000
 * messages/s over 5.5 minutes. A check hashes once and probes each live bucket (about 18); the tables are split into
 * 64 independently locked stripes, so threads rarely wait. Two threads checking the same id at once: exactly one is
 * accepted. A false "replayed" needs a 64-bit collision within the window (chance about 10^-12 per message at that
 * rate).
 *
 * <p>The {@code now} passed by concurrent callers should agree within a bucket (a sixteenth of window + skew);
 * {@code System.currentTimeMillis()} does.
 */
public final class ReplayGuard {

    /** Default freshness window: how old a message may be. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    /** Default allowance for a sender's clock running ahead of ours. */
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(30);
    /** Default cap on remembered ids: 20,000 messages/s over window + skew, with a margin. */
    public static final long DEFAULT_MAX_IDS = 8_000_000;

    /** What {@link #check} decided. */
    public enum Verdict {
        /** Fresh and not seen before: now remembered. */
        ACCEPTED,
        /** Sent longer ago than the window. */
        TOO_OLD,
        /** Sent further ahead of our clock than the allowed skew. */
        FROM_THE_FUTURE,
        /** The sender's message id was already accepted within the window. */
        REPLAYED,
        /** The memory is full: refused because it cannot be checked. */
        MEMORY_FULL
    }

    /**
     * The decision and, unless accepted, the reason to give the sender.
     *
     * @param verdict what was decided
     * @param reason  null when accepted
     */
    public record Result(Verdict verdict, String reason) {
        /** Whether the message may be processed. */
        public boolean accepted() {
            return verdict == Verdict.ACCEPTED;
        }
    }

    private static final Result ACCEPTED = new Result(Verdict.ACCEPTED, null);
    private static final int STRIPES = 64;
    private static final int BUCKETS_PER_SPAN = 16;
    private static final long EMPTY = Long.MIN_VALUE;

    private final long windowMs;
    private final long maxSkewMs;
    private final long bucketMs;
    private final int ring;
    private final long maxIdsPerStripe;
    /**
     * SipHash-2-4 under a random per-guard key. Keyed because the ids hashed are chosen by the senders: with a public
     * hash a sender could make its ids' fingerprints collide in their low bits (long probe chains in the
     * open-addressing tables: hash flooding, the guard slowed for everyone) or whole (another sender's future
     * message refused as a "replay"). SipHash is a pseudo-random function, so without the key neither can be aimed.
     * The fingerprints live only in this process, so their exact values are never compared with anything else.
     */
    private final HashFunction fingerprints;
    private final Stripe[] stripes = new Stripe[STRIPES];

    /** A guard with a 5-minute window, 30 s skew and room for {@value #DEFAULT_MAX_IDS} ids. */
    public ReplayGuard() {
        this(DEFAULT_WINDOW, DEFAULT_MAX_SKEW, DEFAULT_MAX_IDS);
    }

    /**
     * @param window  how old a message may be
     * @param maxSkew how far ahead of our clock a sender's may run
     * @param maxIds  cap on remembered ids (memory: 16-32 bytes each)
     */
    public ReplayGuard(Duration window, Duration maxSkew, long maxIds) {
        this.windowMs = window.toMillis();
        this.maxSkewMs = maxSkew.toMillis();
        if (windowMs <= 0 || maxSkewMs < 0 || maxIds < STRIPES) {
            throw new IllegalArgumentException("window must be positive, skew not negative, maxIds at least " + STRIPES);
        }
        long span = windowMs + maxSkewMs;
        this.bucketMs = Math.max(1, (span + BUCKETS_PER_SPAN - 1) / BUCKETS_PER_SPAN);
        // Live buckets span floor((now-window)/b) .. floor((now+skew)/b): at most span/b + 2 of them. One more slot
        // guarantees that reusing a slot for a new bucket only ever drops a bucket already out of the window.
        this.ring = (int) (span / bucketMs) + 3;
        this.maxIdsPerStripe = maxIds / STRIPES;
        SecureRandom random = new SecureRandom();
        this.fingerprints = Hashing.sipHash24(random.nextLong(), random.nextLong());
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(ring);
        }
    }

    /**
     * Checks a message and, when accepted, remembers its id.
     *
     * @param senderId      the authenticated sender (ids are per sender)
     * @param messageId     the sender's message id
     * @param sentAtEpochMs the message's own (signed) time stamp
     * @param nowEpochMs    our clock
     */
    public Result check(String senderId, String messageId, long sentAtEpochMs, long nowEpochMs) {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(messageId, "messageId");
        if (sentAtEpochMs <= nowEpochMs) {
            long age = nowEpochMs - sentAtEpochMs;
            if (age > windowMs || age < 0) {   // age < 0: the difference overflowed, i.e. absurdly old
                return new Result(Verdict.TOO_OLD, String.format(Locale.ROOT,
                        "too old: sent %s ago, messages older than %s are refused", seconds(age), seconds(windowMs)));
            }
        } else {
            long ahead = sentAtEpochMs - nowEpochMs;
            if (ahead > maxSkewMs || ahead < 0) {
                return new Result(Verdict.FROM_THE_FUTURE, String.format(Locale.ROOT,
                        "from the future: sent %s ahead of our clock, at most %s of clock skew is allowed",
                        seconds(ahead), seconds(maxSkewMs)));
            }
        }
        long fp = fingerprint(senderId, messageId);
        Stripe s = stripes[(int) (fp >>> 58)];   // top 6 bits pick the stripe, low bits the table slot
        long lo = Math.floorDiv(nowEpochMs - windowMs, bucketMs);
        long hi = Math.floorDiv(nowEpochMs + maxSkewMs, bucketMs);
        long target = Math.floorDiv(sentAtEpochMs, bucketMs);
        synchronized (s) {
            s.forgetBefore(lo);
            for (long b = lo; b <= hi; b++) {
                int i = (int) Math.floorMod(b, (long) ring);
                if (s.bucketOf[i] == b && s.ids[i].contains(fp)) {
                    return new Result(Verdict.REPLAYED, "replayed: message " + SecureXml.echo(messageId)
                            + " of " + SecureXml.echo(senderId) + " was already accepted in the last "
                            + seconds(windowMs));
                }
            }
            int i = (int) Math.floorMod(target, (long) ring);
            if (s.bucketOf[i] != target) {
                s.drop(i);
                s.bucketOf[i] = target;
            }
            if (s.size >= maxIdsPerStripe) {
                return new Result(Verdict.MEMORY_FULL, "refused: the replay guard is full (more than "
                        + maxIdsPerStripe * STRIPES + " messages within " + seconds(windowMs + maxSkewMs)
                        + "); try again later");
            }
            if (s.ids[i].add(fp)) {
                s.size++;
            }
        }
        return ACCEPTED;
    }

    /**
     * {@link #check}, throwing the reason.
     *
     * @throws RejectedMessage when the message is not accepted
     */
    public void require(String senderId, String messageId, long sentAtEpochMs, long nowEpochMs)
            throws RejectedMessage {
        Result r = check(senderId, messageId, sentAtEpochMs, nowEpochMs);
        if (!r.accepted()) {
            throw new RejectedMessage(r.reason());
        }
    }

    /** How many ids are remembered (including some up to one bucket past the window, until the next check). */
    public long size() {
        long n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size;
            }
        }
        return n;
    }

    private long fingerprint(String senderId, String messageId) {
        // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
        long h = fingerprints.newHasher(4 + 2 * (senderId.length() + messageId.length()))
                .putInt(senderId.length()).putUnencodedChars(senderId).putUnencodedChars(messageId).hash().asLong();
        return h == 0 ? 1 : h;   // 0 marks an empty table slot
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
    }

    /** One lock's share of the memory: a ring of time buckets, each a set of fingerprints. */
    private static final class Stripe {
        final long[] bucketOf;
        final LongSet[] ids;
        long size;
        long forgottenBefore = EMPTY;

        Stripe(int ring) {
            bucketOf = new long[ring];
            Arrays.fill(bucketOf, EMPTY);
            ids = new LongSet[ring];
            for (int i = 0; i < ring; i++) {
                ids[i] = new LongSet();
            }
        }

        /** Drops the buckets before {@code lo}: ids that could only come with messages now too old. */
        void forgetBefore(long lo) {
            if (lo <= forgottenBefore) {
                return;   // done already for this bucket boundary
            }
            for (int i = 0; i < bucketOf.length; i++) {
                if (bucketOf[i] != EMPTY && bucketOf[i] < lo) {
                    drop(i);
                }
            }
            forgottenBefore = lo;
        }

        void drop(int i) {
            size -= ids[i].size;
            ids[i].clear();
            bucketOf[i] = EMPTY;
        }
    }

    /** A set of non-zero longs: open addressing, linear probing, at most half full. */
    static final class LongSet {
        private static final int MIN_CAPACITY = 16;
        private long[] keys = new long[MIN_CAPACITY];
        int size;

        boolean contains(long k) {
            int mask = keys.length - 1;
            for (int i = (int) k & mask; keys[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == k) {
                    return true;
                }
            }
            return false;
        }

        /** Adds {@code k} (non-zero); returns false when it was there already. */
        boolean add(long k) {
            if (2 * (size + 1) > keys.length) {
                long[] old = keys;
                keys = new long[old.length * 2];
                for (long x : old) {
                    if (x != 0) {
                        insert(x);
                    }
                }
            }
            if (!insert(k)) {
                return false;
            }
            size++;
            return true;
        }

        private boolean insert(long k) {
            int mask = keys.length - 1;
            int i = (int) k & mask;
            while (keys[i] != 0) {
                if (keys[i] == k) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            keys[i] = k;
            return true;
        }

        void clear() {
            // Keep a table that will be filled as much again in the next round of the ring; shrink one that was
            // sized by a burst, so that memory follows the rate.
            if (keys.length > 1024 && size < keys.length / 8) {
                keys = new long[Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, size)) * 4)];
            } else {
                Arrays.fill(keys, 0);
            }
            size = 0;
        }
    }
}
