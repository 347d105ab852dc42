package org.openlfa.cems;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
    public record Settings(String targetUrl, Path dataDir, int agents, double hours, double speed, int ptuMinutes,
                           Client client) {
        /** On the product's client, Paho. */
        public Settings(String targetUrl, Path dataDir, int agents, double hours, double speed, int ptuMinutes) {
            this(targetUrl, dataDir, agents, hours, speed, ptuMinutes, Client.PAHO);
        }
    }

    /** The MQTT client library the simulated meters use. */
    public enum Client {
        /** Eclipse Paho 1.2.5 through {@link CemsClient}, the energy box's own connection. */
        PAHO,
        /** The HiveMQ MQTT client through {@link HiveMqMeter}, the same session and outbox on Netty. */
        HIVEMQ
    }

    /**
     * @param sent    readings sent (distinct message ids)
     * @param stored  of those, stored by the platform
     * @param lost    sent minus stored
     * @param p50Ms   median send-to-stored-acknowledgement time
     * @param p99Ms   99th percentile of it
     * @param maxMs   the longest
     * @param seconds real duration of the sending phase
     * @param client  the client library of the meters
     * @param connectSeconds     wall time to connect (TLS, CONNECT, SUBSCRIBE, online) all agents, registered before
     * @param connectCpuSeconds  this process's CPU time (all threads) while connecting them
     * @param sendCpuSeconds     this process's CPU time from the first reading to the last acknowledgement awaited
     * @param heapPerClientBytes heap retained per connected client (used heap after a GC, connected minus before)
     * @param threadsPerClient   live threads per connected client (connected minus before)
     * @param resends            readings sent again (no acknowledgement within 5 s, or after a reconnect)
     * @param disconnectedAtEnd  clients not connected when the acknowledgements had been awaited
     */
    public record Result(long sent, long stored, long lost, long p50Ms, long p99Ms, long maxMs, double seconds,
                         Client client, double connectSeconds, double connectCpuSeconds, double sendCpuSeconds,
                         long heapPerClientBytes, double threadsPerClient, long resends, int disconnectedAtEnd) {
        /** The closing line: {@code sent=X stored=Y lost=Z p99_ms=W}. */
        public String line() {
            return "sent=" + sent + " stored=" + stored + " lost=" + lost + " p99_ms=" + p99Ms;
        }

        /** Readings acknowledged per second of the sending phase. */
        public double readingsPerSecond() {
            return seconds <= 0 ? 0 : stored / seconds;
        }

        /** Client-side CPU per reading sent (sending, acknowledgements, resender, keep-alives), in microseconds. */
        public double cpuMicrosPerReading() {
            return sent == 0 ? 0 : sendCpuSeconds * 1e6 / sent;
        }

        /** Every figure of the run on one line, {@code key=value}. */
        public String details() {
            return String.format(java.util.Locale.ROOT, "client=%s connect_s=%.2f connect_cpu_s=%.2f sent=%d stored=%d"
                            + " lost=%d readings_per_s=%.1f p50_ms=%d p99_ms=%d max_ms=%d send_cpu_s=%.2f"
                            + " cpu_us_per_reading=%.0f heap_kib_per_client=%.1f threads_per_client=%.2f resends=%d"
                            + " disconnected=%d", client.name().toLowerCase(java.util.Locale.ROOT), connectSeconds,
                    connectCpuSeconds, sent, stored, lost, readingsPerSecond(), p50Ms, p99Ms, maxMs, sendCpuSeconds,
                    cpuMicrosPerReading(), heapPerClientBytes / 1024.0, threadsPerClient, resends, disconnectedAtEnd);
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
        TrustManagerFactory trust = s.client() == Client.HIVEMQ ? Tls.trustOf(ca) : null;
        progress.accept("registering " + s.agents() + " agents (" + run + "*)");
        List<MeterConnection> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        double connectSeconds;
        double connectCpu;
        long heapPerClient;
        double threadsPerClient;
        try {
            List<Future<String>> registering = new ArrayList<>();
            for (int i = 0; i < s.agents(); i++) {
                String id = run + i;
                registering.add(pool.submit(() -> api.registerAgent(operator, id, "cems")));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : registering) {
                tokens.add(f.get());
            }
            progress.accept("connecting " + s.agents() + " agents on " + s.client().name().toLowerCase(Locale.ROOT));
            long heapBefore = heapAfterGc();
            int threadsBefore = THREADS.getThreadCount();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            List<Future<MeterConnection>> connecting = new ArrayList<>();
            for (int i = 0; i < s.agents(); i++) {
                String id = run + i;
                String token = tokens.get(i);
                connecting.add(pool.submit(() -> connectWithRetry(s.client(), mqttUrl, id, token, tls, trust,
                        listener)));
            }
            for (Future<MeterConnection> f : connecting) {
                clients.add(f.get());
            }
            connectSeconds = (System.nanoTime() - t0) / 1e9;
            connectCpu = (processCpuNanos() - cpu0) / 1e9;
            heapPerClient = (heapAfterGc() - heapBefore) / Math.max(1, s.agents());
            threadsPerClient = (THREADS.getThreadCount() - threadsBefore) / (double) Math.max(1, s.agents());
            progress.accept(String.format(Locale.ROOT, "connected in %.1f s (%.1f s CPU), %.1f KiB heap and %.2f"
                    + " threads per client", connectSeconds, connectCpu, heapPerClient / 1024.0, threadsPerClient));
        } finally {
            pool.shutdown();
        }
        long ptus = Math.round(s.hours() * 60 / s.ptuMinutes());
        double periodMs = s.ptuMinutes() * 60_000.0 / s.speed();
        progress.accept("sending " + ptus + " PTUs x " + s.agents() + " agents, one PTU every "
                + Math.round(periodMs) + " ms");
        long simStart = Instant.parse("2030-01-15T00:00:00Z").toEpochMilli();
        long sent = 0;
        long sendCpu0 = processCpuNanos();
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
        for (MeterConnection c : clients) {
            c.awaitAcknowledged(Math.max(1, deadline - System.currentTimeMillis()));
        }
        double sendCpu = (processCpuNanos() - sendCpu0) / 1e9;
        long resends = clients.stream().mapToLong(MeterConnection::resends).sum();
        int disconnected = (int) clients.stream().filter(c -> !c.isConnected()).count();
        long stored = api.get("/api/stats?agentPrefix=" + run, operator).body().get("readingsOfPrefix").asLong();
        clients.parallelStream().forEach(MeterConnection::close);
        int n = Math.min(nLatencies.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(sent, stored, sent - stored, percentile(sorted, 0.50), percentile(sorted, 0.99),
                n == 0 ? -1 : sorted[n - 1], seconds, s.client(), connectSeconds, connectCpu, sendCpu, heapPerClient,
                threadsPerClient, resends, disconnected);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of this whole process (every thread, the JIT and the collector included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** A broker busy with a thousand TLS handshakes may drop one: try again, as a real energy box would. */
    private static MeterConnection connectWithRetry(Client client, String mqttUrl, String id, String token,
                                                    SSLContext tls, TrustManagerFactory trust,
                                                    CemsClient.AckListener listener) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return client == Client.HIVEMQ ? HiveMqMeter.connect(mqttUrl, id, token, trust, listener)
                        : CemsClient.connectBroker(mqttUrl, id, token, tls, listener);
            } catch (org.eclipse.paho.client.mqttv3.MqttException | java.util.concurrent.ExecutionException
                     | java.util.concurrent.TimeoutException e) {
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
