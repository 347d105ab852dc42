package org.openlfa.cems;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.openlfa.protocol.security.Tls;
import org.openlfa.community.HomeProfile;

/**
 * N simulated energy boxes against a running platform, in accelerated time: each registers (operator token from
 * the data dir), connects over MQTT/TLS as itself and sends one reading per PTU of its home (a home of the reference
 * study); the readings of one PTU are spread evenly over it, as real meters' clocks are. At the end it waits for the
 * outstanding acknowledgements and compares what was sent with what the platform stored.
 *
 * <pre>{@code
 * LoadTest.Result r = LoadTest.run(new LoadTest.Settings("https://127.0.0.1:8443", Path.of("lfa-data"), 1000, 1.0,
 *         60, 1), System.out::println);
 * System.out.println(r.line());   // sent=60000 stored=60000 lost=0 p99_ms=…
 * }</pre>
 */
public final class LoadTest {

    /**
     * @param targetUrl  the platform's API
     * @param dataDir    the platform's data dir (operator token and TLS certificate)
     * @param agents     number of simulated CEMS agents
     * @param hours      simulated hours
     * @param speed      simulated seconds per real second
     * @param ptuMinutes one reading per agent per PTU
     */
    public record Settings(String targetUrl, Path dataDir, int agents, double hours, double speed, int ptuMinutes) {
    }

    /**
     * @param sent    readings sent (distinct message ids)
     * @param stored  of those, stored by the platform
     * @param lost    sent minus stored
     * @param p50Ms   median send-to-stored-acknowledgement time
     * @param p99Ms   99th percentile of it
     * @param maxMs   the longest
     * @param seconds real duration of the sending phase
     */
    public record Result(long sent, long stored, long lost, long p50Ms, long p99Ms, long maxMs, double seconds) {
        /** The closing line: {@code sent=X stored=Y lost=Z p99_ms=W}. */
        public String line() {
            return "sent=" + sent + " stored=" + stored + " lost=" + lost + " p99_ms=" + p99Ms;
        }
    }

    private LoadTest() {
    }

    public static Result run(Settings s, Consumer<String> progress) throws Exception {
        Path ca = s.dataDir().resolve("tls/server.crt");
        String operator = Files.readString(s.dataDir().resolve("operator.token"), StandardCharsets.UTF_8).trim();
        ApiClient api = new ApiClient(s.targetUrl(), ca);
        String run = "load-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        String mqttUrl = api.get("/api/me", operator).body().get("mqttUrl").asText();
        SSLContext tls = Tls.clientContext(ca);
        // The study's profiles come in PTUs of 5 min or more; a reading every minute reads the PTU it falls in.
        HomeProfile home = HomeProfile.of("F1_LOAD1", "2030Green-High", 15);
        long[] latencies = new long[(int) Math.min(Integer.MAX_VALUE - 8,
                (long) s.agents() * (long) Math.ceil(s.hours() * 60 / s.ptuMinutes()) + 16)];
        AtomicInteger nLatencies = new AtomicInteger();
        AtomicLong storedAcks = new AtomicLong();
        CemsClient.AckListener listener = (id, status, reason, ms) -> {
            if (("stored".equals(status) || "duplicate".equals(status)) && ms >= 0) {
                int i = nLatencies.getAndIncrement();
                if (i < latencies.length) {
                    latencies[i] = ms;
                }
                storedAcks.incrementAndGet();
            }
        };
        progress.accept("registering and connecting " + s.agents() + " agents (" + run + "*)");
        List<CemsClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CemsClient>> connecting = new ArrayList<>();
            for (int i = 0; i < s.agents(); i++) {
                String id = run + i;
                connecting.add(pool.submit(() -> connectWithRetry(mqttUrl, id,
                        api.registerAgent(operator, id, "cems"), tls, listener)));
            }
            for (Future<CemsClient> f : connecting) {
                clients.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        long ptus = Math.round(s.hours() * 60 / s.ptuMinutes());
        double periodMs = s.ptuMinutes() * 60_000.0 / s.speed();
        progress.accept("sending " + ptus + " PTUs x " + s.agents() + " agents, one PTU every "
                + Math.round(periodMs) + " ms");
        long simStart = Instant.parse("2030-01-15T00:00:00Z").toEpochMilli();
        long sent = 0;
        long start = System.nanoTime();
        for (long k = 0; k < ptus; k++) {
            long ptuStart = simStart + k * s.ptuMinutes() * 60_000L;
            Instant at = Instant.ofEpochMilli(ptuStart);
            double net = home.netInKw(at);
            double bill = home.billInEur(at);
            for (int i = 0; i < clients.size(); i++) {
                long due = start + (long) ((k + (double) i / clients.size()) * periodMs * 1_000_000);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                clients.get(i).sendReading(ptuStart, s.ptuMinutes(), net, bill);
                sent++;
            }
            if (k % Math.max(1, ptus / 10) == 0) {
                progress.accept("PTU " + k + "/" + ptus + ": sent " + sent + ", acknowledged " + storedAcks.get());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.currentTimeMillis() + 60_000;
        for (CemsClient c : clients) {
            c.awaitAcknowledged(Math.max(1, deadline - System.currentTimeMillis()));
        }
        long stored = api.get("/api/stats?agentPrefix=" + run, operator).body().get("readingsOfPrefix").asLong();
        clients.parallelStream().forEach(CemsClient::close);
        int n = Math.min(nLatencies.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(sent, stored, sent - stored, percentile(sorted, 0.50), percentile(sorted, 0.99),
                n == 0 ? -1 : sorted[n - 1], seconds);
    }

    /** A broker busy with a thousand TLS handshakes may drop one: try again, as a real energy box would. */
    private static CemsClient connectWithRetry(String mqttUrl, String id, String token, SSLContext tls,
                                               CemsClient.AckListener listener) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return CemsClient.connectBroker(mqttUrl, id, token, tls, listener);
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(500L * attempt);
            }
        }
    }

    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
