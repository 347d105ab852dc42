package org.openlfa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lfa region}: not built yet. */
@Command(name = "region", mixinStandardHelpOptions = true, description = "Not built yet.")
final class RegionCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
