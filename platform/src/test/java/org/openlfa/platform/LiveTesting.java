package org.openlfa.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openlfa.community.CommunitySettings;
import org.openlfa.cems.ApiClient;
import org.openlfa.cems.CemsClient;
import org.openlfa.cems.LiveCems;
import org.openlfa.cems.LiveHome;

/** What the live-platform tests share: waiting for something the agents do on their own threads, and peeking at the
 * database. */
final class LiveTesting {

    private LiveTesting() {
    }

    /** Fast waits, so a test's day passes in seconds: 4 s plan window, 2 s replies, 1.5 s market grace. */
    static CommunitySettings quick() {
        return CommunitySettings.defaults()
                .withTimes(Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofMillis(1500));
    }

    /** Energy boxes of study homes (2030Green-High) connected to a platform, each with the platform's tariffs. */
    record Homes(List<CemsClient> clients, List<LiveCems> boxes) implements AutoCloseable {

        static Homes connect(Platform p, Path dataDir, String... ids) throws Exception {
            Path ca = dataDir.resolve("tls/server.crt");
            ApiClient api = new ApiClient(p.apiUrl(), ca);
            String operator = Files.readString(dataDir.resolve("operator.token")).trim();
            List<CemsClient> clients = new ArrayList<>();
            List<LiveCems> boxes = new ArrayList<>();
            for (String id : ids) {
                CemsClient c = CemsClient.connect(p.apiUrl(), id, api.registerAgent(operator, id, "cems"), ca, null);
                clients.add(c);
                LiveCems cems = new LiveCems(c, LiveHome.ofStudyHome(id, "2030Green-High", 15));
                if (!cems.awaitTariffs(10_000)) {
                    throw new AssertionError("the platform's retained tariffs did not reach " + id);
                }
                boxes.add(cems);
            }
            return new Homes(clients, boxes);
        }

        @Override
        public void close() {
            clients.forEach(CemsClient::close);
        }
    }

    /** The first value of the first row of {@code query} on the platform's database, as text. */
    static String text(Platform p, String query) throws SQLException {
        try (Connection c = p.store().connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }

    /** The same as a number (a count). */
    static long number(Platform p, String query) throws SQLException {
        return Long.parseLong(text(p, query));
    }

    /** Polls until {@code probe} gives a value (not null); fails after {@code timeout}. */
    static <T> T await(Callable<T> probe, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** Polls until {@code condition} holds; fails after {@code timeout}, naming {@code what}. */
    static void until(String what, Callable<Boolean> condition, Duration timeout) throws Exception {
        try {
            await(() -> condition.call() ? Boolean.TRUE : null, timeout);
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns once the broker has handled every packet {@code client} sent before this call: it subscribes to
     * {@code topic} and waits for the SUBACK, granted or refused. The embedded broker handles one client's packets
     * in order (Moquette: one session loop per client), and it answers a refused publish with nothing at all, so
     * this is how a test learns that a refused publish was refused rather than still on its way.
     */
    static void brokerHandledAllOf(IMqttAsyncClient client, String topic) throws MqttException {
        try {
            client.subscribe(topic, 1).waitForCompletion(20_000);
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_SUBSCRIBE_FAILED) {
                throw e;
            }
            // refused: an answer all the same
        }
    }

    /**
     * Returns once the platform's intake has stored a reading published now by a new agent {@code probeId}: the
     * intake takes the broker's messages in order on one thread, so whatever the broker passed on before has been
     * handled too (stored, or refused with a reason).
     */
    static void intakeHandledAllBefore(Platform p, Path dataDir, String probeId) throws Exception {
        Path ca = dataDir.resolve("tls/server.crt");
        ApiClient api = new ApiClient(p.apiUrl(), ca);
        String operator = Files.readString(dataDir.resolve("operator.token")).trim();
        try (CemsClient probe = CemsClient.connect(p.apiUrl(), probeId, api.registerAgent(operator, probeId, "cems"),
                ca, null)) {
            UUID id = probe.sendReading(System.currentTimeMillis(), 15, 0.1, 0.01);
            if (!probe.awaitAcknowledged(20_000)) {
                throw new AssertionError("the intake did not acknowledge " + probeId + "'s reading " + id);
            }
        }
    }
}
