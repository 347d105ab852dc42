package org.openlfa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.server.ApiClient;
import org.openlfa.server.Platform;
import picocli.CommandLine;

/** {@code lfa serve}, {@code lfa agent cems} and {@code lfa loadtest} against the real platform. */
class PlatformCommandsTest {

    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new Main()).setOut(new PrintWriter(out, true)).execute(args);
        return "exit=" + code + "\n" + out;
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
            assertThat(agent).startsWith("exit=0").contains("connected F1_LOAD1").contains("stored ").endsWith("done\n");
            assertThat(api.get("/api/readings?agent=F1_LOAD1", operator).body().size()).isEqualTo(4);

            String load = run("loadtest", "--target", platform.apiUrl(), "--data-dir", data.toString(), "--agents",
                    "5", "--hours", "0.1", "--speed", "120");
            assertThat(load).startsWith("exit=0").containsPattern("(?m)^sent=30 stored=30 lost=0 p99_ms=\\d+$");
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
