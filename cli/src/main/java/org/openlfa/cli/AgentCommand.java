package org.openlfa.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.openlfa.core.InputException;
import org.openlfa.cems.CemsClient;
import java.time.ZoneOffset;
import java.util.Locale;
import org.openlfa.model.asset.HomeAssetsFile;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.cems.LiveCems;
import org.openlfa.cems.LiveHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lfa agent}: one agent process that talks to a running platform over the network.
 *
 * <pre>{@code
 * ./lfa agent cems --id F1_LOAD1 --server https://127.0.0.1:8443 --ca lfa-data/tls/server.crt \
 *     --token-file F1_LOAD1.token --home F1_LOAD1 --scenario 2030Green-High --speed 60 --hours 2
 * }</pre>
 */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Runs one agent against a platform.",
        subcommands = AgentCommand.Cems.class)
final class AgentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /**
     * {@code lfa agent cems}: a home's energy box. Each simulated day it plans the home (UC1) on the platform's
     * tariffs and sends that plan to the aggregator, answers the aggregator's calls for proposals (UC2) and runs the
     * schedule it is awarded, and every PTU it reports the meter's reading.
     */
    @Command(name = "cems", mixinStandardHelpOptions = true,
            description = "An energy box: plans the home's day, negotiates it with the aggregator, and publishes the "
                    + "reading every PTU (accelerated with --speed).")
    static final class Cems implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--id", required = true, description = "The agent id registered with the platform.")
        String id;

        @Option(names = "--server", required = true, description = "The platform's API, e.g. https://127.0.0.1:8443.")
        String server;

        @Option(names = "--ca", required = true, description = "The platform's certificate (DIR/tls/server.crt).")
        Path ca;

        @Option(names = "--token-file", description = "File holding this agent's token (from POST /api/agents).")
        Path tokenFile;

        @Option(names = "--token-env", defaultValue = "LFA_AGENT_TOKEN",
                description = "Environment variable holding the token when no --token-file (default ${DEFAULT-VALUE}).")
        String tokenEnv;

        @Option(names = "--home", defaultValue = "F1_LOAD1",
                description = "Home of the study (a load name of --network), when no --devices (default "
                        + "${DEFAULT-VALUE}).")
        String home;

        @Mixin
        NetworkOptions networkOptions = new NetworkOptions();

        @Option(names = "--devices", description = "The home's devices (YAML; see docs/examples/home-devices.yaml) "
                + "instead of a home of the reference study.")
        Path devices;

        @Option(names = "--scenario", defaultValue = "2030Green-High",
                description = "Scenario: the study home's devices, and the tariffs until the platform's arrive.")
        String scenario;

        @Option(names = "--ptu-minutes", defaultValue = "15", description = "PTU length (default ${DEFAULT-VALUE}).")
        int ptuMinutes;

        @Option(names = "--speed", defaultValue = "1", description = "Simulated seconds per real second.")
        double speed;

        @Option(names = "--hours", description = "Simulated hours to run; runs until stopped without it.")
        Double hours;

        @Option(names = "--start", defaultValue = "2030-01-15T00:00:00Z", description = "Simulated start (UTC).")
        Instant start;

        @Override
        public Integer call() throws Exception {
            ServeCommand.quietBrokerLog();
            String token = token();
            Scenario chosen = ScenarioLoader.loadBuiltIn(scenario);
            LiveHome live = devices == null ? LiveHome.ofStudyHome(home, scenario, ptuMinutes,
                    networkOptions.settings())
                    : new LiveHome(id, HomeAssetsFile.read(devices), chosen, ptuMinutes);
            var out = spec.commandLine().getOut();
            try (CemsClient client = CemsClient.connect(server, id, token, ca, (mid, status, reason, ms) -> {
                if (reason != null) {
                    out.println(status + " " + mid + " (" + reason + ")");
                }
            })) {
                LiveCems cems = new LiveCems(client, live);
                out.println("connected " + id + (devices == null ? " home " + home : " devices " + devices) + " "
                        + scenario);
                out.flush();
                cems.awaitTariffs(5_000);
                long ptus = hours == null ? Long.MAX_VALUE : Math.round(hours * 60 / ptuMinutes);
                double periodMs = ptuMinutes * 60_000.0 / speed;
                long t0 = System.nanoTime();
                long sent = 0;
                for (long k = 0; k < ptus; k++) {
                    Instant ptuStart = start.plusSeconds(k * ptuMinutes * 60L);
                    cems.startPtu(ptuStart).ifPresent(plan -> {
                        out.printf(Locale.ROOT, "planned %s: own bill %.2f EUR%n",
                                ptuStart.atZone(ZoneOffset.UTC).toLocalDate(), plan.costInEur());
                        out.flush();
                    });
                    long wait = t0 + (long) ((k + 1) * periodMs * 1e6) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                    cems.endPtu(ptuStart);
                    sent++;
                }
                boolean all = client.awaitAcknowledged(30_000);
                out.println(all ? "done " + sent + " readings" : "done, " + client.unacknowledged()
                        + " unacknowledged");
                return all ? 0 : 1;
            }
        }

        private String token() throws java.io.IOException {
            if (tokenFile != null) {
                return Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
            }
            String t = System.getenv(tokenEnv);
            if (t == null || t.isBlank()) {
                throw InputException.in("lfa agent cems", "--token-file", "a token file, or the token in $" + tokenEnv);
            }
            return t.trim();
        }
    }
}
