package org.openlfa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.cems.ApiClient;
import org.openlfa.cems.CemsClient;
import org.openlfa.platform.embedded.Ports;

/**
 * kill -9 of the platform process (and of its PostgreSQL) under load, then a restart on the same data dir: every
 * reading acknowledged before the kill is still there, and every reading sent is stored exactly once.
 */
class KillRestartTest {

    @TempDir
    Path dir;

    private Process startChild(Path data, int apiPort, int mqttPort, Path log) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Platform.class.getName(), data.toString(),
                Integer.toString(apiPort), Integer.toString(mqttPort))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            if (Files.exists(log) && Files.readString(log).contains("ready https://")) {
                return p;
            }
            if (!p.isAlive()) {
                throw new AssertionError("platform exited: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new AssertionError("platform not ready: " + Files.readString(log));
    }

    @Test
    void killDashNineUnderLoadLosesNoAcknowledgedReading() throws Exception {
        Path data = dir.resolve("data");
        int apiPort = Ports.free();
        int mqttPort = Ports.free();
        Process platform = startChild(data, apiPort, mqttPort, dir.resolve("run1.log"));
        String url = "https://127.0.0.1:" + apiPort;
        Path ca = data.resolve("tls/server.crt");
        ApiClient api = new ApiClient(url, ca);
        String operator = Files.readString(data.resolve("operator.token")).trim();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<CemsClient> agents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = "kill-" + i;
            agents.add(CemsClient.connect(url, id, api.registerAgent(operator, id, "cems"), ca,
                    (mid, status, reason, ms) -> {
                        if (status.equals("stored") || status.equals("duplicate")) {
                            acknowledged.add(mid);
                        }
                    }));
        }
        Set<String> sent = new HashSet<>();
        long t0 = Instant.parse("2030-01-15T00:00:00Z").toEpochMilli();
        Set<String> ackedBeforeKill = null;
        for (int ptu = 0; ptu < 80; ptu++) {
            for (CemsClient a : agents) {
                sent.add(a.sendReading(t0 + ptu * 900_000L, 15, 0.01 * ptu, 0.001).toString());
            }
            if (ptu == 40) {
                // kill -9 in the middle of the stream, the database too (a power cut, not a shutdown)
                long pgPid = pidOf(data.resolve("pg/data/postmaster.pid"));
                platform.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                if (pgPid > 0) {
                    new ProcessBuilder("kill", "-9", Long.toString(pgPid)).start().waitFor();
                }
                ackedBeforeKill = Set.copyOf(acknowledged);
            }
            if (ptu == 50) {
                platform = startChild(data, apiPort, mqttPort, dir.resolve("run2.log"));
            }
            Thread.sleep(15);
        }
        try {
            for (CemsClient a : agents) {
                assertThat(a.awaitAcknowledged(40_000)).as(a.agentId() + " all acknowledged").isTrue();
            }
            assertThat(ackedBeforeKill).isNotEmpty();
            Set<String> stored = new HashSet<>();
            for (CemsClient a : agents) {
                api.get("/api/readings?agent=" + a.agentId(), operator).body()
                        .forEach(r -> stored.add(r.get("messageId").asText()));
                a.close();
            }
            assertThat(stored).containsAll(ackedBeforeKill);
            assertThat(stored).isEqualTo(sent);
            assertThat(api.get("/api/stats?agentPrefix=kill-", operator).body().get("readingsOfPrefix").asLong())
                    .isEqualTo(sent.size());
            // every PTU's market clears exactly once, those open at the kill too (from their stored readings)
            long end = System.currentTimeMillis() + 30_000;
            while (api.get("/api/market?limit=500", operator).body().size() < 80
                    && System.currentTimeMillis() < end) {
                Thread.sleep(200);
            }
            assertThat(api.get("/api/market?limit=500", operator).body()).hasSize(80);
        } finally {
            platform.destroy();   // SIGTERM: the clean stop
            assertThat(platform.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(data.resolve("pg/data/postmaster.pid"))).as("PostgreSQL stopped too").isFalse();
    }

    private static long pidOf(Path pidFile) throws IOException {
        return Files.exists(pidFile) ? Long.parseLong(Files.readAllLines(pidFile).get(0).trim()) : -1;
    }
}
