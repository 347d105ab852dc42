package org.openlfa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lfa cba}: not built yet. */
@Command(name = "cba", mixinStandardHelpOptions = true, description = "Not built yet.")
final class CbaCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
