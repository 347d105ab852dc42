package org.openlfa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lfa serve}: not built yet. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Not built yet.")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
