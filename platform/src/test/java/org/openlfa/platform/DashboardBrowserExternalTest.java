package org.openlfa.platform;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openlfa.protocol.security.Secrets;

/**
 * The same dashboard tests with the platform on Debian's PostgreSQL 15 and Mosquitto (dynsec), started as processes of
 * their own. Screenshots go to {@code target/dashboards-external/}.
 */
class DashboardBrowserExternalTest extends DashboardBrowserTest {

    static DebianServices.Postgres postgres;
    static DebianServices.Mosquitto mosquitto;

    /** Hides the embedded start of the parent: JUnit runs this one instead. */
    @BeforeAll
    static void start() throws Exception {
        shots = Path.of("target", "dashboards-external");
        if (!chromiumReady()) {
            return;
        }
        DebianServices.requireOrSkip();
        postgres = DebianServices.Postgres.start(dir.resolve("postgres"));
        mosquitto = DebianServices.Mosquitto.start(dir.resolve("mosquitto"));
        begin(new Platform.Config(dir.resolve("data"), "127.0.0.1", 0, 0)
                .withDatabase(postgres.createDatabase("lfa", "lfa", Secrets.newToken()))
                .withBroker(mosquitto.external()), mosquitto.caPem());
    }

    /** Hides the parent's stop: the platform first, then the services it ran on. */
    @AfterAll
    static void stop() {
        DashboardBrowserTest.stop();
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
