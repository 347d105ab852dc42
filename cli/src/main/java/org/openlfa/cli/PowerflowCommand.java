package org.openlfa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lfa powerflow}: not built yet. */
@Command(name = "powerflow", mixinStandardHelpOptions = true, description = "Not built yet.")
final class PowerflowCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
