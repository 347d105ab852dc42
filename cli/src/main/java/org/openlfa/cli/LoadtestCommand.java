package org.openlfa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lfa loadtest}: not built yet. */
@Command(name = "loadtest", mixinStandardHelpOptions = true, description = "Not built yet.")
final class LoadtestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
