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
import java.util.concurrent.Callable;
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
}
