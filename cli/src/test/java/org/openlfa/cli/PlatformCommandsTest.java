package org.openlfa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.cems.ApiClient;
import org.openlfa.platform.Platform;

/** {@code lfa serve}, {@code lfa agent cems} and {@code lfa loadtest} against the real platform. */
class PlatformCommandsTest {

    @TempDir
    Path dir;

    /** The exit code and the console output. */
    private static String run(String... args) {
        CliRun r = CliRun.of(args);
        return "exit=" + r.code() + "\n" + r.out();
    }

    /** The exit code, the console output and the error text. */
    private static String runErr(String... args) {
        CliRun r = CliRun.of(args);
        return "exit=" + r.code() + "\n" + r.out() + r.err();
    }

    @Test
    void agentAndLoadtestTalkToAPlatformOverTheNetwork() throws Exception {
        Path data = dir.resolve("data");
        try (Platform platform = Platform.start(new Platform.Config(data, "127.0.0.1", 0, 0))) {
            String operator = Files.readString(data.resolve("operator.token")).trim();
            Path ca = data.resolve("tls/server.crt");
            ApiClient api = new ApiClient(platform.apiUrl(), ca);
            Path tokenFile = dir.resolve("F1_LOAD1.token");
            Files.writeString(tokenFile, api.registerAgent(operator, "F1_LOAD1", "cems"));

            String agent = run("agent", "cems", "--id", "F1_LOAD1", "--server", platform.apiUrl(), "--ca",
                    ca.toString(), "--token-file", tokenFile.toString(), "--home", "F1_LOAD1", "--scenario",
                    "2030Green-High", "--speed", "7200", "--hours", "1");
            assertThat(agent).startsWith("exit=0").contains("connected F1_LOAD1")
                    .containsPattern("planned 2030-01-15: own bill -?\\d+\\.\\d\\d EUR").endsWith("done 4 readings\n");
            assertThat(api.get("/api/readings?agent=F1_LOAD1", operator).body().size()).isEqualTo(4);

            // a home from a devices file, planned and metered like a study home
            Path devices = dir.resolve("home.yaml");
            Files.writeString(devices, "loadProfileIndex: 12\nbattery: {capacityInKwh: 10.0, maxPowerInKw: 5.0}\n"
                    + "pv: {peakPowerInKwp: 4.0, profileIndex: 3}\n");
            Path ownToken = dir.resolve("my-home.token");
            Files.writeString(ownToken, api.registerAgent(operator, "my-home", "cems"));
            String own = run("agent", "cems", "--id", "my-home", "--server", platform.apiUrl(), "--ca",
                    ca.toString(), "--token-file", ownToken.toString(), "--devices", devices.toString(), "--speed",
                    "7200", "--hours", "0.5");
            assertThat(own).startsWith("exit=0").contains("devices " + devices).endsWith("done 2 readings\n");
            assertThat(api.get("/api/readings?agent=my-home", operator).body().size()).isEqualTo(2);

            // a devices file with an error: named file, line and field, exit code 2, nothing sent
            Files.writeString(devices, "loadProfileIndex: 12\nbattery: {capacityInKwh: -10.0, maxPowerInKw: 5.0}\n");
            String bad = runErr("agent", "cems", "--id", "my-home", "--server", platform.apiUrl(), "--ca",
                    ca.toString(), "--token-file", ownToken.toString(), "--devices", devices.toString());
            assertThat(bad).startsWith("exit=2").contains("home.yaml:2: field 'battery.capacityInKwh'");

            String load = run("loadtest", "--target", platform.apiUrl(), "--data-dir", data.toString(), "--agents",
                    "5", "--hours", "0.1", "--speed", "120");
            assertThat(load).startsWith("exit=0").containsPattern("(?m)^sent=30 stored=30 lost=0 p99_ms=\\d+$");

            // the client comparison: the same load on Paho and on the HiveMQ client, side by side
            String both = run("loadtest", "--target", platform.apiUrl(), "--data-dir", data.toString(), "--agents",
                    "5", "--hours", "0.1", "--speed", "120", "--client", "paho,hivemq", "--pause-seconds", "0");
            assertThat(both).startsWith("exit=0").contains("| paho |").contains("| hivemq |")
                    .containsPattern("(?m)^client=hivemq .* sent=30 stored=30 lost=0 ")
                    .containsPattern("(?s)^.*sent=30 stored=30 lost=0 p99_ms=\\d+\nsent=30 stored=30 lost=0 p99_ms=\\d+\n$");
        }
    }

    @Test
    void serveSaysReadyAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("serve");
        Path log = dir.resolve("serve.log");
        int port = freePort();
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--data-dir", data.toString(), "--port", Integer.toString(port), "--mqtt-port",
                Integer.toString(freePort())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long end = System.currentTimeMillis() + 60_000;
            while (!Files.readString(log).contains("ready ") && serve.isAlive() && System.currentTimeMillis() < end) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(log)).contains("ready https://127.0.0.1:" + port);
            String operator = Files.readString(data.resolve("operator.token")).trim();
            ApiClient api = new ApiClient("https://127.0.0.1:" + port, data.resolve("tls/server.crt"));
            assertThat(api.get("/api/stats", operator).body().get("readings").asLong()).isZero();
        } finally {
            serve.destroy();   // SIGTERM
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(data.resolve("pg/data/postmaster.pid"))).as("PostgreSQL stopped").isFalse();
    }

    private static int freePort() throws Exception {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
