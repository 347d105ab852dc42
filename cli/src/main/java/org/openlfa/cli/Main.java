package org.openlfa.cli;

import java.io.PrintWriter;
import org.openlfa.core.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lfa} command line: a thin face over the study engine.
 *
 * <pre>{@code
 * ./lfa study --out results
 * }</pre>
 */
@Command(name = "lfa", mixinStandardHelpOptions = true, version = "OpenLFA " + Main.VERSION,
        description = "OpenLFA: the Local Flexibility Aggregator study tool.",
        subcommands = {StudyCommand.class, PowerflowCommand.class, CbaCommand.class, RegionCommand.class,
            ServeCommand.class, AgentCommand.class, LoadtestCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    /** The product version, as in the Maven build. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: 0 done, 2 bad input or usage, 1 an internal failure. */
    public static int execute(String... args) {
        return configure(new CommandLine(new Main())).execute(args);
    }

    /** Runs the command line with its output and error text going to the given writers (for embedding and tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = configure(new CommandLine(new Main()));
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** A user's input error prints one line and exits 2; anything else is a bug and keeps its stack trace. */
    private static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InputException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
