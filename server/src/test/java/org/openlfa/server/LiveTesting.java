package org.openlfa.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;

/** What the live-platform tests share: waiting for something the agents do on their own threads, and peeking at the
 * database. */
final class LiveTesting {

    private LiveTesting() {
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
