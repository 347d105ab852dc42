package org.openlfa.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openlfa.cems.LoadTest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lfa loadtest}: N simulated energy boxes against a running platform, in accelerated time.
 *
 * <pre>{@code
 * ./lfa loadtest --target https://127.0.0.1:8443 --data-dir lfa-data --agents 1000 --hours 1 --speed 60
 * # ... sent=60000 stored=60000 lost=0 p99_ms=…
 * ./lfa loadtest --target https://127.0.0.1:8443 --data-dir lfa-data --agents 1000 --hours 0.5 --client paho,hivemq
 * # ... one run per MQTT client, then both side by side (docs/benchmarks.md)
 * }</pre>
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = "Simulated CEMS agents against a running platform; ends with sent=X stored=Y lost=Z p99_ms=W.")
final class LoadtestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, description = "The platform's API, e.g. https://127.0.0.1:8443.")
    String target;

    @Option(names = "--data-dir", required = true, description = "The platform's data dir (operator token, certificate).")
    Path dataDir;

    @Option(names = "--agents", defaultValue = "100", description = "Simulated agents (default ${DEFAULT-VALUE}).")
    int agents;

    @Option(names = "--hours", defaultValue = "1", description = "Simulated hours (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--speed", defaultValue = "60",
            description = "Simulated seconds per real second (default ${DEFAULT-VALUE}: an hour in a minute).")
    double speed;

    @Option(names = "--ptu-minutes", defaultValue = "1",
            description = "One reading per agent per PTU (default ${DEFAULT-VALUE}: a reading a minute).")
    int ptuMinutes;

    @Option(names = "--client", split = ",", defaultValue = "paho", converter = ClientConverter.class,
            description = "MQTT client library of the simulated meters: paho (the energy box's own, default) or"
                    + " hivemq; a list (paho,hivemq) runs the same load once per client, one after the other in this"
                    + " process, each with agents of its own, and ends with the figures side by side.")
    List<LoadTest.Client> clients;

    @Option(names = "--pause-seconds", defaultValue = "10",
            description = "With several clients: seconds between two runs (default ${DEFAULT-VALUE}).")
    int pauseSeconds;

    static final class ClientConverter implements CommandLine.ITypeConverter<LoadTest.Client> {
        @Override
        public LoadTest.Client convert(String value) {
            return LoadTest.Client.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public Integer call() throws Exception {
        ServeCommand.quietBrokerLog();
        var out = spec.commandLine().getOut();
        List<LoadTest.Result> results = new ArrayList<>();
        for (LoadTest.Client client : clients) {
            if (!results.isEmpty()) {
                Thread.sleep(pauseSeconds * 1_000L);
            }
            LoadTest.Result r = LoadTest.run(new LoadTest.Settings(target, dataDir, agents, hours, speed, ptuMinutes,
                    client), line -> {
                        out.println(line);
                        out.flush();
                    });
            out.printf("sending took %.1f s; acknowledgement p50 %d ms, max %d ms%n", r.seconds(), r.p50Ms(),
                    r.maxMs());
            out.println(r.details());
            results.add(r);
        }
        if (results.size() > 1) {
            out.println("| client | connect s | connect CPU s | readings/s | lost | p50 ms | p99 ms | max ms"
                    + " | CPU us/reading | heap KiB/client | threads/client | resends |");
            out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (LoadTest.Result r : results) {
                out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.1f | %d | %d | %d | %d | %.0f | %.1f | %.2f | %d |%n",
                        r.client().name().toLowerCase(Locale.ROOT), r.connectSeconds(), r.connectCpuSeconds(),
                        r.readingsPerSecond(), r.lost(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.cpuMicrosPerReading(),
                        r.heapPerClientBytes() / 1024.0, r.threadsPerClient(), r.resends());
            }
        }
        for (LoadTest.Result r : results) {
            out.println(r.line());
        }
        out.flush();
        return results.stream().allMatch(r -> r.lost() == 0) ? 0 : 1;
    }
}
