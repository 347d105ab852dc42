package org.openlfa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lfa agent}: not built yet. */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Not built yet.")
final class AgentCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
