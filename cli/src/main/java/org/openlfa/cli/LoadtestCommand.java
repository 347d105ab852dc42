package org.openlfa.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openlfa.cems.LoadTest;
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

    @Override
    public Integer call() throws Exception {
        ServeCommand.quietBrokerLog();
        var out = spec.commandLine().getOut();
        LoadTest.Result r = LoadTest.run(new LoadTest.Settings(target, dataDir, agents, hours, speed, ptuMinutes),
                line -> {
                    out.println(line);
                    out.flush();
                });
        out.printf("sending took %.1f s; acknowledgement p50 %d ms, max %d ms%n", r.seconds(), r.p50Ms(), r.maxMs());
        out.println(r.line());
        out.flush();
        return r.lost() == 0 ? 0 : 1;
    }
}
